// The planned-vs-delivered CSV: one row per visit and staff member.
import { describe, expect, it } from 'vitest';
import type { TeamDay } from '../../domain';
import { DELIVERED_CSV_HEADER, csvLine, deliveredRows } from './delivered-csv';

const day: TeamDay = {
  teamId: 'norr',
  date: '2026-03-02',
  visits: [
    {
      id: 'v1',
      teamId: 'norr',
      brukareId: 'norr-b01',
      date: '2026-03-02',
      plannedStart: '08:00',
      plannedEnd: '08:45',
      requiredStaff: 2,
      assignedStaffIds: ['anna', 'bo'],
      insatser: [{ id: 'i1', type: 'morning_help', title: 'Morgonhjälp' }],
      status: 'done',
      checkIn: { at: '2026-03-02T07:05:00.000Z', staffId: 'anna' },
      checkOut: { at: '2026-03-02T07:47:00.000Z', staffId: 'anna' },
      outcome: { kind: 'partial', reason: 'declined', notDone: ['i1'], plannedMinutes: 45, actualMinutes: 42 },
      tasks: {},
    },
    {
      id: 'v2',
      teamId: 'norr',
      brukareId: 'norr-b02',
      date: '2026-03-02',
      plannedStart: '12:00',
      plannedEnd: '12:30',
      requiredStaff: 1,
      assignedStaffIds: [],
      insatser: [{ id: 'i2', type: 'lunch', title: 'Lunch' }],
      status: 'planned',
      tasks: {},
    },
  ],
};

describe('delivered CSV', () => {
  it('has one row per visit and staff member, with planned and actual minutes in Swedish local time', () => {
    const rows = deliveredRows(day);
    expect(rows).toHaveLength(3);
    const header = DELIVERED_CSV_HEADER;
    const anna = Object.fromEntries(header.map((h, i) => [h, rows[0]?.[i]]));
    expect(anna).toMatchObject({
      date: '2026-03-02',
      visit_id: 'v1',
      staff_id: 'anna',
      planned_minutes: '45',
      check_in: '2026-03-02 08:05',
      check_out: '2026-03-02 08:47',
      actual_minutes: '42',
      outcome: 'partial',
      outcome_reason: 'declined',
    });
    expect(rows[1]?.[3]).toBe('bo');
    expect(rows[2]).toMatchObject(['2026-03-02', 'v2', 'norr-b02', '', '12:00', '12:30', '30', '', '', '', 'planned', '', '', 'no', '']);
    expect(anna.checked_in_by).toBe('anna');
  });

  it('quotes fields with separators and quotes', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"'])).toBe('a,"b,c","say ""hi"""');
  });
});
