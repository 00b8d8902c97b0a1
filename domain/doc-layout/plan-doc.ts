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
import { CancellationSchema, PlannedVisitSchema, type Cancellation, type PlannedVisit } from '../visit';
import { describeIssues } from '../validation';
import { ensureMap, mapToObject, setFields } from './y-helpers';

const VISITS = 'visits';
const GENERATED = 'generated';
const RESOLUTIONS = 'resolutions';

export type ReadResult<T> = { items: T[]; invalid: { id: string; error: string }[] };

function visitsMap(doc: Y.Doc): Y.Map<unknown> {
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

/** Creates or updates a planned visit; only the fields that changed are written. */
export function writePlannedVisit(doc: Y.Doc, visit: PlannedVisit, origin?: unknown): void {
  const checked = PlannedVisitSchema.parse(visit);
  doc.transact(() => {
    setFields(ensureMap(visitsMap(doc), checked.id), checked);
  }, origin);
}

/** Removes a visit from the plan (it stays marked as generated, so generation does not bring it back). */
export function removePlannedVisit(doc: Y.Doc, visitId: string, origin?: unknown): void {
  doc.transact(() => visitsMap(doc).delete(visitId), origin);
}

/**
 * Adds the visits that care plans give for this day and that were never
 * generated before. Idempotent: running it twice gives the same visits, and
 * it never overwrites or re-adds what a scheduler changed or removed.
 * Returns the ids it added.
 */
export function generateVisits(doc: Y.Doc, visits: readonly PlannedVisit[], origin?: unknown): string[] {
  const generated = doc.getMap<unknown>(GENERATED);
  const added: string[] = [];
  doc.transact(() => {
    for (const visit of visits) {
      if (generated.has(visit.id) || visitsMap(doc).has(visit.id)) continue;
      const checked = PlannedVisitSchema.parse(visit);
      setFields(ensureMap(visitsMap(doc), checked.id), checked);
      generated.set(checked.id, true);
      added.push(checked.id);
    }
  }, origin);
  return added;
}

function updateField(doc: Y.Doc, visitId: string, field: 'cancelled' | 'missed', value: Cancellation | undefined, origin?: unknown): boolean {
  const record = visitsMap(doc).get(visitId);
  if (!(record instanceof Y.Map)) return false;
  const checked = value === undefined ? undefined : CancellationSchema.parse(value);
  doc.transact(() => setFields(record, { [field]: checked }), origin);
  return true;
}

/** Cancels a planned visit with a reason (the recipient cancelled, hospital…). False when the visit is not in the plan. */
export function cancelPlannedVisit(doc: Y.Doc, visitId: string, cancellation: Cancellation, origin?: unknown): boolean {
  return updateField(doc, visitId, 'cancelled', cancellation, origin);
}

/** Marks a planned visit as missed (nobody came), with a reason. */
export function markPlannedVisitMissed(doc: Y.Doc, visitId: string, marking: Cancellation, origin?: unknown): boolean {
  return updateField(doc, visitId, 'missed', marking, origin);
}

/** Undoes a cancellation and a "missed" marking: the visit is planned again. */
export function restorePlannedVisit(doc: Y.Doc, visitId: string, origin?: unknown): boolean {
  const record = visitsMap(doc).get(visitId);
  if (!(record instanceof Y.Map)) return false;
  doc.transact(() => setFields(record, { cancelled: undefined, missed: undefined }), origin);
  return true;
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
export function resolveClash(doc: Y.Doc, key: string, resolution: ClashResolution, origin?: unknown): void {
  const checked = ClashResolutionSchema.parse(resolution);
  doc.transact(() => doc.getMap<unknown>(RESOLUTIONS).set(key, checked), origin);
}

/** The resolved clashes of this day, by clash key (malformed entries are left out). */
export function readResolutions(doc: Y.Doc): Map<string, ClashResolution> {
  const out = new Map<string, ClashResolution>();
  doc.getMap<unknown>(RESOLUTIONS).forEach((value, key) => {
    const parsed = ClashResolutionSchema.safeParse(value);
    if (parsed.success) out.set(key, parsed.data);
  });
  return out;
}
