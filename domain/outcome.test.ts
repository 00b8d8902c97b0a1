// Visit outcomes and unplanned visits: the lifecycle refuses nonsense with a
// reason a caregiver can act on, check-out stores what happened against the
// plan (planned and actual minutes, insatser not done), and a visit created in
// the field shows up in the team's day among the planned ones.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  applyVisitEvent,
  createUnplannedVisit,
  outcomeProblem,
  readExecution,
  readTeamDay,
  readUnplannedVisits,
  transition,
  writePlannedVisit,
  type OutcomeInput,
  type PlannedVisit,
  type Stamp,
} from './index';

const DATE = '2026-03-02';

function visit(id: string, plannedStart: string, plannedEnd: string, extra: Partial<PlannedVisit> = {}): PlannedVisit {
  return {
    id,
    teamId: 'norr',
    brukareId: 'norr-b01',
    date: DATE,
    plannedStart,
    plannedEnd,
    requiredStaff: 1,
    assignedStaffIds: ['anna'],
    insatser: [
      { id: 'breakfast', type: 'morning_help', title: 'Frukost' },
      { id: 'meds', type: 'medication_reminder', title: 'Påminn om medicin' },
      { id: 'shower', type: 'shower', title: 'Dusch' },
    ],
    ...extra,
  };
}

const annaAt = (at: string): Stamp => ({ staffId: 'anna', at });

/** A doc with visit `id` checked in at `at`. */
function checkedIn(id: string, at: string): Y.Doc {
  const doc = new Y.Doc();
  const result = applyVisitEvent(doc, id, { type: 'check_in' }, annaAt(at));
  expect(result).toEqual({ ok: true });
  return doc;
}

function refusalOf(outcome: OutcomeInput): string {
  const result = transition('in_progress', { type: 'check_out', outcome });
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error).toMatchObject({ code: 'reason_required', from: 'in_progress', event: 'check_out' });
  return result.error.message;
}

describe('the lifecycle refuses check-outs that make no sense', () => {
  it('refuses to check out before checking in, and says to check in first', () => {
    const result = transition('planned', { type: 'check_out', outcome: { kind: 'as_planned', notDone: [] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'planned', event: 'check_out' } });
    if (!result.ok) expect(result.error.message).toMatch(/check in first/);
  });

  it('refuses a second check-in', () => {
    const result = transition('in_progress', { type: 'check_in' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'in_progress', event: 'check_in' } });
    if (!result.ok) expect(result.error.message).toMatch(/in_progress/);
  });

  it('refuses a check-out of a visit that is already done, whatever the outcome', () => {
    const outcomes: Array<OutcomeInput | undefined> = [undefined, { kind: 'partial', reason: 'declined', notDone: ['shower'] }];
    for (const outcome of outcomes) {
      const result = transition('done', { type: 'check_out', ...(outcome ? { outcome } : {}) });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'done', event: 'check_out' } });
      if (!result.ok) expect(result.error.message).toMatch(/done/);
    }
  });

  it.each(['partial', 'not_done'] as const)('refuses an outcome "%s" without a reason', (kind) => {
    expect(refusalOf({ kind, notDone: ['shower'] })).toBe('a reason is required when the visit did not go as planned');
  });

  it.each(['', '   ', undefined])('refuses the reason "other" with the description %j', (reasonText) => {
    const outcome: OutcomeInput = { kind: 'partial', reason: 'other', notDone: ['shower'], ...(reasonText === undefined ? {} : { reasonText }) };
    expect(refusalOf(outcome)).toBe('describe the reason when it is "other"');
  });

  it('refuses "partial" that does not say which insatser were not done', () => {
    expect(refusalOf({ kind: 'partial', reason: 'no_time', notDone: [] })).toBe('say which insatser were not done');
  });

  it('refuses "as planned" that lists insatser as not done', () => {
    expect(refusalOf({ kind: 'as_planned', notDone: ['shower'] })).toBe('an outcome "as planned" cannot list insatser that were not done');
  });

  it('accepts "as planned" with one call and no outcome at all', () => {
    expect(transition('in_progress', { type: 'check_out' })).toEqual({ ok: true, status: 'done' });
    expect(transition('in_progress', { type: 'check_out', outcome: { kind: 'as_planned', notDone: [] } })).toEqual({ ok: true, status: 'done' });
  });

  it('accepts "partial" with a reason, and "other" once it is described', () => {
    expect(transition('in_progress', { type: 'check_out', outcome: { kind: 'partial', reason: 'declined', notDone: ['shower'] } })).toEqual({ ok: true, status: 'done' });
    expect(
      transition('in_progress', { type: 'check_out', outcome: { kind: 'partial', reason: 'other', reasonText: 'Vattnet avstängt', notDone: ['shower'] } }),
    ).toEqual({ ok: true, status: 'done' });
    expect(outcomeProblem({ kind: 'not_done', reason: 'hospital', notDone: [] })).toBeNull();
  });
});

describe('check-out through the exec doc', () => {
  const plan = visit('v-0800', '08:00', '08:45');

  it('refuses insatser that are not in the plan, names them, and writes nothing', () => {
    const doc = checkedIn('v-0800', '2026-03-02T07:02:00.000Z');
    const before = Y.encodeStateVector(doc);
    const result = applyVisitEvent(
      doc,
      'v-0800',
      { type: 'check_out', outcome: { kind: 'partial', reason: 'declined', notDone: ['shower', 'laundry'] } },
      annaAt('2026-03-02T07:40:00.000Z'),
      undefined,
      plan,
    );
    expect(result).toMatchObject({ ok: false, error: { event: 'check_out', from: 'in_progress' } });
    if (!result.ok) {
      expect(result.error.message).toContain('laundry');
      expect(result.error.message).not.toContain('shower');
    }
    expect(Y.encodeStateVector(doc)).toEqual(before);
    const execution = readExecution(doc, 'v-0800');
    expect(execution?.status).toBe('in_progress');
    expect(execution?.checkOut).toBeUndefined();
    expect(execution?.outcome).toBeUndefined();
  });

  it('refuses an incomplete outcome and writes nothing, so the caregiver can try again', () => {
    const doc = checkedIn('v-0800', '2026-03-02T07:02:00.000Z');
    const before = Y.encodeStateVector(doc);
    const refused = applyVisitEvent(doc, 'v-0800', { type: 'check_out', outcome: { kind: 'partial', notDone: ['shower'] } }, annaAt('2026-03-02T07:40:00.000Z'), undefined, plan);
    expect(refused).toMatchObject({ ok: false, error: { code: 'reason_required' } });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    const retried = applyVisitEvent(
      doc,
      'v-0800',
      { type: 'check_out', outcome: { kind: 'partial', reason: 'declined', notDone: ['shower'] } },
      annaAt('2026-03-02T07:41:00.000Z'),
      undefined,
      plan,
    );
    expect(retried).toEqual({ ok: true });
    expect(readExecution(doc, 'v-0800')?.outcome).toMatchObject({ kind: 'partial', reason: 'declined', notDone: ['shower'] });
  });

  it('stores planned minutes from the plan and actual minutes from check-in to check-out', () => {
    // 08:00–08:45 Stockholm time is planned (45 min); anna was there 08:02–08:39:40 (38 min, rounded).
    const doc = checkedIn('v-0800', '2026-03-02T07:02:00.000Z');
    const result = applyVisitEvent(
      doc,
      'v-0800',
      { type: 'check_out', outcome: { kind: 'partial', reason: 'declined', reasonText: 'Ville inte duscha i dag', notDone: ['shower'] } },
      annaAt('2026-03-02T07:39:40.000Z'),
      undefined,
      plan,
    );
    expect(result).toEqual({ ok: true });
    const execution = readExecution(doc, 'v-0800');
    expect(execution?.status).toBe('done');
    expect(execution?.checkOut).toEqual(annaAt('2026-03-02T07:39:40.000Z'));
    expect(execution?.outcome).toEqual({
      kind: 'partial',
      reason: 'declined',
      reasonText: 'Ville inte duscha i dag',
      notDone: ['shower'],
      plannedMinutes: 45,
      actualMinutes: 38,
    });
  });

  it('stores "as planned" when checked out with one call and no outcome', () => {
    const doc = checkedIn('v-0800', '2026-03-02T07:00:00.000Z');
    expect(applyVisitEvent(doc, 'v-0800', { type: 'check_out' }, annaAt('2026-03-02T07:50:00.000Z'), undefined, plan)).toEqual({ ok: true });
    expect(readExecution(doc, 'v-0800')?.outcome).toEqual({ kind: 'as_planned', notDone: [], plannedMinutes: 45, actualMinutes: 50 });
  });

  it('lists every planned insats as not done when the visit did not happen at all', () => {
    const doc = checkedIn('v-0800', '2026-03-02T07:00:00.000Z');
    const result = applyVisitEvent(
      doc,
      'v-0800',
      { type: 'check_out', outcome: { kind: 'not_done', reason: 'not_home', notDone: [] } },
      annaAt('2026-03-02T07:05:00.000Z'),
      undefined,
      plan,
    );
    expect(result).toEqual({ ok: true });
    const outcome = readExecution(doc, 'v-0800')?.outcome;
    expect(outcome).toMatchObject({ kind: 'not_done', reason: 'not_home', plannedMinutes: 45, actualMinutes: 5 });
    expect([...(outcome?.notDone ?? [])].sort()).toEqual(['breakfast', 'meds', 'shower']);
  });

  it('refuses to check out of a visit nobody checked in to, and writes nothing', () => {
    const doc = new Y.Doc();
    const result = applyVisitEvent(doc, 'v-0800', { type: 'check_out' }, annaAt('2026-03-02T07:40:00.000Z'), undefined, plan);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'planned' } });
    expect(readExecution(doc, 'v-0800')).toBeUndefined();
  });

  it('refuses a second check-out and keeps the first outcome', () => {
    const doc = checkedIn('v-0800', '2026-03-02T07:00:00.000Z');
    expect(applyVisitEvent(doc, 'v-0800', { type: 'check_out' }, annaAt('2026-03-02T07:45:00.000Z'), undefined, plan)).toEqual({ ok: true });
    const again = applyVisitEvent(
      doc,
      'v-0800',
      { type: 'check_out', outcome: { kind: 'not_done', reason: 'hospital', notDone: [] } },
      annaAt('2026-03-02T08:00:00.000Z'),
      undefined,
      plan,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'done' } });
    expect(readExecution(doc, 'v-0800')).toMatchObject({
      status: 'done',
      checkOut: annaAt('2026-03-02T07:45:00.000Z'),
      outcome: { kind: 'as_planned', notDone: [], plannedMinutes: 45, actualMinutes: 45 },
    });
  });

  it('reaches another device with the outcome after sync', () => {
    const a = checkedIn('v-0800', '2026-03-02T07:00:00.000Z');
    applyVisitEvent(a, 'v-0800', { type: 'check_out', outcome: { kind: 'partial', reason: 'no_time', notDone: ['meds'] } }, annaAt('2026-03-02T07:30:00.000Z'), undefined, plan);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readExecution(b, 'v-0800')?.outcome).toEqual({ kind: 'partial', reason: 'no_time', notDone: ['meds'], plannedMinutes: 45, actualMinutes: 30 });
  });
});

describe('unplanned visits', () => {
  const brukare = (id: string) => (id === 'norr-b01' ? { name: 'Astrid Andersson', address: 'Björkvägen 1' } : undefined);

  function day(): { planDoc: Y.Doc; execDoc: Y.Doc } {
    const planDoc = new Y.Doc();
    writePlannedVisit(planDoc, visit('v-0800', '08:00', '08:45'));
    writePlannedVisit(planDoc, visit('v-1200', '12:00', '12:30'));
    return { planDoc, execDoc: new Y.Doc() };
  }

  const alarm = visit('u-alarm-1015', '10:15', '10:45', {
    insatser: [{ id: 'callout', type: 'alarm_callout', title: 'Larmutryckning' }],
  });

  it('shows a visit created in the field in time order among the planned ones, marked unplanned', () => {
    const { planDoc, execDoc } = day();
    createUnplannedVisit(execDoc, alarm);
    const teamDay = readTeamDay('norr', DATE, planDoc, execDoc, brukare);
    expect(teamDay.visits.map((v) => [v.id, v.plannedStart, v.unplanned ?? false])).toEqual([
      ['v-0800', '08:00', false],
      ['u-alarm-1015', '10:15', true],
      ['v-1200', '12:00', false],
    ]);
    expect(teamDay.visits[1]).toMatchObject({ status: 'planned', brukareName: 'Astrid Andersson', insatser: alarm.insatser });
  });

  it('carries the unplanned visit through check-in and check-out like any other', () => {
    const { planDoc, execDoc } = day();
    createUnplannedVisit(execDoc, alarm);
    expect(applyVisitEvent(execDoc, alarm.id, { type: 'check_in' }, annaAt('2026-03-02T09:15:00.000Z'))).toEqual({ ok: true });
    expect(applyVisitEvent(execDoc, alarm.id, { type: 'check_out' }, annaAt('2026-03-02T09:40:00.000Z'), undefined, alarm)).toEqual({ ok: true });
    const shown = readTeamDay('norr', DATE, planDoc, execDoc, brukare).visits.find((v) => v.id === alarm.id);
    expect(shown).toMatchObject({ unplanned: true, status: 'done', outcome: { kind: 'as_planned', plannedMinutes: 30, actualMinutes: 25 } });
  });

  it('reaches the scheduler on another device after sync', () => {
    const { planDoc, execDoc } = day();
    createUnplannedVisit(execDoc, alarm);
    const schedulersExec = new Y.Doc();
    Y.applyUpdate(schedulersExec, Y.encodeStateAsUpdate(execDoc));
    expect(readTeamDay('norr', DATE, planDoc, schedulersExec, brukare).visits.filter((v) => v.unplanned).map((v) => v.id)).toEqual([alarm.id]);
  });

  it('refuses an invalid unplanned visit by throwing, and lists nothing', () => {
    const { planDoc, execDoc } = day();
    expect(() => createUnplannedVisit(execDoc, { ...alarm, plannedEnd: '10:00' })).toThrow(/plannedEnd/);
    expect(() => createUnplannedVisit(execDoc, { ...alarm, insatser: [] })).toThrow();
    expect(readUnplannedVisits(execDoc)).toEqual({ items: [], invalid: [] });
    expect(readTeamDay('norr', DATE, planDoc, execDoc, brukare).visits.map((v) => v.id)).toEqual(['v-0800', 'v-1200']);
  });

  it('leaves out a malformed unplanned visit merged in from another replica and reports it as invalid', () => {
    const { planDoc, execDoc } = day();
    createUnplannedVisit(execDoc, alarm);
    execDoc.getMap<unknown>('unplanned').set('u-broken', { ...alarm, id: 'u-broken', plannedStart: '25:00' });
    const { items, invalid } = readUnplannedVisits(execDoc);
    expect(items.map((v) => v.id)).toEqual([alarm.id]);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.id).toBe('u-broken');
    expect(invalid[0]?.error).toContain('plannedStart');
    expect(readTeamDay('norr', DATE, planDoc, execDoc, brukare).visits.map((v) => v.id)).toEqual(['v-0800', alarm.id, 'v-1200']);
  });
});
