// Which documents a user's device holds: the plan and exec docs of their teams
// from yesterday to a week ahead (schedulers: two weeks either way), the team's phrases and this and last month's
// deviations and messages, and the brukare docs and this and last month's
// journal docs of their teams' recipients. A recipient whose service ended
// drops out of that list once the retention period after the end has passed,
// so devices delete their copies (the server keeps its own).
import { SCHEDULER_DAYS_AHEAD, SCHEDULER_DAYS_BACK, SYNC_DAYS_AHEAD, SYNC_DAYS_BACK } from './api';
import { addDays, monthOf, previousMonth } from './dates';
import { brukareDocName, deviationsDocName, execDocName, journalDocName, messagesDocName, phrasesDocName, planDocName } from './doc-names';
import type { Role, SessionUser } from './team';

/**
 * The days whose plan and exec docs a device holds. Schedulers hold more: two
 * weeks back for continuity and planned-vs-delivered, two weeks ahead to plan.
 */
export function syncWindow(today: string, role: Role = 'caregiver'): { from: string; to: string; dates: string[] } {
  const [back, ahead] = role === 'caregiver' ? [SYNC_DAYS_BACK, SYNC_DAYS_AHEAD] : [SCHEDULER_DAYS_BACK, SCHEDULER_DAYS_AHEAD];
  const dates: string[] = [];
  for (let d = -back; d <= ahead; d++) dates.push(addDays(today, d));
  return { from: dates[0] ?? today, to: dates[dates.length - 1] ?? today, dates };
}

/** How long devices keep an ended recipient's documents by default (RETENTION_DAYS_AFTER_END). */
export const DEFAULT_RETENTION_DAYS_AFTER_END = 30;

/**
 * Whether devices still hold a recipient's documents on `today`: always while
 * the service goes on, and for `retentionDays` days from the end date (0: not
 * from the end date on).
 */
export function heldOnDevices(endedOn: string | undefined, today: string, retentionDays: number): boolean {
  return endedOn === undefined || today < addDays(endedOn, retentionDays);
}

/** Ended recipients (brukareId → end date) and how many days devices keep them after the end. */
export type Retention = { endedOn: (brukareId: string) => string | undefined; days: number };

export function docsForUser(
  user: Pick<SessionUser, 'teamIds' | 'role'>,
  today: string,
  recipientsOfTeam: (teamId: string) => readonly string[],
  retention?: Retention,
): string[] {
  const { dates } = syncWindow(today, user.role);
  const month = monthOf(today);
  const months = [previousMonth(month), month];
  const names: string[] = [];
  for (const teamId of user.teamIds) {
    for (const date of dates) names.push(planDocName(teamId, date), execDocName(teamId, date));
    names.push(phrasesDocName(teamId));
    for (const m of months) names.push(deviationsDocName(teamId, m), messagesDocName(teamId, m));
    for (const brukareId of recipientsOfTeam(teamId)) {
      if (retention && !heldOnDevices(retention.endedOn(brukareId), today, retention.days)) continue;
      names.push(brukareDocName(brukareId));
      for (const m of months) names.push(journalDocName(brukareId, m));
    }
  }
  return names;
}
