// The week view's load: per caregiver and day, visits and planned minutes
// against working hours, double bookings, unassigned visits and the day's
// total staff time. Cancelled visits are no load.
import { minutesOfDay } from './dates';
import { checkPlan } from './planning-checks';
import type { Competence } from './insatser';
import type { Visit } from './visit';

export type Load = { visits: number; minutes: number };
export type LoadCell = Load & { capacity: number | undefined; over: boolean; doubleBooked: boolean };
export type DayLoad = {
  staff: Map<string, LoadCell>;
  unassigned: Load & { needsMore: number };
  /** Staff time the day's visits need, against the caregivers' working hours. */
  total: Load & { capacity: number; over: boolean };
};
export type LoadStaff = { id: string; competences: readonly Competence[]; workHours?: { start: string; end: string } | undefined };

const lengthOf = (v: Visit) => Math.max(0, minutesOfDay(v.plannedEnd) - minutesOfDay(v.plannedStart));
const hoursOf = (s: LoadStaff) => (s.workHours ? minutesOfDay(s.workHours.end) - minutesOfDay(s.workHours.start) : undefined);

export function sumLoads(loads: readonly Load[]): Load {
  return loads.reduce((a, b) => ({ visits: a.visits + b.visits, minutes: a.minutes + b.minutes }), { visits: 0, minutes: 0 });
}

/** One day's load per caregiver, unassigned and in total. */
export function dayLoad(visits: readonly Visit[], caregivers: readonly LoadStaff[]): DayLoad {
  const active = visits.filter((v) => v.status !== 'cancelled');
  const issues = checkPlan(active, { staff: caregivers.map((s) => ({ id: s.id, competences: s.competences, shift: s.workHours })), recipients: new Map() });
  const doubleBooked = new Set(issues.flatMap((i) => (i.kind === 'double_booked' ? [i.staffId] : [])));
  const staff = new Map<string, LoadCell>();
  for (const s of caregivers) {
    const mine = active.filter((v) => v.assignedStaffIds.includes(s.id));
    const minutes = mine.reduce((n, v) => n + lengthOf(v), 0);
    const capacity = hoursOf(s);
    staff.set(s.id, { visits: mine.length, minutes, capacity, over: capacity !== undefined && minutes > capacity, doubleBooked: doubleBooked.has(s.id) });
  }
  const assigned = (v: Visit) => new Set(v.assignedStaffIds).size;
  const nobody = active.filter((v) => assigned(v) === 0);
  const capacity = caregivers.reduce((n, s) => n + (hoursOf(s) ?? 0), 0);
  const minutes = active.reduce((n, v) => n + lengthOf(v) * Math.max(v.requiredStaff, assigned(v)), 0);
  return {
    staff,
    unassigned: { visits: nobody.length, minutes: nobody.reduce((n, v) => n + lengthOf(v), 0), needsMore: active.filter((v) => assigned(v) > 0 && assigned(v) < v.requiredStaff).length },
    total: { visits: active.length, minutes, capacity, over: minutes > capacity && capacity > 0 },
  };
}
