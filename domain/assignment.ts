// How a visit's staff list changes when the scheduler assigns, drags or
// resolves a clash. Pure functions over the list of staff ids (the first is
// the visit's main staff member; more are dubbelbemanning).
import { workersOf } from './clashes';
import type { Visit } from './visit';

/** `staffId` becomes the first staff member (the others stay); '' removes the first. */
export function assignFirst(assigned: readonly string[], staffId: string): string[] {
  return staffId ? [staffId, ...assigned.slice(1).filter((s) => s !== staffId)] : assigned.slice(1);
}

/**
 * A card dragged from `from`'s lane (or '' for the unassigned column) to
 * `to`'s lane (or ''): only `from` is replaced, in their place; a second staff
 * member stays.
 */
export function replaceInAssignment(assigned: readonly string[], from: string, to: string): string[] {
  const others = assigned.filter((s) => s !== from && s !== to);
  const at = from === '' ? -1 : assigned.indexOf(from);
  if (to === '') return others;
  return at >= 0 ? [...others.slice(0, at), to, ...others.slice(at)] : [to, ...others];
}

/**
 * Resolving "worked by someone not assigned" by assigning the worker: those
 * assigned who also worked the visit stay, the worker joins, and the rest stay
 * only as far as the visit needs staff.
 */
export function assignWorker(visit: Pick<Visit, 'assignedStaffIds' | 'requiredStaff' | 'checkIn' | 'staffCheckIns' | 'tasks'>, workerId: string): string[] {
  const workers = new Set(workersOf(visit).map((w) => w.staffId));
  const kept = visit.assignedStaffIds.filter((s) => workers.has(s));
  const rest = visit.assignedStaffIds.filter((s) => !workers.has(s));
  return [...kept, workerId, ...rest].slice(0, Math.max(visit.requiredStaff, kept.length + 1));
}
