// exec:<teamId>:<date> — what happened on the day's visits.
// Layout: four root maps, each keyed so that concurrent writers never race to
// create the same nested type (in Yjs, two replicas that each create a nested
// map at the same key keep only one of them, and with it only one side's data):
//   "status":   visitId → { status, reason? } (the field's progress)
//   "marks":    visitId → { status: cancelled | missed, reason } set by a
//               cancel or "missed" event; kept apart from "status" so that a
//               check-in made offline at the same time never wipes it out
//               (older records kept these markings in "status"; read too)
//   "checkIn":  "<visitId>/<staffId>" → Stamp
//   "checkOut": "<visitId>/<staffId>" → Stamp
//   "tasks":    "<visitId>/<insatsId>" → TaskResult
//   "outcome":  "<visitId>/<staffId>" → Outcome (set at check-out)
// Check-in, check-out and outcome are per staff member, so that two caregivers
// on one visit (dubbelbemanning) both keep theirs; the visit reads the earliest
// check-in, the latest check-out and the outcome that went least to plan.
// (Records written before this layout used the bare visitId as key; they are read too.)
//   "unplanned": visitId → PlannedVisit created in the field (caregivers may not
//               write the plan doc, so unplanned visits live here)
// Two caregivers ticking different insatser of one visit write different keys,
// so both ticks are kept.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { describeIssues } from '../validation';
import {
  OutcomeSchema,
  PlannedVisitSchema,
  StampSchema,
  VisitExecutionSchema,
  VisitStatusSchema,
  type Outcome,
  type PlannedVisit,
  type Stamp,
  type VisitExecution,
} from '../visit';
import type { ReadResult } from './plan-doc';
import { parseSignOffs } from './sign-off-doc';

const STATUS = 'status';
const MARKS = 'marks';
const CHECK_IN = 'checkIn';
const CHECK_OUT = 'checkOut';
const TASKS = 'tasks';
const OUTCOME = 'outcome';
const UNPLANNED = 'unplanned';
const TASK_KEY_SEPARATOR = '/';

const StatusEntrySchema = z.object({ status: VisitStatusSchema, reason: z.optional(z.string()) });

/** The exec doc's root maps (shared with exec-write.ts). */
export function maps(doc: Y.Doc) {
  return {
    status: doc.getMap<unknown>(STATUS),
    marks: doc.getMap<unknown>(MARKS),
    checkIn: doc.getMap<unknown>(CHECK_IN),
    checkOut: doc.getMap<unknown>(CHECK_OUT),
    tasks: doc.getMap<unknown>(TASKS),
    outcome: doc.getMap<unknown>(OUTCOME),
    unplanned: doc.getMap<unknown>(UNPLANNED),
  };
}

export function taskKey(visitId: string, insatsId: string): string {
  return `${visitId}${TASK_KEY_SEPARATOR}${insatsId}`;
}

/**
 * A map keyed "<visitId>/<key>" (older records: the bare visitId) grouped by
 * visit in one pass, so that reading a whole day does not scan every map once
 * per visit.
 */
type ByVisit = Map<string, { bare: boolean; bareValue: unknown; keyed: Array<[string, unknown]> }>;

function groupByVisit(map: Y.Map<unknown>): ByVisit {
  const out: ByVisit = new Map();
  map.forEach((value, key) => {
    const cut = key.indexOf(TASK_KEY_SEPARATOR);
    const visitId = cut > 0 ? key.slice(0, cut) : key;
    let group = out.get(visitId);
    if (!group) out.set(visitId, (group = { bare: false, bareValue: undefined, keyed: [] }));
    if (cut > 0) group.keyed.push([key.slice(cut + 1), value]);
    else {
      group.bare = true;
      group.bareValue = value;
    }
  });
  return out;
}

/** The exec doc's per-visit maps, each grouped by visit. */
type ExecIndex = { checkIn: ByVisit; checkOut: ByVisit; tasks: ByVisit; outcome: ByVisit; signOffs: ByVisit };

function groupedMaps(doc: Y.Doc): ExecIndex {
  const m = maps(doc);
  return {
    checkIn: groupByVisit(m.checkIn),
    checkOut: groupByVisit(m.checkOut),
    tasks: groupByVisit(m.tasks),
    outcome: groupByVisit(m.outcome),
    signOffs: groupByVisit(doc.getMap<unknown>('signOffs')),
  };
}

function tasksOf(tasks: ByVisit, visitId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of tasks.get(visitId)?.keyed ?? []) out[key] = value;
  return out;
}

export function staffKey(visitId: string, staffId: string): string {
  return `${visitId}${TASK_KEY_SEPARATOR}${staffId}`;
}

/** Values of a per-staff map for one visit: { staffId → value } (a legacy bare-visitId key has staffId ''). */
function perStaff(map: ByVisit, visitId: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const group = map.get(visitId);
  if (!group) return out;
  if (group.bare) out.set('', group.bareValue);
  for (const [staffId, value] of group.keyed) out.set(staffId, value);
  return out;
}

const SEVERITY: Record<Outcome['kind'], number> = { as_planned: 0, partial: 1, not_done: 2 };

function stampsOf(map: ByVisit, visitId: string): Stamp[] {
  return [...perStaff(map, visitId).values()].flatMap((v) => {
    const parsed = StampSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The outcome of the whole visit: the one that went least to plan, with every "not done" insats. */
function combinedOutcome(map: ByVisit, visitId: string): Outcome | undefined {
  const outcomes = [...perStaff(map, visitId).values()].flatMap((v) => {
    const parsed = OutcomeSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
  if (outcomes.length === 0) return undefined;
  const worst = outcomes.reduce((a, b) => (SEVERITY[b.kind] > SEVERITY[a.kind] ? b : a));
  const notDone = [...new Set(outcomes.flatMap((o) => o.notDone))];
  const actual = outcomes.flatMap((o) => (o.actualMinutes === undefined ? [] : [o.actualMinutes]));
  return { ...worst, notDone, ...(actual.length > 0 ? { actualMinutes: Math.max(...actual) } : {}) };
}

function parseExecution(doc: Y.Doc, visitId: string, index: ExecIndex): { ok: true; value: VisitExecution } | { ok: false; error: string } {
  const m = maps(doc);
  const status = StatusEntrySchema.safeParse(m.status.get(visitId) ?? { status: 'planned' });
  if (!status.success) return { ok: false, error: `status: ${describeIssues(status.error.issues)}` };
  const checkIns = stampsOf(index.checkIn, visitId).sort((a, b) => a.at.localeCompare(b.at));
  const checkOuts = stampsOf(index.checkOut, visitId).sort((a, b) => a.at.localeCompare(b.at));
  const outcome = combinedOutcome(index.outcome, visitId);
  const signOffs = parseSignOffs((index.signOffs.get(visitId)?.keyed ?? []).map(([, value]) => value), visitId);
  const markEntry = m.marks.get(visitId);
  const mark = markEntry === undefined ? undefined : StatusEntrySchema.safeParse(markEntry);
  if (mark && !mark.success) return { ok: false, error: `marks: ${describeIssues(mark.error.issues)}` };
  const stored = status.data;
  const closed = mark?.data ?? (stored.status === 'cancelled' || stored.status === 'missed' ? stored : undefined);
  // Cancelled or missed, but somebody checked in (offline, at the same time):
  // the work decides the status; the marking stays visible as markedStatus.
  const worked = checkIns.length > 0;
  const progress = stored.status === 'cancelled' || stored.status === 'missed' ? 'planned' : stored.status;
  const statusNow = closed && !worked ? closed.status : closed ? (checkOuts.length > 0 ? 'done' : 'in_progress') : progress;
  const markedStatus = closed && worked && (closed.status === 'cancelled' || closed.status === 'missed') ? closed.status : undefined;
  const reason = closed ? closed.reason : stored.reason;
  const parsed = VisitExecutionSchema.safeParse({
    visitId,
    status: statusNow,
    ...(markedStatus ? { markedStatus } : {}),
    ...(reason !== undefined ? { statusReason: reason } : {}),
    ...(checkIns[0] ? { checkIn: checkIns[0] } : {}),
    ...(checkOuts.length > 0 ? { checkOut: checkOuts[checkOuts.length - 1] } : {}),
    ...(outcome ? { outcome } : {}),
    ...(checkIns.length > 1 ? { staffCheckIns: checkIns } : {}),
    ...(checkOuts.length > 1 ? { staffCheckOuts: checkOuts } : {}),
    tasks: tasksOf(index.tasks, visitId),
    ...(signOffs.length > 0 ? { signOffs } : {}),
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error.issues) };
}

function visitIds(doc: Y.Doc): Set<string> {
  const m = maps(doc);
  const ids = new Set<string>([...m.status.keys(), ...m.marks.keys()]);
  for (const map of [m.tasks, m.checkIn, m.checkOut, m.outcome, doc.getMap<unknown>('signOffs')]) {
    for (const key of map.keys()) {
      const cut = key.indexOf(TASK_KEY_SEPARATOR);
      ids.add(cut > 0 ? key.slice(0, cut) : key);
    }
  }
  return ids;
}

export function readExecutions(doc: Y.Doc): ReadResult<VisitExecution> {
  const items: VisitExecution[] = [];
  const invalid: { id: string; error: string }[] = [];
  const index = groupedMaps(doc);
  for (const id of visitIds(doc)) {
    const parsed = parseExecution(doc, id, index);
    if (parsed.ok) items.push(parsed.value);
    else invalid.push({ id, error: parsed.error });
  }
  return { items, invalid };
}

export function readExecution(doc: Y.Doc, visitId: string): VisitExecution | undefined {
  if (!visitIds(doc).has(visitId)) return undefined;
  const parsed = parseExecution(doc, visitId, groupedMaps(doc));
  return parsed.ok ? parsed.value : undefined;
}

/** Where one staff member is in a visit: not checked in, in it, or checked out. */
export function staffProgress(doc: Y.Doc, visitId: string, staffId: string): 'planned' | 'in_progress' | 'done' {
  const m = maps(doc);
  const key = staffKey(visitId, staffId);
  return m.checkOut.has(key) ? 'done' : m.checkIn.has(key) ? 'in_progress' : 'planned';
}

/** Unplanned visits created in the field, in time order. */
export function readUnplannedVisits(doc: Y.Doc): ReadResult<PlannedVisit> {
  const items: PlannedVisit[] = [];
  const invalid: { id: string; error: string }[] = [];
  maps(doc).unplanned.forEach((value, id) => {
    const parsed = PlannedVisitSchema.safeParse(value);
    if (parsed.success) items.push(parsed.data);
    else invalid.push({ id, error: describeIssues(parsed.error.issues) });
  });
  items.sort((a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.id.localeCompare(b.id));
  return { items, invalid };
}

