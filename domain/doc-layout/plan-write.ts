// Writing the plan doc: planned visits (generation from care plans is in plan-follow.ts),
// cancellation and "missed" markings, clash resolutions. Apart from the
// readers in plan-doc.ts so that the start-up path does not carry them.
import * as Y from 'yjs';
import { CancellationSchema, PlannedVisitSchema, type Cancellation, type PlannedVisit } from '../visit';
import { ClashResolutionSchema, RESOLUTIONS, visitsMap, type ClashResolution } from './plan-doc';
import { ensureMap, setFields } from './y-helpers';

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

export function resolveClash(doc: Y.Doc, key: string, resolution: ClashResolution, origin?: unknown): void {
  const checked = ClashResolutionSchema.parse(resolution);
  doc.transact(() => doc.getMap<unknown>(RESOLUTIONS).set(key, checked), origin);
}

/** The resolved clashes of this day, by clash key (malformed entries are left out). */
