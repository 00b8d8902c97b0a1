// Writing the exec doc: lifecycle events (check-in, check-out, cancel, …),
// ticks, unplanned visits and whole records. Apart from the readers in
// exec-doc.ts so that the start-up path ("Min dag" only reads) does not carry
// the writers and the lifecycle rules. Layout: docs/ARCHITECTURE.md.
import type * as Y from 'yjs';
import { minutesOfDay } from '../dates';
import { transition, type TransitionError, type VisitEvent } from '../lifecycle';
import { describeIssues } from '../validation';
import {
  OutcomeInputSchema,
  OutcomeSchema,
  PlannedVisitSchema,
  StampSchema,
  TaskResultSchema,
  VisitExecutionSchema,
  type Outcome,
  type PlannedVisit,
  type Stamp,
  type VisitExecution,
  type VisitStatus,
} from '../visit';
import { maps, readExecution, staffKey, taskKey } from './exec-doc';

export type ExecResult = { ok: true } | { ok: false; error: TransitionError };

/**
 * Applies a lifecycle event to a visit, refusing invalid transitions. Check-in
 * and check-out record who and when.
 */
export function applyVisitEvent(
  doc: Y.Doc,
  visitId: string,
  event: VisitEvent,
  stamp: Stamp,
  origin?: unknown,
  plan?: Pick<PlannedVisit, 'plannedStart' | 'plannedEnd' | 'insatser'>,
): ExecResult {
  const execution = readExecution(doc, visitId);
  const visitStatus = execution?.status ?? 'planned';
  const checkedStamp = StampSchema.parse(stamp);
  // Check-in and check-out follow each staff member's own progress through the
  // visit (two may share it); cancel, missed and reopen follow the visit's.
  const m0 = maps(doc);
  const mine = staffKey(visitId, checkedStamp.staffId);
  const myStatus: VisitStatus = m0.checkOut.has(mine) ? 'done' : m0.checkIn.has(mine) ? 'in_progress' : 'planned';
  const personal = event.type === 'check_in' || event.type === 'check_out';
  const current = personal && (visitStatus === 'planned' || visitStatus === 'in_progress' || visitStatus === 'done') ? myStatus : visitStatus;
  const result = transition(current, event);
  if (!result.ok) return result;
  let outcome: Outcome | undefined;
  if (event.type === 'check_out') {
    const parsedInput = OutcomeInputSchema.safeParse(event.outcome ?? { kind: 'as_planned', notDone: [] });
    if (!parsedInput.success) {
      return { ok: false, error: { code: 'invalid_transition', from: current, event: event.type, message: describeIssues(parsedInput.error.issues) } };
    }
    const input = { ...parsedInput.data, notDone: [...new Set(parsedInput.data.notDone)] };
    const planned = new Set(plan?.insatser.map((i) => i.id) ?? []);
    const unknown = plan ? input.notDone.filter((id) => !planned.has(id)) : [];
    if (unknown.length > 0) {
      return { ok: false, error: { code: 'invalid_transition', from: current, event: event.type, message: `not planned on this visit: ${unknown.join(', ')}` } };
    }
    const notDone = input.kind === 'not_done' && plan ? [...planned] : input.notDone;
    const checkInAt = (m0.checkIn.get(mine) as Stamp | undefined)?.at ?? execution?.checkIn?.at;
    outcome = OutcomeSchema.parse({
      ...input,
      notDone,
      ...(plan ? { plannedMinutes: minutesOfDay(plan.plannedEnd) - minutesOfDay(plan.plannedStart) } : {}),
      ...(checkInAt ? { actualMinutes: Math.max(0, Math.round((Date.parse(checkedStamp.at) - Date.parse(checkInAt)) / 60_000)) } : {}),
    });
  }
  doc.transact(() => {
    const m = maps(doc);
    if (event.type === 'cancel' || event.type === 'mark_missed') {
      m.marks.set(visitId, { status: result.status, reason: event.reason });
    } else if (event.type === 'reopen') {
      m.marks.delete(visitId);
      m.status.set(visitId, { status: 'planned' });
    } else {
      // The visit is in progress while anyone is in it; done once someone has checked out.
      const status = event.type === 'check_in' && visitStatus === 'done' ? 'done' : result.status;
      m.status.set(visitId, { status });
    }
    if (event.type === 'check_in') m.checkIn.set(mine, checkedStamp);
    if (event.type === 'check_out') m.checkOut.set(mine, checkedStamp);
    if (outcome) m.outcome.set(mine, outcome);
  }, origin);
  return { ok: true };
}

/** Records an unplanned visit (e.g. after a safety-alarm call-out); the scheduler sees it like any other. */
export function createUnplannedVisit(doc: Y.Doc, visit: PlannedVisit, origin?: unknown): void {
  const checked = PlannedVisitSchema.parse(visit);
  doc.transact(() => maps(doc).unplanned.set(checked.id, checked), origin);
}

/** Ticks (or unticks) one planned insats of a visit. */
export function setTaskDone(doc: Y.Doc, visitId: string, insatsId: string, done: boolean, stamp: Stamp, origin?: unknown): void {
  const result = TaskResultSchema.parse({ done, staffId: stamp.staffId, at: stamp.at });
  doc.transact(() => maps(doc).tasks.set(taskKey(visitId, insatsId), result), origin);
}

/** Writes a whole execution record (demo data and imports). */
export function writeExecution(doc: Y.Doc, execution: VisitExecution, origin?: unknown): void {
  const e = VisitExecutionSchema.parse(execution);
  doc.transact(() => {
    const m = maps(doc);
    if (e.status === 'cancelled' || e.status === 'missed') m.marks.set(e.visitId, { status: e.status, reason: e.statusReason ?? '' });
    else m.status.set(e.visitId, e.statusReason === undefined ? { status: e.status } : { status: e.status, reason: e.statusReason });
    for (const stamp of [...(e.checkIn ? [e.checkIn] : []), ...(e.staffCheckIns ?? [])]) m.checkIn.set(staffKey(e.visitId, stamp.staffId), stamp);
    for (const stamp of [...(e.checkOut ? [e.checkOut] : []), ...(e.staffCheckOuts ?? [])]) m.checkOut.set(staffKey(e.visitId, stamp.staffId), stamp);
    for (const [insatsId, r] of Object.entries(e.tasks)) m.tasks.set(taskKey(e.visitId, insatsId), r);
    if (e.outcome) m.outcome.set(staffKey(e.visitId, e.checkOut?.staffId ?? e.checkIn?.staffId ?? ''), e.outcome);
  }, origin);
}
