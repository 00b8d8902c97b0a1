// Visits from care plans: which insatser of a recipient's care plan fall on a
// date, grouped into one visit per time window. Pure and deterministic: the
// same plan and date always give the same visit ids, so generating twice
// gives the same visits.
import type { Brukare, CarePlanItem } from './brukare';
import { isoWeekday, minutesOfDay, timeOfMinutes } from './dates';
import { serviceActiveOn } from './recipient-card';
import type { PlannedVisit } from './visit';

/** ISO 8601 week number of a date. */
export function isoWeek(date: string): number {
  const d = new Date(`${date}T12:00:00Z`);
  const day = isoWeekday(date);
  d.setUTCDate(d.getUTCDate() + 4 - day); // Thursday of this week
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
}

export function occursOn(item: CarePlanItem, date: string): boolean {
  if (!item.rhythm.weekdays.includes(isoWeekday(date))) return false;
  return !item.rhythm.everyOtherWeek || isoWeek(date) % 2 === 0;
}

export function visitId(brukareId: string, date: string, windowStart: string): string {
  return `${brukareId}-${date}-${windowStart.replace(':', '')}`;
}

/**
 * The unassigned visits a recipient's care plan gives on a date, in time
 * order; none from the day the recipient's service ended.
 */
export function visitsFromCarePlan(brukare: Brukare, date: string): PlannedVisit[] {
  if (!serviceActiveOn(brukare, date)) return [];
  const byWindow = new Map<string, CarePlanItem[]>();
  for (const item of brukare.carePlan) {
    if (!occursOn(item, date)) continue;
    const group = byWindow.get(item.rhythm.windowStart) ?? [];
    group.push(item);
    byWindow.set(item.rhythm.windowStart, group);
  }
  return [...byWindow.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([windowStart, items]) => {
      const minutes = items.reduce((sum, i) => sum + i.rhythm.minutes, 0);
      const start = minutesOfDay(windowStart);
      return {
        id: visitId(brukare.id, date, windowStart),
        teamId: brukare.teamId,
        brukareId: brukare.id,
        date,
        plannedStart: timeOfMinutes(start),
        plannedEnd: timeOfMinutes(Math.min(start + minutes, 23 * 60 + 59)),
        requiredStaff: Math.max(...items.map((i) => i.rhythm.staffCount)),
        assignedStaffIds: [],
        insatser: items.map((i) => ({ id: i.id, type: i.type, title: i.title })),
      };
    });
}
