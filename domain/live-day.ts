// The live day: each visit's status as the scheduler follows it, from what
// the caregivers' devices have synced. "Late" is no check-in some minutes
// after the planned start; "missed" is no check-in by the planned end (or a
// visit marked missed).
import { instantOf } from './dates';
import type { Visit } from './visit';

/** Minutes after the planned start without a check-in before a visit counts as late. */
export const LATE_AFTER_MINUTES = 15;

export const LIVE_STATUSES = ['late', 'missed', 'not_started', 'in_progress', 'done', 'cancelled'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

export function liveStatus(visit: Pick<Visit, 'date' | 'plannedStart' | 'plannedEnd' | 'status'>, now: Date, lateAfterMinutes = LATE_AFTER_MINUTES): LiveStatus {
  switch (visit.status) {
    case 'cancelled':
    case 'done':
    case 'in_progress':
    case 'missed':
      return visit.status;
    case 'planned': {
      const t = now.getTime();
      if (t >= instantOf(visit.date, visit.plannedEnd).getTime()) return 'missed';
      if (t >= instantOf(visit.date, visit.plannedStart).getTime() + lateAfterMinutes * 60_000) return 'late';
      return 'not_started';
    }
    default: {
      const never: never = visit.status;
      throw new Error(`unknown visit status ${String(never)}`);
    }
  }
}

/** How many visits are in each live status. */
export function liveCounts(visits: readonly Pick<Visit, 'date' | 'plannedStart' | 'plannedEnd' | 'status'>[], now: Date, lateAfterMinutes = LATE_AFTER_MINUTES): Record<LiveStatus, number> {
  const counts = Object.fromEntries(LIVE_STATUSES.map((s) => [s, 0])) as Record<LiveStatus, number>;
  for (const v of visits) counts[liveStatus(v, now, lateAfterMinutes)] += 1;
  return counts;
}

/** Milliseconds until some visit's live status changes by the clock alone (null when none will). */
export function nextLiveChange(visits: readonly Pick<Visit, 'date' | 'plannedStart' | 'plannedEnd' | 'status'>[], now: Date, lateAfterMinutes = LATE_AFTER_MINUTES): number | null {
  let next: number | null = null;
  for (const v of visits) {
    if (v.status !== 'planned') continue;
    for (const at of [instantOf(v.date, v.plannedStart).getTime() + lateAfterMinutes * 60_000, instantOf(v.date, v.plannedEnd).getTime()]) {
      const wait = at - now.getTime();
      if (wait > 0 && (next === null || wait < next)) next = wait;
    }
  }
  return next;
}
