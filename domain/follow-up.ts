// The scheduler's follow-up ("Uppföljning"): planned vs delivered minutes per
// staff member, recipient and day, the reasons a visit differs from the plan,
// staff continuity per recipient, and the recipients' sign-offs. All derived from the plan and exec docs
// the device already holds (nothing is typed twice), counted over the same
// (visit, staff member) pairs as the delivered CSV, so the page and the
// payroll file never disagree.
import type { Brukare } from './brukare';
import { CONTINUITY_PERIOD_DAYS, continuityIndicator, staffMetPerRecipient } from './continuity';
import { instantOf } from './dates';
import { checkedInBy, deliveredOf, ownStamp, staffOfVisit } from './delivered';
import type { SignOff } from './sign-off';
import type { TeamDay, Visit } from './visit';

/**
 * A visit's time is listed as differing only above this. Smaller differences
 * (the walk from the door, the check-in tap) are everyday noise; listing them
 * would turn follow-up into the minute-by-minute surveillance staff resent.
 * Ten minutes is a third of a typical 30-minute visit and shows in payroll.
 */
export const TIME_DIFF_THRESHOLD_MIN = 10;

export type MinuteTotals = { planned: number; actual: number; visits: number };

/** Why a visit differs from the plan; the staff-specific ones name whose stamps. */
export type DifferenceReason =
  | { kind: 'cancelled' | 'missed' | 'not_registered' | 'not_as_planned' | 'unplanned' }
  | { kind: 'time'; staffId: string; planned: number; actual: number }
  | { kind: 'unassigned_worker' | 'not_checked_out'; staffId: string };

export type DifferingVisit = { visit: Visit; reasons: DifferenceReason[] };

/** One recipient: distinct staff met, visits, and the national indicator or why they are not counted (under 65, too few visits a day, age unknown). */
export type ContinuityRow = { id: string; met: number; visits: number; indicator: number | undefined; notCounted: 'age' | 'visits' | 'unknown' | undefined };

export type ContinuityReport = {
  /** Worst first: most staff met, then by the caller's order of recipients. */
  rows: ContinuityRow[];
  /** Mean staff met over all recipients with a visit; null when there are none. */
  mean: number | null;
  /** The national indicator's mean over the recipients it counts; null when none qualify. */
  indicatorMean: number | null;
  indicatorCount: number;
};

/**
 * Planned and delivered minutes over the same (visit, staff member) pairs as
 * the CSV rows, grouped by `keyOf` ('' is the staff member of an unassigned
 * visit). Planned time counts for assigned staff of planned visits; cancelled
 * visits count for nothing. `visits` counts distinct visits per key.
 */
function minutesBy(days: readonly TeamDay[], keyOf: (v: Visit, staffId: string) => string): Map<string, MinuteTotals> {
  const acc = new Map<string, { planned: number; actual: number; visits: Set<string> }>();
  for (const day of days) {
    for (const v of day.visits) {
      if (v.status === 'cancelled') continue;
      const staff = staffOfVisit(v);
      for (const staffId of staff.length > 0 ? staff : ['']) {
        const d = deliveredOf(v, staffId);
        const key = keyOf(v, staffId);
        const a = acc.get(key) ?? { planned: 0, actual: 0, visits: new Set<string>() };
        if (!v.unplanned && (staffId === '' || v.assignedStaffIds.includes(staffId))) a.planned += d.plannedMinutes;
        a.actual += d.actualMinutes ?? 0;
        a.visits.add(v.id);
        acc.set(key, a);
      }
    }
  }
  return new Map([...acc].map(([k, a]) => [k, { planned: a.planned, actual: a.actual, visits: a.visits.size }]));
}

/** Minutes per staff id ('' for visits nobody is assigned to or checked in to). */
export const minutesPerStaff = (days: readonly TeamDay[]) => minutesBy(days, (_, staffId) => staffId);
/** Minutes per recipient id; a double-staffed visit counts each person's minutes. */
export const minutesPerRecipient = (days: readonly TeamDay[]) => minutesBy(days, (v) => v.brukareId);
/** Minutes per date (YYYY-MM-DD). */
export const minutesPerDay = (days: readonly TeamDay[]) => minutesBy(days, (v) => v.date);

/** Minutes over all the days; zeros when there is nothing to count. */
export function minutesTotal(days: readonly TeamDay[]): MinuteTotals {
  return minutesBy(days, () => 'all').get('all') ?? { planned: 0, actual: 0, visits: 0 };
}

/** Why a visit differs from the plan (empty: it went as planned, or is still to come). `now` in epoch ms. */
export function differenceReasons(v: Visit, now: number): DifferenceReason[] {
  const out: DifferenceReason[] = [];
  const workers = checkedInBy(v);
  if (v.status === 'cancelled' || v.status === 'missed') out.push({ kind: v.status });
  if (v.status === 'planned' && workers.length === 0 && instantOf(v.date, v.plannedEnd).getTime() < now) out.push({ kind: 'not_registered' });
  if (v.outcome && v.outcome.kind !== 'as_planned') out.push({ kind: 'not_as_planned' });
  if (v.unplanned) out.push({ kind: 'unplanned' });
  for (const staffId of workers) {
    if (!v.assignedStaffIds.includes(staffId)) out.push({ kind: 'unassigned_worker', staffId });
    if (!ownStamp(v.staffCheckOuts, v.checkOut, staffId)) out.push({ kind: 'not_checked_out', staffId });
    const d = deliveredOf(v, staffId);
    if (!v.unplanned && d.actualMinutes !== undefined && Math.abs(d.actualMinutes - d.plannedMinutes) > TIME_DIFF_THRESHOLD_MIN) {
      out.push({ kind: 'time', staffId, planned: d.plannedMinutes, actual: d.actualMinutes });
    }
  }
  return out;
}

/** The visits of the days that differ from the plan, in the days' order, with their reasons. */
export function differingVisits(days: readonly TeamDay[], now: number): DifferingVisit[] {
  return days.flatMap((d) => d.visits.map((visit) => ({ visit, reasons: differenceReasons(visit, now) })).filter((x) => x.reasons.length > 0));
}

/**
 * Distinct staff per recipient over the days, and the national indicator. A
 * visit someone checked in to counts who checked in; one still to come counts
 * who is planned; cancelled and missed visits met nobody. Rows come worst
 * first (most staff met); ties in `compareRecipients` order (the page sorts
 * by name, which only it knows).
 */
export function continuityReport(
  days: readonly TeamDay[],
  recipients: ReadonlyMap<string, Pick<Brukare, 'birthYear'>>,
  endDate: string,
  compareRecipients: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
): ContinuityReport {
  const met = days
    .flatMap((d) => d.visits)
    .filter((v) => v.status !== 'cancelled' && v.status !== 'missed')
    .map((v) => {
      const workers = checkedInBy(v);
      return { ...v, assignedStaffIds: workers.length > 0 ? workers : v.assignedStaffIds };
    });
  const perRecipient = staffMetPerRecipient(met);
  const visits = new Map<string, number>();
  for (const v of met) visits.set(v.brukareId, (visits.get(v.brukareId) ?? 0) + 1);
  // Only the birth year is known: the age at the end of the period is at most a year too high.
  const ageOf = (id: string) => {
    const b = recipients.get(id);
    return b?.birthYear !== undefined ? Number(endDate.slice(0, 4)) - b.birthYear : undefined;
  };
  const national = continuityIndicator(met, ageOf, CONTINUITY_PERIOD_DAYS);
  const rows = [...perRecipient].map(([id, n]): ContinuityRow => {
    const age = ageOf(id);
    const indicator = national.perRecipient.get(id);
    const notCounted = indicator !== undefined ? undefined : age === undefined ? 'unknown' : age < 65 ? 'age' : 'visits';
    return { id, met: n, visits: visits.get(id) ?? 0, indicator, notCounted };
  });
  const values = rows.map((row) => row.met);
  rows.sort((a, b) => b.met - a.met || compareRecipients(a.id, b.id));
  return {
    rows,
    mean: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length,
    indicatorMean: national.mean,
    indicatorCount: national.perRecipient.size,
  };
}

export type SignOffReport = {
  /** Visits done in the period (the ones a sign-off could be given for). */
  doneVisits: number;
  signed: number;
  declined: number;
  moods: { good: number; so_so: number; bad: number };
  /** The recipient said an insats was not done. */
  disputed: number;
  /** Visits whose recipient asked to talk to someone, or was unhappy, or disputed an insats: for follow-up. */
  attention: { visit: Visit; signOff: SignOff }[];
};

/** The recipients' sign-offs over a period: counts, moods, and the visits that need a person's attention. */
export function signOffReport(days: readonly TeamDay[]): SignOffReport {
  const report: SignOffReport = { doneVisits: 0, signed: 0, declined: 0, moods: { good: 0, so_so: 0, bad: 0 }, disputed: 0, attention: [] };
  for (const day of days) {
    for (const v of day.visits) {
      if (v.status === 'done') report.doneVisits += 1;
      const latest = v.signOffs?.[v.signOffs.length - 1];
      if (!latest) continue;
      if (latest.outcome === 'declined') report.declined += 1;
      else report.signed += 1;
      if (latest.mood) report.moods[latest.mood] += 1;
      const disputed = latest.items.some((i) => !i.done);
      if (disputed) report.disputed += 1;
      if (latest.wantsToTalk || latest.mood === 'bad' || disputed) report.attention.push({ visit: v, signOff: latest });
    }
  }
  report.attention.sort((a, b) => a.signOff.at.localeCompare(b.signOff.at));
  return report;
}
