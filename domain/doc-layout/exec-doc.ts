// exec:<teamId>:<date> — what happened on the day's visits.
// Layout: root map "visits": visitId → Y.Map { visitId, status, checkIn?, checkOut?,
// statusReason?, tasks: Y.Map insatsId → TaskResult }. Tasks are a nested map so
// that two caregivers ticking different insatser on the same visit both keep theirs.
import * as Y from 'yjs';
import { transition, type TransitionError, type VisitEvent } from '../lifecycle';
import { describeIssues } from '../validation';
import { VisitExecutionSchema, type Stamp, type VisitExecution } from '../visit';
import { ensureMap, mapToObject, setFields } from './y-helpers';
import type { ReadResult } from './plan-doc';

const VISITS = 'visits';
const TASKS = 'tasks';

function visitsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(VISITS);
}

function parseExecution(visitId: string, value: unknown): { ok: true; value: VisitExecution } | { ok: false; error: string } {
  if (!(value instanceof Y.Map)) return { ok: false, error: 'not a record' };
  const raw = mapToObject(value);
  const parsed = VisitExecutionSchema.safeParse({ visitId, status: 'planned', tasks: {}, ...raw });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error.issues) };
}

export function readExecutions(doc: Y.Doc): ReadResult<VisitExecution> {
  const items: VisitExecution[] = [];
  const invalid: { id: string; error: string }[] = [];
  visitsMap(doc).forEach((value, id) => {
    const parsed = parseExecution(id, value);
    if (parsed.ok) items.push(parsed.value);
    else invalid.push({ id, error: parsed.error });
  });
  return { items, invalid };
}

export function readExecution(doc: Y.Doc, visitId: string): VisitExecution | undefined {
  const value = visitsMap(doc).get(visitId);
  if (value === undefined) return undefined;
  const parsed = parseExecution(visitId, value);
  return parsed.ok ? parsed.value : undefined;
}

export type ExecResult = { ok: true } | { ok: false; error: TransitionError };

/**
 * Applies a lifecycle event to a visit, refusing invalid transitions. Check-in
 * and check-out record who and when.
 */
export function applyVisitEvent(doc: Y.Doc, visitId: string, event: VisitEvent, stamp: Stamp, origin?: unknown): ExecResult {
  const current = readExecution(doc, visitId)?.status ?? 'planned';
  const result = transition(current, event);
  if (!result.ok) return result;
  doc.transact(() => {
    const record = ensureMap(visitsMap(doc), visitId);
    const fields: Record<string, unknown> = { visitId, status: result.status };
    if (event.type === 'check_in') fields.checkIn = stamp;
    if (event.type === 'check_out') fields.checkOut = stamp;
    if (event.type === 'cancel' || event.type === 'mark_missed') fields.statusReason = event.reason;
    if (event.type === 'reopen') fields.statusReason = undefined;
    setFields(record, fields);
  }, origin);
  return { ok: true };
}

/** Ticks (or unticks) one planned insats of a visit. */
export function setTaskDone(doc: Y.Doc, visitId: string, insatsId: string, done: boolean, stamp: Stamp, origin?: unknown): void {
  doc.transact(() => {
    const record = ensureMap(visitsMap(doc), visitId);
    if (!record.has('visitId')) record.set('visitId', visitId);
    if (!record.has('status')) record.set('status', 'planned');
    ensureMap(record, TASKS).set(insatsId, { done, staffId: stamp.staffId, at: stamp.at });
  }, origin);
}

/** Writes a whole execution record (demo data and imports). */
export function writeExecution(doc: Y.Doc, execution: VisitExecution, origin?: unknown): void {
  const checked = VisitExecutionSchema.parse(execution);
  doc.transact(() => {
    const record = ensureMap(visitsMap(doc), checked.visitId);
    const { tasks, ...fields } = checked;
    setFields(record, fields);
    const taskMap = ensureMap(record, TASKS);
    for (const [insatsId, result] of Object.entries(tasks)) taskMap.set(insatsId, result);
  }, origin);
}
