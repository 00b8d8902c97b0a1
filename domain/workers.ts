// Who actually worked a visit, from its field records: used by the caregiver's
// day (a visit one worked stays on one's list) and by the clash rules.
import type { Visit } from './visit';

/** Who did something on the visit (checked in or ticked an insats), earliest first. */
export function workersOf(visit: Pick<Visit, 'checkIn' | 'staffCheckIns' | 'tasks'>): { staffId: string; at: string }[] {
  const first = new Map<string, string>();
  const note = (staffId: string, at: string) => {
    const seen = first.get(staffId);
    if (seen === undefined || at < seen) first.set(staffId, at);
  };
  for (const s of visit.staffCheckIns ?? (visit.checkIn ? [visit.checkIn] : [])) note(s.staffId, s.at);
  for (const t of Object.values(visit.tasks)) if (t.done) note(t.staffId, t.at);
  return [...first].map(([staffId, at]) => ({ staffId, at })).sort((a, b) => a.at.localeCompare(b.at) || a.staffId.localeCompare(b.staffId));
}
