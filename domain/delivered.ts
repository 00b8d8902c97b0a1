// Planned vs delivered per visit and staff member: derived from what the
// caregivers recorded (nothing is typed twice). Used by the CSV export for
// payroll and invoicing, and by the scheduler's follow-up (domain/follow-up.ts).
import { localDate, localTime, minutesOfDay } from './dates';
import type { Stamp, TeamDay, Visit } from './visit';

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

/** This person's own stamp; the single stamp of a visit belongs to whoever made it. */
export function ownStamp(all: Stamp[] | undefined, single: Stamp | undefined, staffId: string): Stamp | undefined {
  return all ? all.find((s) => s.staffId === staffId) : single?.staffId === staffId ? single : undefined;
}

/** The staff who checked in to the visit themselves (may differ from who was assigned). */
export function checkedInBy(v: Visit): string[] {
  return (v.staffCheckIns ?? (v.checkIn ? [v.checkIn] : [])).map((s) => s.staffId);
}

/** Planned and actual minutes of one visit for one staff member (their own check-in and check-out where known). */
export function deliveredOf(v: Visit, staffId: string): { plannedMinutes: number; checkIn?: string; checkOut?: string; actualMinutes?: number } {
  const plannedMinutes = minutesOfDay(v.plannedEnd) - minutesOfDay(v.plannedStart);
  // Each person's own stamps only: a check-in counts for who made it, so a
  // reassigned or double-staffed visit never pays one person's time twice.
  const checkIn = ownStamp(v.staffCheckIns, v.checkIn, staffId)?.at;
  const checkOut = checkIn ? ownStamp(v.staffCheckOuts, v.checkOut, staffId)?.at : undefined;
  const own = checkIn && checkOut ? Math.max(0, Math.round((Date.parse(checkOut) - Date.parse(checkIn)) / 60_000)) : undefined;
  const actualMinutes = !checkIn ? undefined : v.staffCheckIns || v.staffCheckOuts ? own : (v.outcome?.actualMinutes ?? own);
  return { plannedMinutes, ...(checkIn ? { checkIn } : {}), ...(checkOut ? { checkOut } : {}), ...(actualMinutes !== undefined ? { actualMinutes } : {}) };
}

/** The staff a visit counts for: everyone assigned, and anyone who checked in without being assigned. */
export function staffOfVisit(v: Visit): string[] {
  return [...new Set([...v.assignedStaffIds, ...checkedInBy(v)])];
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
        checkedInBy(v).join(' '),
      ]);
    }
  }
  return rows;
}

/** One CSV line (RFC 4180): fields with separators, quotes or line breaks are quoted. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}

/**
 * The planned-vs-delivered CSV of the given days: the header, then every day's
 * rows, CRLF after every line: the same bytes as the server's delivered.csv,
 * so the scheduler's download made on the device can stand in for it.
 */
export function deliveredCsv(days: readonly TeamDay[]): string {
  return `${[DELIVERED_COLUMNS, ...days.flatMap(deliveredRows)].map(csvLine).join('\r\n')}\r\n`;
}
