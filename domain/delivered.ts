// Planned vs delivered per visit and staff member: derived from what the
// caregivers recorded (nothing is typed twice). Used by the CSV export for
// payroll and invoicing, and meant for the scheduler's report view too.
import { localDate, localTime, minutesOfDay } from './dates';
import type { TeamDay } from './visit';

export const DELIVERED_COLUMNS = [
  'date',
  'visit_id',
  'recipient_id',
  'staff_id',
  'planned_start',
  'planned_end',
  'planned_minutes',
  'check_in',
  'check_out',
  'actual_minutes',
  'status',
  'outcome',
  'outcome_reason',
  'unplanned',
  'checked_in_by',
];

function clock(instant: string | undefined): string {
  if (!instant) return '';
  const at = new Date(instant);
  return `${localDate(at)} ${localTime(at)}`;
}

export function deliveredRows(day: TeamDay): string[][] {
  const rows: string[][] = [];
  for (const v of day.visits) {
    const planned = minutesOfDay(v.plannedEnd) - minutesOfDay(v.plannedStart);
    const actual =
      v.outcome?.actualMinutes ??
      (v.checkIn && v.checkOut ? Math.max(0, Math.round((Date.parse(v.checkOut.at) - Date.parse(v.checkIn.at)) / 60_000)) : undefined);
    const staff = v.assignedStaffIds.length > 0 ? v.assignedStaffIds : [''];
    for (const staffId of staff) {
      rows.push([
        v.date,
        v.id,
        v.brukareId,
        staffId,
        v.plannedStart,
        v.plannedEnd,
        String(planned),
        clock(v.checkIn?.at),
        clock(v.checkOut?.at),
        actual === undefined ? '' : String(actual),
        v.status,
        v.outcome?.kind ?? '',
        v.outcome?.reason ?? v.statusReason ?? '',
        v.unplanned ? 'yes' : 'no',
        // Who actually did the visit (may differ from who was assigned): for payroll.
        (v.staffCheckIns ?? (v.checkIn ? [v.checkIn] : [])).map((s) => s.staffId).join(' '),
      ]);
    }
  }
  return rows;
}
