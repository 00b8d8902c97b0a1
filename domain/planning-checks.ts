// Checks on a team-day's plan, shown to the scheduler as the plan changes:
// double bookings, no time to travel between visits, too few staff, a task
// that needs a competence or delegation the assigned person lacks, work
// outside the person's shift, and visits outside the recipient's agreed time
// window. Pure functions over domain objects; the board calls them on every change.
import type { Brukare } from './brukare';
import { minutesOfDay } from './dates';
import type { Competence } from './insatser';
import type { PlannedVisit } from './visit';

/** Minutes to get from one recipient to the next in town (on foot, bike or car). */
export const DEFAULT_TRAVEL_MINUTES = 10;

export type PlanningIssue =
  | { kind: 'double_booked'; staffId: string; visitIds: [string, string] }
  | { kind: 'no_travel_time'; staffId: string; visitIds: [string, string]; gapMinutes: number; neededMinutes: number }
  | { kind: 'understaffed'; visitId: string; required: number; assigned: number }
  | { kind: 'missing_competence'; visitId: string; staffId: string; insatsId: string; competence: Competence }
  | { kind: 'outside_shift'; visitId: string; staffId: string }
  | { kind: 'outside_window'; visitId: string; insatsId: string; windowStart: string; windowEnd: string };

export type StaffForPlanning = { id: string; competences: readonly Competence[]; shift?: { start: string; end: string } | undefined };

export type PlanningContext = {
  staff: readonly StaffForPlanning[];
  recipients: ReadonlyMap<string, Pick<Brukare, 'carePlan'>>;
  travelMinutes?: number;
};

type Span = { visit: PlannedVisit; start: number; end: number };

function spanOf(visit: PlannedVisit): Span {
  return { visit, start: minutesOfDay(visit.plannedStart), end: minutesOfDay(visit.plannedEnd) };
}

/** Every issue in a day's visits (cancelled visits should be left out by the caller). */
export function checkPlan(visits: readonly PlannedVisit[], ctx: PlanningContext): PlanningIssue[] {
  const issues: PlanningIssue[] = [];
  const travel = ctx.travelMinutes ?? DEFAULT_TRAVEL_MINUTES;
  const staffById = new Map(ctx.staff.map((s) => [s.id, s]));
  const byStaff = new Map<string, Span[]>();
  for (const visit of visits) {
    for (const staffId of new Set(visit.assignedStaffIds)) byStaff.set(staffId, [...(byStaff.get(staffId) ?? []), spanOf(visit)]);
  }

  for (const [staffId, spans] of byStaff) {
    spans.sort((a, b) => a.start - b.start || a.visit.id.localeCompare(b.visit.id));
    for (let i = 0; i < spans.length; i++) {
      const a = spans[i];
      if (!a) continue;
      for (let j = i + 1; j < spans.length; j++) {
        const b = spans[j];
        if (!b || b.start >= a.end + travel) break;
        if (b.start < a.end) {
          issues.push({ kind: 'double_booked', staffId, visitIds: [a.visit.id, b.visit.id] });
        } else if (a.visit.brukareId !== b.visit.brukareId && j === i + 1) {
          issues.push({ kind: 'no_travel_time', staffId, visitIds: [a.visit.id, b.visit.id], gapMinutes: b.start - a.end, neededMinutes: travel });
        }
      }
    }
    const shift = staffById.get(staffId)?.shift;
    if (shift) {
      const [from, to] = [minutesOfDay(shift.start), minutesOfDay(shift.end)];
      for (const s of spans) if (s.start < from || s.end > to) issues.push({ kind: 'outside_shift', visitId: s.visit.id, staffId });
    }
  }

  for (const visit of visits) {
    const assigned = new Set(visit.assignedStaffIds).size;
    if (assigned < visit.requiredStaff) issues.push({ kind: 'understaffed', visitId: visit.id, required: visit.requiredStaff, assigned });
    const plan = ctx.recipients.get(visit.brukareId)?.carePlan ?? [];
    const span = spanOf(visit);
    for (const insats of visit.insatser) {
      const item = plan.find((i) => i.id === insats.id);
      if (!item) continue;
      for (const competence of item.requires) {
        for (const staffId of new Set(visit.assignedStaffIds)) {
          const staff = staffById.get(staffId);
          if (!staff || !staff.competences.includes(competence)) {
            issues.push({ kind: 'missing_competence', visitId: visit.id, staffId, insatsId: insats.id, competence });
          }
        }
      }
      const { windowStart, windowEnd } = item.rhythm;
      if (span.start < minutesOfDay(windowStart) || span.end > minutesOfDay(windowEnd)) {
        issues.push({ kind: 'outside_window', visitId: visit.id, insatsId: insats.id, windowStart, windowEnd });
      }
    }
  }
  return issues;
}
