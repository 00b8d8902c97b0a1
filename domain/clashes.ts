// Clashes between a plan change and work done in the field at the same time.
// A scheduler may reassign or cancel a visit while the caregiver, offline, is
// already in it. Both sides are kept after sync (they live in different docs
// and keys); where they disagree, the board shows a clash for a person to
// resolve. Nothing is dropped: resolving writes to the plan, never removes the
// caregiver's records.
import type { Visit } from './visit';
import { workersOf } from './workers';

export { workersOf };

export const CLASH_KINDS = ['worked_cancelled', 'worked_missed', 'worked_unassigned'] as const;
export type ClashKind = (typeof CLASH_KINDS)[number];

export type Clash = {
  kind: ClashKind;
  visitId: string;
  date: string;
  /** The staff member who worked the visit. */
  staffId: string;
  /** When they checked in (or ticked the first insats). */
  at: string;
  /** Cancellation or marking reason, for worked_cancelled and worked_missed. */
  reason?: string;
};

/** The stable key of a clash, under which its resolution is stored. */
export function clashKey(clash: Pick<Clash, 'visitId' | 'kind' | 'staffId'>): string {
  return `${clash.visitId}/${clash.kind}/${clash.staffId}`;
}

/**
 * Every unresolved clash in a day's visits. `resolved` holds the keys of
 * clashes a scheduler has resolved; `isScheduler` tells which staff ids are
 * schedulers (their own touches are plan work, not field work).
 */
export function findClashes(
  visits: readonly Visit[],
  resolved: ReadonlySet<string> = new Set(),
  isScheduler: (staffId: string) => boolean = () => false,
): Clash[] {
  const clashes: Clash[] = [];
  for (const visit of visits) {
    const workers = workersOf(visit).filter((w) => !isScheduler(w.staffId));
    if (workers.length === 0) continue;
    // A legacy exec-doc marking shows as markedStatus once somebody checked in,
    // and as the status itself when the field only ticked insatser.
    const cancelled = visit.cancelled !== undefined || visit.markedStatus === 'cancelled' || visit.status === 'cancelled';
    const missed = visit.missed !== undefined || visit.markedStatus === 'missed' || visit.status === 'missed';
    const closedKind: ClashKind | undefined = cancelled ? 'worked_cancelled' : missed ? 'worked_missed' : undefined;
    const closedReason = cancelled ? (visit.cancelled?.reason ?? visit.statusReason) : missed ? (visit.missed?.reason ?? visit.statusReason) : undefined;
    for (const w of workers) {
      const base = { visitId: visit.id, date: visit.date, staffId: w.staffId, at: w.at };
      if (closedKind) clashes.push({ ...base, kind: closedKind, ...(closedReason ? { reason: closedReason } : {}) });
      if (!visit.unplanned && !visit.assignedStaffIds.includes(w.staffId)) clashes.push({ ...base, kind: 'worked_unassigned' });
    }
  }
  return clashes.filter((c) => !resolved.has(clashKey(c)));
}
