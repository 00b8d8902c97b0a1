// Planned vs delivered per visit and staff member: derived from what the
// caregivers recorded (nothing is typed twice). Used by the CSV export for
// payroll and invoicing, and meant for the scheduler's report view too.
import { localDate, localTime, minutesOfDay } from './dates';
import type { TeamDay, Visit } from './visit';

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

/** Planned and actual minutes of one visit for one staff member (their own check-in and check-out where known). */
export function deliveredOf(v: Visit, staffId: string): { plannedMinutes: number; checkIn?: string; checkOut?: string; actualMinutes?: number } {
  const plannedMinutes = minutesOfDay(v.plannedEnd) - minutesOfDay(v.plannedStart);
  // Each person's own stamps only: a check-in counts for who made it, so a
  // reassigned or double-staffed visit never pays one person's time twice.
  const stampOf = (all: Visit['staffCheckIns'], single: Visit['checkIn']) => (all ? all.find((s) => s.staffId === staffId) : single?.staffId === staffId ? single : undefined);
  const checkIn = stampOf(v.staffCheckIns, v.checkIn)?.at;
  const checkOut = checkIn ? stampOf(v.staffCheckOuts, v.checkOut)?.at : undefined;
  const own = checkIn && checkOut ? Math.max(0, Math.round((Date.parse(checkOut) - Date.parse(checkIn)) / 60_000)) : undefined;
  const actualMinutes = !checkIn ? undefined : v.staffCheckIns || v.staffCheckOuts ? own : (v.outcome?.actualMinutes ?? own);
  return { plannedMinutes, ...(checkIn ? { checkIn } : {}), ...(checkOut ? { checkOut } : {}), ...(actualMinutes !== undefined ? { actualMinutes } : {}) };
}

/** The staff a visit counts for: everyone assigned, and anyone who checked in without being assigned. */
export function staffOfVisit(v: Visit): string[] {
  const workers = (v.staffCheckIns ?? (v.checkIn ? [v.checkIn] : [])).map((s) => s.staffId);
  return [...new Set([...v.assignedStaffIds, ...workers])];
}

export function deliveredRows(day: TeamDay): string[][] {
  const rows: string[][] = [];
  for (const v of day.visits) {
    const staff = staffOfVisit(v);
    for (const staffId of staff.length > 0 ? staff : ['']) {
      const d = deliveredOf(v, staffId);
      rows.push([
        v.date,
        v.id,
        v.brukareId,
        staffId,
        v.plannedStart,
        v.plannedEnd,
        String(d.plannedMinutes),
        clock(d.checkIn),
        clock(d.checkOut),
        d.actualMinutes === undefined ? '' : String(d.actualMinutes),
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
