// The week view's load per caregiver and day.
import { describe, expect, it } from 'vitest';
import type { Visit } from './visit';
import { dayLoad, sumLoads } from './week-load';

const visit = (over: Partial<Visit> & { id: string }): Visit => ({
  teamId: 'norr',
  brukareId: 'b1',
  date: '2026-03-02',
  plannedStart: '08:00',
  plannedEnd: '08:30',
  requiredStaff: 1,
  assignedStaffIds: ['anna'],
  insatser: [{ id: 'i1', type: 'lunch', title: 'Lunch' }],
  status: 'planned',
  tasks: {},
  ...over,
});
const staff = [
  { id: 'anna', competences: [], workHours: { start: '07:00', end: '08:00' } },
  { id: 'bo', competences: [], workHours: { start: '07:00', end: '16:00' } },
];

describe('dayLoad', () => {
  const load = dayLoad(
    [
      visit({ id: 'v1' }),
      visit({ id: 'v2', plannedStart: '08:15', plannedEnd: '08:45' }),
      visit({ id: 'v3', assignedStaffIds: [], plannedStart: '10:00', plannedEnd: '10:20' }),
      visit({ id: 'v4', assignedStaffIds: ['bo'], requiredStaff: 2 }),
      visit({ id: 'v5', assignedStaffIds: ['bo'], status: 'cancelled', plannedStart: '12:00', plannedEnd: '13:00' }),
    ],
    staff,
  );

  it('counts visits and minutes per caregiver against working hours, and double bookings', () => {
    expect(load.staff.get('anna')).toEqual({ visits: 2, minutes: 60, capacity: 60, over: false, doubleBooked: true });
    expect(load.staff.get('bo')).toEqual({ visits: 1, minutes: 30, capacity: 540, over: false, doubleBooked: false });
  });

  it('counts unassigned visits, visits needing more staff, and the staff time the day needs (cancelled visits are no load)', () => {
    expect(load.unassigned).toEqual({ visits: 1, minutes: 20, needsMore: 1 });
    expect(load.total).toEqual({ visits: 4, minutes: 30 + 30 + 20 + 60, capacity: 600, over: false });
  });

  it('sums loads over days', () => {
    expect(sumLoads([load.unassigned, load.total])).toEqual({ visits: 5, minutes: 160 });
  });
});
