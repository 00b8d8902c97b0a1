// Planning checks and continuity: what the scheduler is warned about while
// planning, and how candidates are ranked.
import { describe, expect, it } from 'vitest';
import type { Brukare, CarePlanItem } from './brukare';
import { continuityIndicator, rankCandidates, staffMetPerRecipient } from './continuity';
import { addDays } from './dates';
import { checkPlan, type PlanningContext } from './planning-checks';
import type { PlannedVisit } from './visit';

function visit(id: string, brukareId: string, start: string, end: string, staff: string[], extra: Partial<PlannedVisit> = {}): PlannedVisit {
  return {
    id,
    teamId: 'norr',
    brukareId,
    date: '2026-03-02',
    plannedStart: start,
    plannedEnd: end,
    requiredStaff: 1,
    assignedStaffIds: staff,
    insatser: [{ id: `${brukareId}-i1`, type: 'morning_help', title: 'Morgonhjälp' }],
    ...extra,
  };
}

function item(id: string, windowStart: string, windowEnd: string, requires: CarePlanItem['requires'] = []): CarePlanItem {
  return {
    id,
    type: 'morning_help',
    title: 'Morgonhjälp',
    instructions: '',
    lifeArea: 'personal_care',
    requires,
    rhythm: { weekdays: [1, 2, 3, 4, 5, 6, 7], everyOtherWeek: false, windowStart, windowEnd, minutes: 30, staffCount: 1 },
  };
}

const ctx = (recipients: Record<string, CarePlanItem[]> = {}): PlanningContext => ({
  staff: [
    { id: 'anna', competences: ['insulin_delegation'], shift: { start: '07:00', end: '16:00' } },
    { id: 'bo', competences: [], shift: { start: '07:00', end: '16:00' } },
  ],
  recipients: new Map<string, Pick<Brukare, 'carePlan'>>(Object.entries(recipients).map(([id, carePlan]) => [id, { carePlan }])),
});

describe('checkPlan', () => {
  it('finds nothing wrong in a feasible plan', () => {
    const plan = [visit('v1', 'b1', '07:30', '08:00', ['anna']), visit('v2', 'b2', '08:15', '08:45', ['anna'])];
    expect(checkPlan(plan, ctx({ b1: [item('b1-i1', '07:00', '09:00')], b2: [item('b2-i1', '07:00', '09:00')] }))).toEqual([]);
  });

  it('flags a staff member booked twice at once', () => {
    const plan = [visit('v1', 'b1', '07:30', '08:10', ['anna']), visit('v2', 'b2', '08:00', '08:30', ['anna'])];
    expect(checkPlan(plan, ctx())).toContainEqual({ kind: 'double_booked', staffId: 'anna', visitIds: ['v1', 'v2'] });
  });

  it('flags too little time to travel between two recipients, but not between two visits to the same one', () => {
    const plan = [visit('v1', 'b1', '07:30', '08:00', ['anna']), visit('v2', 'b2', '08:05', '08:30', ['anna'])];
    expect(checkPlan(plan, ctx())).toContainEqual({ kind: 'no_travel_time', staffId: 'anna', visitIds: ['v1', 'v2'], gapMinutes: 5, neededMinutes: 10 });
    const same = [visit('v1', 'b1', '07:30', '08:00', ['anna']), visit('v2', 'b1', '08:00', '08:30', ['anna'])];
    expect(checkPlan(same, ctx()).filter((i) => i.kind === 'no_travel_time')).toEqual([]);
  });

  it('flags a visit that needs two staff with one', () => {
    const plan = [visit('v1', 'b1', '07:30', '08:00', ['anna'], { requiredStaff: 2 })];
    expect(checkPlan(plan, ctx())).toContainEqual({ kind: 'understaffed', visitId: 'v1', required: 2, assigned: 1 });
  });

  it('flags a task needing a delegation the assigned person lacks', () => {
    const plan = [visit('v1', 'b1', '07:30', '08:00', ['bo'])];
    const issues = checkPlan(plan, ctx({ b1: [item('b1-i1', '07:00', '09:00', ['insulin_delegation'])] }));
    expect(issues).toContainEqual({ kind: 'missing_competence', visitId: 'v1', staffId: 'bo', insatsId: 'b1-i1', competence: 'insulin_delegation' });
    const withAnna = checkPlan([visit('v1', 'b1', '07:30', '08:00', ['anna'])], ctx({ b1: [item('b1-i1', '07:00', '09:00', ['insulin_delegation'])] }));
    expect(withAnna.filter((i) => i.kind === 'missing_competence')).toEqual([]);
  });

  it("flags work outside the person's shift and outside the recipient's agreed window", () => {
    const plan = [visit('v1', 'b1', '15:45', '16:30', ['anna'])];
    const issues = checkPlan(plan, ctx({ b1: [item('b1-i1', '07:00', '09:00')] }));
    expect(issues).toContainEqual({ kind: 'outside_shift', visitId: 'v1', staffId: 'anna' });
    expect(issues).toContainEqual({ kind: 'outside_window', visitId: 'v1', insatsId: 'b1-i1', windowStart: '07:00', windowEnd: '09:00' });
  });
});

describe('continuity', () => {
  const days = (n: number) => Array.from({ length: n }, (_, i) => addDays('2026-03-01', i));

  it('counts the distinct staff each recipient met', () => {
    const visits = [visit('a', 'b1', '08:00', '08:30', ['anna']), visit('b', 'b1', '12:00', '12:30', ['bo']), visit('c', 'b1', '18:00', '18:30', ['anna'])];
    expect(staffMetPerRecipient(visits).get('b1')).toBe(2);
  });

  it('follows the national indicator: 65+, two visits a day, 07-22, no alarm call-outs', () => {
    const staffCycle = ['anna', 'bo', 'cecilia'];
    const visits = days(14).flatMap((date, i) => [
      visit(`m${i}`, 'old', '08:00', '08:30', [staffCycle[i % 3] ?? 'anna'], { date }),
      visit(`e${i}`, 'old', '19:00', '19:30', ['anna'], { date }),
      visit(`n${i}`, 'old', '22:30', '23:00', ['night'], { date }),
      visit(`x${i}`, 'old', '10:00', '10:20', ['alarm'], { date, insatser: [{ id: 'x', type: 'alarm_callout', title: 'Larm' }] }),
      visit(`y${i}`, 'young', '08:00', '08:30', ['bo'], { date }),
      visit(`z${i}`, 'young', '19:00', '19:30', ['bo'], { date }),
      visit(`s${i}`, 'small', '08:00', '08:30', ['anna'], { date }),
    ]);
    const ages: Record<string, number> = { old: 88, young: 52, small: 90 };
    const result = continuityIndicator(visits, (id) => ages[id]);
    expect([...result.perRecipient.keys()]).toEqual(['old']);
    expect(result.perRecipient.get('old')).toBe(3);
    expect(result.mean).toBe(3);
  });

  it('ranks candidates: qualified and free first, then those the recipient has met most', () => {
    const staff = [
      { id: 'anna', competences: ['insulin_delegation' as const] },
      { id: 'bo', competences: [] },
      { id: 'dalia', competences: ['insulin_delegation' as const] },
    ];
    const history = [visit('h1', 'b1', '08:00', '08:30', ['dalia']), visit('h2', 'b1', '08:00', '08:30', ['dalia']), visit('h3', 'b1', '08:00', '08:30', ['anna'])];
    const target = visit('t', 'b1', '08:00', '08:30', []);
    const ranked = rankCandidates(target, staff, ['insulin_delegation'], history, []);
    expect(ranked.map((c) => c.staffId)).toEqual(['dalia', 'anna', 'bo']);
    const busy = rankCandidates(target, staff, ['insulin_delegation'], history, [visit('o', 'b9', '08:10', '08:40', ['dalia'])]);
    expect(busy.map((c) => c.staffId)).toEqual(['anna', 'dalia', 'bo']);
    expect(busy[1]).toMatchObject({ staffId: 'dalia', free: false, metBefore: 2 });
  });
});

describe('generating visits from care plans', () => {
  it('is idempotent and never overwrites or re-adds what a scheduler changed', async () => {
    const Y = await import('yjs');
    const { readPlannedVisits } = await import('./doc-layout/plan-doc');
    const { removePlannedVisit, writePlannedVisit } = await import('./doc-layout/plan-write');
    const { generateVisits } = await import('./doc-layout/plan-follow');
    const doc = new Y.Doc();
    const fromPlans = [visit('v1', 'b1', '07:30', '08:00', []), visit('v2', 'b2', '09:00', '09:30', []), visit('v3', 'b3', '12:00', '12:30', [])];
    expect(generateVisits(doc, fromPlans)).toEqual(['v1', 'v2', 'v3']);
    const once = JSON.stringify(readPlannedVisits(doc).items);
    expect(generateVisits(doc, fromPlans)).toEqual([]);
    expect(JSON.stringify(readPlannedVisits(doc).items)).toBe(once);
    // The scheduler moves v1 and assigns anna, and removes v3.
    writePlannedVisit(doc, { ...fromPlans[0]!, plannedStart: '08:00', plannedEnd: '08:30', assignedStaffIds: ['anna'] });
    removePlannedVisit(doc, 'v3');
    expect(generateVisits(doc, fromPlans)).toEqual([]);
    const items = readPlannedVisits(doc).items;
    expect(items.map((v) => v.id).sort()).toEqual(['v1', 'v2']);
    expect(items.find((v) => v.id === 'v1')).toMatchObject({ plannedStart: '08:00', assignedStaffIds: ['anna'] });
  });
});
