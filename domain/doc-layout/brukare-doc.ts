// brukare:<brukareId> — the recipient's profile, door info and care plan.
// Layout: root map "profile": field → JSON value; root map "carePlan": itemId → CarePlanItem.
import * as Y from 'yjs';
import { BrukareSchema, CarePlanItemSchema, type Brukare, type CarePlanItem } from '../brukare';
import { describeIssues, type ParseResult } from '../validation';
import { setFields } from './y-helpers';

const PROFILE = 'profile';
const CARE_PLAN = 'carePlan';

export function readBrukare(doc: Y.Doc): ParseResult<Brukare> {
  const profile = doc.getMap<unknown>(PROFILE);
  if (profile.size === 0) return { ok: false, error: 'not synced yet' };
  const carePlan: CarePlanItem[] = [];
  doc.getMap<unknown>(CARE_PLAN).forEach((value) => {
    const parsed = CarePlanItemSchema.safeParse(value);
    if (parsed.success) carePlan.push(parsed.data);
  });
  carePlan.sort((a, b) => a.rhythm.windowStart.localeCompare(b.rhythm.windowStart) || a.id.localeCompare(b.id));
  const parsed = BrukareSchema.safeParse({ ...profile.toJSON(), carePlan });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error.issues) };
}

export function writeBrukare(doc: Y.Doc, brukare: Brukare, origin?: unknown): void {
  const checked = BrukareSchema.parse(brukare);
  const { carePlan, ...profile } = checked;
  doc.transact(() => {
    setFields(doc.getMap(PROFILE), profile);
    const plan = doc.getMap<unknown>(CARE_PLAN);
    const keep = new Set(carePlan.map((item) => item.id));
    for (const key of [...plan.keys()]) if (!keep.has(key)) plan.delete(key);
    for (const item of carePlan) {
      if (JSON.stringify(plan.get(item.id)) !== JSON.stringify(item)) plan.set(item.id, item);
    }
  }, origin);
}
