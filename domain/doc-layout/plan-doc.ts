// plan:<teamId>:<date> — the team's planned visits for one day.
// Layout: root map "visits": visitId → Y.Map of PlannedVisit fields.
import * as Y from 'yjs';
import { PlannedVisitSchema, type PlannedVisit } from '../visit';
import { describeIssues } from '../validation';
import { ensureMap, mapToObject, setFields } from './y-helpers';

const VISITS = 'visits';

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
