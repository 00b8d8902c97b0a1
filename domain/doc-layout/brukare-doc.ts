// brukare:<brukareId> — the recipient's profile, door info and care plan.
// Layout: root map "profile": field → JSON value; the care plan's versions
// (care-plan-doc.ts); root map "carePlan": itemId → CarePlanItem, the plan of
// docs from before versioning; root map "grant": what the latest order grants.
import * as Y from 'yjs';
import { z } from 'zod/mini';
import { BrukareSchema, CarePlanItemSchema, type Brukare, type CarePlanItem } from '../brukare';
import { GrantSchema, type Grant } from '../orders';
import type { CarePlanVersion } from '../care-plan';
import { describeIssues, type ParseResult } from '../validation';
import { CARE_PLAN_VERSIONS, currentCarePlanItems, saveCarePlanVersion } from './care-plan-doc';
import { setFields } from './y-helpers';

const PROFILE = 'profile';
const CARE_PLAN = 'carePlan';

/** The current care plan's well-formed items, in the order of their time windows (care-plan-doc.ts). */
function readCarePlan(doc: Y.Doc): CarePlanItem[] {
  return currentCarePlanItems(doc, () => readLegacyCarePlan(doc));
}

/** The root map "carePlan": the plan of a doc from before versioning. */
function readLegacyCarePlan(doc: Y.Doc): CarePlanItem[] {
  const carePlan: CarePlanItem[] = [];
  doc.getMap<unknown>(CARE_PLAN).forEach((value) => {
    const parsed = CarePlanItemSchema.safeParse(value);
    if (parsed.success) carePlan.push(parsed.data);
  });
  return carePlan.sort((a, b) => a.rhythm.windowStart.localeCompare(b.rhythm.windowStart) || a.id.localeCompare(b.id));
}

export function readBrukare(doc: Y.Doc): ParseResult<Brukare> {
  const profile = doc.getMap<unknown>(PROFILE);
  if (profile.size === 0) return { ok: false, error: 'not synced yet' };
  // A malformed care plan item is left out (readCarePlan); a malformed profile refuses the whole record.
  const parsed = BrukareSchema.safeParse({ ...profile.toJSON(), carePlan: readCarePlan(doc) });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error.issues) };
}

/** What planning needs of a recipient: who it is and the care plan. */
export type RecipientPlan = Pick<Brukare, 'id' | 'name' | 'carePlan'>;

const RecipientNameSchema = z.pick(BrukareSchema, { id: true, name: true });

/**
 * The recipient's id, name and care plan, without reading the rest of the
 * profile: the planning board reads this for every recipient of the day on
 * every change. Only these fields are checked, so a profile with another field
 * malformed still gives its name here (readBrukare refuses it).
 */
export function readRecipientPlan(doc: Y.Doc): ParseResult<RecipientPlan> {
  const profile = doc.getMap<unknown>(PROFILE);
  const parsed = RecipientNameSchema.safeParse({ id: profile.get('id'), name: profile.get('name') });
  if (parsed.success) return { ok: true, value: { ...parsed.data, carePlan: readCarePlan(doc) } };
  return { ok: false, error: profile.size === 0 ? 'not synced yet' : describeIssues(parsed.error.issues) };
}

export function writeBrukare(doc: Y.Doc, brukare: Brukare, origin?: unknown): void {
  const checked = BrukareSchema.parse(brukare);
  const { carePlan, ...profile } = checked;
  doc.transact(() => {
    setFields(doc.getMap(PROFILE), profile);
    // Once the plan has versions, it changes only by a new version (saveCarePlanVersion).
    if (doc.getMap<unknown>(CARE_PLAN_VERSIONS).size > 0) return;
    const plan = doc.getMap<unknown>(CARE_PLAN);
    const keep = new Set(carePlan.map((item) => item.id));
    for (const key of [...plan.keys()]) if (!keep.has(key)) plan.delete(key);
    for (const item of carePlan) {
      if (JSON.stringify(plan.get(item.id)) !== JSON.stringify(item)) plan.set(item.id, item);
    }
  }, origin);
}

const GRANT = 'grant';

/** What the latest order grants (root map "grant"): written by the server when an order comes in. */
export function writeGrant(doc: Y.Doc, grant: Grant, origin?: unknown): void {
  const checked = GrantSchema.parse(grant);
  doc.transact(() => setFields(doc.getMap(GRANT), checked), origin);
}

export function readGrant(doc: Y.Doc): Grant | undefined {
  const map = doc.getMap<unknown>(GRANT);
  if (map.size === 0) return undefined;
  const parsed = GrantSchema.safeParse(map.toJSON());
  return parsed.success ? parsed.data : undefined;
}

/**
 * A later order: adds a new care plan version with the items whose ids the
 * current plan does not have yet (none changed or removed), attributed to
 * whoever sent the order. Returns the ids added (none: no new version).
 */
export function addCarePlanItems(doc: Y.Doc, items: readonly CarePlanItem[], version: Omit<CarePlanVersion, 'items'>, origin?: unknown): string[] {
  const current = readCarePlan(doc);
  const have = new Set(current.map((item) => item.id));
  const added = items.filter((item) => !have.has(item.id)).map((item) => CarePlanItemSchema.parse(item));
  if (added.length > 0) saveCarePlanVersion(doc, { ...version, items: [...current, ...added] }, origin);
  return added.map((item) => item.id);
}
