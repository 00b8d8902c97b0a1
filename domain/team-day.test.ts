// The team-day read in two halves (readDayExecution, mergeTeamDay), as the
// planning board reads it, and the whole-day exec read it rests on: every
// visit gets its own check-ins, ticks and outcome however many visits the day
// has and whatever their ids share.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  applyVisitEvent,
  createUnplannedVisit,
  mergeTeamDay,
  readDayExecution,
  readExecutions,
  readPlannedVisits,
  readTeamDay,
  setTaskDone,
  writePlannedVisit,
  type PlannedVisit,
} from './index';

const DATE = '2026-03-02';

function visit(id: string, plannedStart: string, extra: Partial<PlannedVisit> = {}): PlannedVisit {
  return {
    id,
    teamId: 'norr',
    brukareId: 'norr-b01',
    date: DATE,
    plannedStart,
    plannedEnd: plannedStart.replace(/:\d\d$/, ':45'),
    requiredStaff: 1,
    assignedStaffIds: ['anna'],
    insatser: [{ id: 'meds', type: 'medication_reminder', title: 'Påminn om medicin' }],
    ...extra,
  };
}

const at = (staffId: string, minute: number) => ({ staffId, at: `${DATE}T07:${String(minute).padStart(2, '0')}:00.000Z` });

describe('readExecutions over a whole day', () => {
  it('gives each of many visits its own records, also when one id is the start of another', () => {
    const doc = new Y.Doc();
    // v-1, v-10, v-100 … share prefixes; each is worked by its own person at its own minute.
    const ids = Array.from({ length: 40 }, (_, i) => `v-${i + 1}${'0'.repeat(i % 3)}`);
    ids.forEach((id, i) => {
      applyVisitEvent(doc, id, { type: 'check_in' }, at(`staff-${i}`, i));
      setTaskDone(doc, id, `task-${i}`, true, at(`staff-${i}`, i));
      if (i % 2 === 0) applyVisitEvent(doc, id, { type: 'check_out', outcome: { kind: 'as_planned', notDone: [] } }, at(`staff-${i}`, i + 1));
    });
    const byId = new Map(readExecutions(doc).items.map((e) => [e.visitId, e]));
    expect([...byId.keys()].sort()).toEqual([...ids].sort());
    ids.forEach((id, i) => {
      const e = byId.get(id);
      expect(e?.checkIn).toEqual(at(`staff-${i}`, i));
      expect(e?.staffCheckIns).toBeUndefined();
      expect(Object.keys(e?.tasks ?? {})).toEqual([`task-${i}`]);
      expect(e?.status).toBe(i % 2 === 0 ? 'done' : 'in_progress');
      expect(e?.checkOut).toEqual(i % 2 === 0 ? at(`staff-${i}`, i + 1) : undefined);
    });
  });

  it('reads two people on one visit, and a record from before per-person keys, next to other visits', () => {
    const doc = new Y.Doc();
    applyVisitEvent(doc, 'v-08', { type: 'check_in' }, at('anna', 5));
    applyVisitEvent(doc, 'v-08', { type: 'check_in' }, at('bo', 2));
    applyVisitEvent(doc, 'v-0800', { type: 'check_in' }, at('cecilia', 9));
    // Older layout: the check-in under the bare visit id.
    doc.getMap('checkIn').set('v-07', at('dragan', 1));
    doc.getMap('status').set('v-07', { status: 'in_progress' });
    const byId = new Map(readExecutions(doc).items.map((e) => [e.visitId, e]));
    expect(byId.get('v-08')?.checkIn).toEqual(at('bo', 2));
    expect(byId.get('v-08')?.staffCheckIns).toEqual([at('bo', 2), at('anna', 5)]);
    expect(byId.get('v-0800')?.checkIn).toEqual(at('cecilia', 9));
    expect(byId.get('v-0800')?.staffCheckIns).toBeUndefined();
    expect(byId.get('v-07')?.checkIn).toEqual(at('dragan', 1));
  });
});

describe('readDayExecution and mergeTeamDay', () => {
  it('give the day readTeamDay gives, with the exec doc read once and the plan read again after a change', () => {
    const plan = new Y.Doc();
    const exec = new Y.Doc();
    writePlannedVisit(plan, visit('v-0900', '09:00'));
    writePlannedVisit(plan, visit('v-0800', '08:00'));
    applyVisitEvent(exec, 'v-0800', { type: 'check_in' }, at('anna', 58));
    createUnplannedVisit(exec, visit('v-alarm', '08:30', { assignedStaffIds: ['bo'] }));
    // Not this team's or this day's, or shadowing a planned visit: never on the day.
    createUnplannedVisit(exec, visit('v-other-team', '08:10', { teamId: 'syd' }));
    createUnplannedVisit(exec, visit('v-other-day', '08:20', { date: '2026-03-03' }));
    createUnplannedVisit(exec, visit('v-0900', '10:00'));
    const brukare = () => ({ name: 'Astrid', address: 'Björkvägen 3' });

    const execution = readDayExecution(exec);
    const first = mergeTeamDay('norr', DATE, readPlannedVisits(plan).items, execution, brukare);
    expect(first).toEqual(readTeamDay('norr', DATE, plan, exec, brukare));
    expect(first.visits.map((v) => [v.id, v.plannedStart, v.status, v.unplanned ?? false])).toEqual([
      ['v-0800', '08:00', 'in_progress', false],
      ['v-alarm', '08:30', 'planned', true],
      ['v-0900', '09:00', 'planned', false],
    ]);

    writePlannedVisit(plan, visit('v-0900', '07:00', { assignedStaffIds: ['bo'] }));
    const second = mergeTeamDay('norr', DATE, readPlannedVisits(plan).items, execution, brukare);
    expect(second).toEqual(readTeamDay('norr', DATE, plan, exec, brukare));
    expect(second.visits.map((v) => v.id)).toEqual(['v-0900', 'v-0800', 'v-alarm']);
  });
});
