// Personalkontinuitet: how many different staff a recipient meets over 14 days
// (fewer is better), and assignment candidates ranked by continuity,
// competence and free time.
//
// The national indicator counts recipients aged 65 or more with at least two
// visits a day, visits between 07 and 22, and leaves out safety-alarm call-outs
// and meal deliveries. `continuityIndicator` applies those rules;
// `staffMetPerRecipient` counts without them, for the scheduler's own view.
import { minutesOfDay } from './dates';
import type { Competence, InsatsType } from './insatser';
import type { PlannedVisit } from './visit';

export const CONTINUITY_PERIOD_DAYS = 14;
const EXCLUDED: ReadonlySet<InsatsType> = new Set(['alarm_callout']);
const DAY_START = 7 * 60;
const DAY_END = 22 * 60;

type VisitLike = Pick<PlannedVisit, 'brukareId' | 'date' | 'plannedStart' | 'plannedEnd' | 'assignedStaffIds' | 'insatser'>;

/** Distinct staff each recipient met in the given visits. */
export function staffMetPerRecipient(visits: readonly VisitLike[]): Map<string, number> {
  const met = new Map<string, Set<string>>();
  for (const v of visits) {
    const set = met.get(v.brukareId) ?? new Set<string>();
    for (const s of v.assignedStaffIds) set.add(s);
    met.set(v.brukareId, set);
  }
  return new Map([...met].map(([id, set]) => [id, set.size]));
}

export type ContinuityResult = {
  /** Per included recipient: distinct staff met in the period. */
  perRecipient: Map<string, number>;
  /** Mean over included recipients (the indicator); null when nobody qualifies. */
  mean: number | null;
};

/**
 * The national continuity indicator over a 14-day period. `ageOf` gives the
 * recipient's age at the end of the period; `isMealDelivery` lets the caller
 * mark visits that are meal deliveries (left out).
 */
export function continuityIndicator(
  visits: readonly VisitLike[],
  ageOf: (brukareId: string) => number | undefined,
  days = CONTINUITY_PERIOD_DAYS,
  isMealDelivery: (visit: VisitLike) => boolean = () => false,
): ContinuityResult {
  const counted = visits.filter(
    (v) =>
      !v.insatser.some((i) => EXCLUDED.has(i.type)) &&
      !isMealDelivery(v) &&
      minutesOfDay(v.plannedStart) >= DAY_START &&
      minutesOfDay(v.plannedEnd) <= DAY_END,
  );
  const visitsPerRecipient = new Map<string, number>();
  for (const v of counted) visitsPerRecipient.set(v.brukareId, (visitsPerRecipient.get(v.brukareId) ?? 0) + 1);
  const met = staffMetPerRecipient(counted);
  const perRecipient = new Map<string, number>();
  for (const [id, n] of met) {
    const age = ageOf(id);
    if (age === undefined || age < 65) continue;
    if ((visitsPerRecipient.get(id) ?? 0) < 2 * days) continue; // at least two visits a day
    perRecipient.set(id, n);
  }
  const values = [...perRecipient.values()];
  return { perRecipient, mean: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length };
}

export type Candidate = { staffId: string; metBefore: number; hasCompetence: boolean; free: boolean; score: number };

/**
 * Who should take this visit. Someone without a competence the visit needs, or
 * busy at that time, cannot take it; among those who can, the recipient meets
 * the people they have met most before (continuity).
 */
export function rankCandidates(
  visit: Pick<PlannedVisit, 'id' | 'brukareId' | 'plannedStart' | 'plannedEnd'>,
  staff: readonly { id: string; competences: readonly Competence[] }[],
  required: readonly Competence[],
  history: readonly VisitLike[],
  sameDay: readonly Pick<PlannedVisit, 'id' | 'plannedStart' | 'plannedEnd' | 'assignedStaffIds'>[],
): Candidate[] {
  const start = minutesOfDay(visit.plannedStart);
  const end = minutesOfDay(visit.plannedEnd);
  return staff
    .map((s) => {
      const metBefore = history.filter((h) => h.brukareId === visit.brukareId && h.assignedStaffIds.includes(s.id)).length;
      const hasCompetence = required.every((c) => s.competences.includes(c));
      const free = !sameDay.some(
        (o) => o.id !== visit.id && o.assignedStaffIds.includes(s.id) && minutesOfDay(o.plannedStart) < end && start < minutesOfDay(o.plannedEnd),
      );
      const score = (hasCompetence ? 1000 : 0) + (free ? 500 : 0) + Math.min(metBefore, 100);
      return { staffId: s.id, metBefore, hasCompetence, free, score };
    })
    .sort((a, b) => b.score - a.score || a.staffId.localeCompare(b.staffId));
}
