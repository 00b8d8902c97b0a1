// plan:<teamId>:<date> — the team's planned visits for one day.
// Layout: root map "visits": visitId → Y.Map of PlannedVisit fields;
// root map "generated": visitId → true for every visit ever generated from a
// care plan, so that generating again neither overwrites a visit a scheduler
// changed nor brings back one a scheduler removed;
// root map "resolutions": clashKey → ClashResolution, how a scheduler resolved a
// clash between a plan change and field work (see clashes.ts).
// A cancellation or a "missed" marking is a field of the planned visit, so it
// never races with the caregivers' writes to the exec doc.
import * as Y from 'yjs';
import { z } from 'zod/mini';
import { IdSchema, InstantSchema } from '../ids';
import { PlannedVisitSchema, type PlannedVisit } from '../visit';
import { describeIssues } from '../validation';
import { mapToObject } from './y-helpers';

const VISITS = 'visits';
/** Root map keys shared with plan-write.ts. */
export const GENERATED = 'generated';
export const RESOLUTIONS = 'resolutions';

export type ReadResult<T> = { items: T[]; invalid: { id: string; error: string }[] };

export function visitsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(VISITS);
}

export function readPlannedVisits(doc: Y.Doc): ReadResult<PlannedVisit> {
  const items: PlannedVisit[] = [];
  const invalid: { id: string; error: string }[] = [];
  visitsMap(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map)) {
      invalid.push({ id, error: 'not a record' });
      return;
    }
    const parsed = PlannedVisitSchema.safeParse(mapToObject(value));
    if (parsed.success) items.push(parsed.data);
    else invalid.push({ id, error: describeIssues(parsed.error.issues) });
  });
  return { items, invalid };
}

export function readPlannedVisit(doc: Y.Doc, visitId: string): PlannedVisit | undefined {
  const value = visitsMap(doc).get(visitId);
  if (!(value instanceof Y.Map)) return undefined;
  const parsed = PlannedVisitSchema.safeParse(mapToObject(value));
  return parsed.success ? parsed.data : undefined;
}

export const CLASH_ACTIONS = ['kept_plan', 'assigned_worker', 'restored'] as const;
export const ClashResolutionSchema = z.object({
  action: z.enum(CLASH_ACTIONS),
  at: InstantSchema,
  by: IdSchema,
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type ClashResolution = z.infer<typeof ClashResolutionSchema>;

/** Records how a clash was resolved; the field's records stay as they are. */
export function readResolutions(doc: Y.Doc): Map<string, ClashResolution> {
  const out = new Map<string, ClashResolution>();
  doc.getMap<unknown>(RESOLUTIONS).forEach((value, key) => {
    const parsed = ClashResolutionSchema.safeParse(value);
    if (parsed.success) out.set(key, parsed.data);
  });
  return out;
}
