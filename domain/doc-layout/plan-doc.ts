// plan:<teamId>:<date> — the team's planned visits for one day.
// Layout: root map "visits": visitId → Y.Map of PlannedVisit fields;
// root map "generated": visitId → true for every visit ever generated from a
// care plan, so that generating again neither overwrites a visit a scheduler
// changed nor brings back one a scheduler removed.
import * as Y from 'yjs';
import { PlannedVisitSchema, type PlannedVisit } from '../visit';
import { describeIssues } from '../validation';
import { ensureMap, mapToObject, setFields } from './y-helpers';

const VISITS = 'visits';
const GENERATED = 'generated';

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
