// The scheduler's follow-up: minutes planned vs delivered, why a visit differs
// from the plan, and staff continuity, as the page at /planering/uppfoljning
// shows them.
import { describe, expect, it } from 'vitest';
import { addDays, instantOf } from './dates';
import { TIME_DIFF_THRESHOLD_MIN, continuityReport, differenceReasons, differingVisits, minutesPerDay, minutesPerRecipient, minutesPerStaff, minutesTotal, signOffReport } from './follow-up';
import type { SignOff } from './sign-off';
import type { Stamp, TeamDay, Visit } from './visit';

const DATE = '2026-03-02';

/** A stamp at Stockholm wall-clock time on the visit's day. */
const at = (time: string, staffId: string, date = DATE): Stamp => ({ at: instantOf(date, time).toISOString(), staffId });

function visit(over: Partial<Visit> & { id: string }): Visit {
  return {
    teamId: 'norr',
    brukareId: 'b1',
    date: DATE,
    plannedStart: '08:00',
    plannedEnd: '08:45',
    requiredStaff: 1,
    assignedStaffIds: ['anna'],
    insatser: [{ id: 'i1', type: 'morning_help', title: 'Morgonhjälp' }],
    status: 'planned',
    tasks: {},
    ...over,
  };
}

const day = (visits: Visit[], date = DATE): TeamDay => ({ teamId: 'norr', date, visits: visits.map((v) => ({ ...v, date })) });
const asObject = <T>(map: Map<string, T>) => Object.fromEntries(map);
/** Well after every visit of the day: what is not registered by now never was. */
const EVENING = instantOf(DATE, '23:00').getTime();

describe('minutes planned vs delivered', () => {
  const monday = day([
    visit({ id: 'v1', status: 'done', checkIn: at('08:00', 'anna'), checkOut: at('08:50', 'anna') }),
    visit({ id: 'v2', brukareId: 'b2', plannedStart: '12:00', plannedEnd: '12:30', assignedStaffIds: ['bo'], status: 'done', checkIn: at('12:00', 'bo'), checkOut: at('12:20', 'bo') }),
    visit({ id: 'v3', plannedStart: '15:00', plannedEnd: '15:30', assignedStaffIds: [] }),
  ]);
  const tuesday = day([visit({ id: 'v4', status: 'done', checkIn: at('08:05', 'anna', '2026-03-03'), checkOut: at('08:45', 'anna', '2026-03-03') })], '2026-03-03');

  it('totals per staff member, with visits nobody is assigned to under the empty id', () => {
    expect(asObject(minutesPerStaff([monday]))).toEqual({
      anna: { planned: 45, actual: 50, visits: 1 },
      bo: { planned: 30, actual: 20, visits: 1 },
      '': { planned: 30, actual: 0, visits: 1 },
    });
  });

  it('totals per recipient, per day and over the whole period', () => {
    expect(asObject(minutesPerRecipient([monday, tuesday]))).toEqual({
      b1: { planned: 120, actual: 90, visits: 3 },
      b2: { planned: 30, actual: 20, visits: 1 },
    });
    expect(asObject(minutesPerDay([monday, tuesday]))).toEqual({
      [DATE]: { planned: 105, actual: 70, visits: 3 },
      '2026-03-03': { planned: 45, actual: 40, visits: 1 },
    });
    expect(minutesTotal([monday, tuesday])).toEqual({ planned: 150, actual: 110, visits: 4 });
  });

  it('counts nothing for a cancelled visit, and zeros when there is nothing to count', () => {
    const cancelled = day([visit({ id: 'v1', status: 'cancelled' }), visit({ id: 'v2', assignedStaffIds: ['bo'], status: 'cancelled' })]);
    expect(minutesPerStaff([cancelled]).size).toBe(0);
    expect(minutesTotal([cancelled])).toEqual({ planned: 0, actual: 0, visits: 0 });
    expect(minutesTotal([])).toEqual({ planned: 0, actual: 0, visits: 0 });
    expect(minutesTotal([monday, cancelled])).toEqual(minutesTotal([monday]));
  });

  it('gives an unassigned worker her delivered time but no planned time, and the assigned one planned time only', () => {
    const swapped = day([visit({ id: 'v1', status: 'done', checkIn: at('08:00', 'cecilia'), checkOut: at('08:44', 'cecilia') })]);
    expect(asObject(minutesPerStaff([swapped]))).toEqual({
      anna: { planned: 45, actual: 0, visits: 1 },
      cecilia: { planned: 0, actual: 44, visits: 1 },
    });
    expect(minutesTotal([swapped])).toEqual({ planned: 45, actual: 44, visits: 1 });
  });

  it("counts each person's own stamps on a double-staffed visit, and the visit once per key", () => {
    const double = day([
      visit({
        id: 'v1',
        requiredStaff: 2,
        assignedStaffIds: ['anna', 'bo'],
        status: 'done',
        checkIn: at('08:00', 'anna'),
        checkOut: at('08:40', 'anna'),
        staffCheckIns: [at('08:00', 'anna'), at('08:10', 'bo')],
        staffCheckOuts: [at('08:40', 'anna'), at('09:10', 'bo')],
        // Not used: with per-person stamps, each person's own time counts.
        outcome: { kind: 'as_planned', notDone: [], plannedMinutes: 45, actualMinutes: 70 },
      }),
    ]);
    expect(asObject(minutesPerStaff([double]))).toEqual({
      anna: { planned: 45, actual: 40, visits: 1 },
      bo: { planned: 45, actual: 60, visits: 1 },
    });
    expect(minutesTotal([double])).toEqual({ planned: 90, actual: 100, visits: 1 });
  });

  it('gives an unplanned visit delivered time but no planned time', () => {
    const alarm = day([visit({ id: 'u1', unplanned: true, status: 'done', checkIn: at('03:00', 'anna'), checkOut: at('03:25', 'anna') })]);
    expect(minutesTotal([alarm])).toEqual({ planned: 0, actual: 25, visits: 1 });
  });
});

describe('why a visit differs from the plan', () => {
  it('lists nothing for a visit done as planned within the threshold', () => {
    const v = visit({ id: 'v1', status: 'done', checkIn: at('08:00', 'anna'), checkOut: at(`08:${45 + TIME_DIFF_THRESHOLD_MIN}`, 'anna') });
    expect(differenceReasons(v, EVENING)).toEqual([]);
  });

  it('names a cancelled or missed visit', () => {
    expect(differenceReasons(visit({ id: 'v1', status: 'cancelled' }), EVENING)).toEqual([{ kind: 'cancelled' }]);
    expect(differenceReasons(visit({ id: 'v1', status: 'missed' }), EVENING)).toEqual([{ kind: 'missed' }]);
  });

  it('names a visit nobody registered once its planned end has passed, not before', () => {
    const v = visit({ id: 'v1' });
    expect(differenceReasons(v, instantOf(DATE, '08:44').getTime())).toEqual([]);
    expect(differenceReasons(v, instantOf(DATE, '08:46').getTime())).toEqual([{ kind: 'not_registered' }]);
  });

  it('names an outcome other than as planned', () => {
    const v = visit({ id: 'v1', status: 'done', checkIn: at('08:00', 'anna'), checkOut: at('08:40', 'anna'), outcome: { kind: 'partial', reason: 'declined', notDone: ['i1'] } });
    expect(differenceReasons(v, EVENING)).toEqual([{ kind: 'not_as_planned' }]);
  });

  it('names an unplanned visit, without a time difference against a plan it never had', () => {
    const v = visit({ id: 'u1', unplanned: true, status: 'done', checkIn: at('08:00', 'anna'), checkOut: at('09:30', 'anna') });
    expect(differenceReasons(v, EVENING)).toEqual([{ kind: 'unplanned' }]);
  });

  it('names a time more than the threshold longer or shorter than planned, with both minutes', () => {
    const longer = visit({ id: 'v1', status: 'done', checkIn: at('08:00', 'anna'), checkOut: at(`08:${46 + TIME_DIFF_THRESHOLD_MIN}`, 'anna') });
    expect(differenceReasons(longer, EVENING)).toEqual([{ kind: 'time', staffId: 'anna', planned: 45, actual: 56 }]);
    const shorter = visit({ id: 'v1', status: 'done', checkIn: at('08:00', 'anna'), checkOut: at('08:30', 'anna') });
    expect(differenceReasons(shorter, EVENING)).toEqual([{ kind: 'time', staffId: 'anna', planned: 45, actual: 30 }]);
  });

  it('names who worked a visit without being assigned to it', () => {
    const v = visit({ id: 'v1', status: 'done', checkIn: at('08:00', 'cecilia'), checkOut: at('08:45', 'cecilia') });
    expect(differenceReasons(v, EVENING)).toEqual([{ kind: 'unassigned_worker', staffId: 'cecilia' }]);
  });

  it('names who checked in but not out', () => {
    const v = visit({ id: 'v1', status: 'in_progress', checkIn: at('08:00', 'anna') });
    expect(differenceReasons(v, EVENING)).toEqual([{ kind: 'not_checked_out', staffId: 'anna' }]);
  });

  it('judges each person on a double-staffed visit by her own stamps', () => {
    const v = visit({
      id: 'v1',
      requiredStaff: 2,
      assignedStaffIds: ['anna', 'bo'],
      status: 'in_progress',
      checkIn: at('08:00', 'anna'),
      checkOut: at('08:20', 'anna'),
      staffCheckIns: [at('08:00', 'anna'), at('08:05', 'bo')],
      staffCheckOuts: [at('08:20', 'anna')],
    });
    // Anna's single check-out does not close Bo's part of the visit.
    expect(differenceReasons(v, EVENING)).toEqual([
      { kind: 'time', staffId: 'anna', planned: 45, actual: 20 },
      { kind: 'not_checked_out', staffId: 'bo' },
    ]);
  });

  it('lists only the visits that differ, in the order of the days', () => {
    const asPlanned = visit({ id: 'ok', status: 'done', checkIn: at('08:00', 'anna'), checkOut: at('08:45', 'anna') });
    const days = [day([asPlanned, visit({ id: 'c', status: 'cancelled' })]), day([visit({ id: 'm', status: 'missed' })], '2026-03-03')];
    expect(differingVisits(days, EVENING).map((d) => [d.visit.id, d.reasons.map((r) => r.kind)])).toEqual([
      ['c', ['cancelled']],
      ['m', ['missed']],
    ]);
  });
});

describe('continuity over the period', () => {
  const END = '2026-03-15';
  const twiceDaily = (brukareId: string, staff: string[]) =>
    Array.from({ length: 14 }, (_, i) =>
      day(
        [
          visit({ id: `${brukareId}-m${i}`, brukareId, assignedStaffIds: [staff[i % staff.length] ?? 'anna'] }),
          visit({ id: `${brukareId}-e${i}`, brukareId, plannedStart: '18:00', plannedEnd: '18:30', assignedStaffIds: [staff[(i + 1) % staff.length] ?? 'anna'] }),
        ],
        addDays(END, i - 13),
      ),
    );

  it('counts who checked in, else who is planned, and nobody for cancelled or missed visits', () => {
    const days = [
      day([
        visit({ id: 'v1', brukareId: 'b1', assignedStaffIds: ['bo'], status: 'done', checkIn: at('08:00', 'cecilia'), checkOut: at('08:45', 'cecilia') }),
        visit({ id: 'v2', brukareId: 'b1', plannedStart: '12:00', plannedEnd: '12:30', assignedStaffIds: ['bo'] }),
        visit({ id: 'v3', brukareId: 'b1', plannedStart: '18:00', plannedEnd: '18:30', assignedStaffIds: ['dana'], status: 'cancelled' }),
        visit({ id: 'v4', brukareId: 'b1', plannedStart: '20:00', plannedEnd: '20:30', assignedStaffIds: ['erik'], status: 'missed' }),
      ]),
    ];
    const report = continuityReport(days, new Map(), END);
    // Cecilia (she went to v1, planned for Bo) and Bo (planned for v2); not Dana or Erik.
    expect(report.rows).toEqual([{ id: 'b1', met: 2, visits: 2, indicator: undefined, notCounted: 'unknown' }]);
    expect(report.mean).toBe(2);
  });

  it('sorts the most staff met first, ties in the order the caller gives', () => {
    const days = [
      day([
        visit({ id: 'a', brukareId: 'b-a', assignedStaffIds: ['anna'] }),
        visit({ id: 'b', brukareId: 'b-b', assignedStaffIds: ['anna'] }),
        visit({ id: 'c1', brukareId: 'b-c', assignedStaffIds: ['anna'] }),
        visit({ id: 'c2', brukareId: 'b-c', assignedStaffIds: ['bo'] }),
      ]),
    ];
    expect(continuityReport(days, new Map(), END).rows.map((r) => r.id)).toEqual(['b-c', 'b-a', 'b-b']);
    const names = new Map([
      ['b-a', 'Östen'],
      ['b-b', 'Alma'],
      ['b-c', 'Berit'],
    ]);
    const byName = (a: string, b: string) => (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'sv-SE');
    expect(continuityReport(days, new Map(), END, byName).rows.map((r) => r.id)).toEqual(['b-c', 'b-b', 'b-a']);
    expect(continuityReport(days, new Map(), END).mean).toBeCloseTo(4 / 3);
  });

  it('gives the national indicator to recipients of 65 or more with two visits a day, and says why the others are left out', () => {
    const days = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((i) => {
      const date = addDays(END, i - 13);
      const visits = [
        ...(twiceDaily('old', ['anna', 'bo', 'cecilia'])[i]?.visits ?? []),
        ...(twiceDaily('young', ['anna'])[i]?.visits ?? []),
        ...(i === 0 ? [visit({ id: 'few', brukareId: 'few', assignedStaffIds: ['bo'] })] : []),
        ...(i === 0 ? [visit({ id: 'nobody-knows', brukareId: 'unknown', assignedStaffIds: ['bo'] })] : []),
      ];
      return day(visits, date);
    });
    const recipients = new Map([
      ['old', { birthYear: 1940 }],
      ['young', { birthYear: 1970 }],
      ['few', { birthYear: 1930 }],
    ]);
    const report = continuityReport(days, recipients, END);
    expect(report.rows).toEqual([
      { id: 'old', met: 3, visits: 28, indicator: 3, notCounted: undefined },
      { id: 'few', met: 1, visits: 1, indicator: undefined, notCounted: 'visits' },
      { id: 'unknown', met: 1, visits: 1, indicator: undefined, notCounted: 'unknown' },
      { id: 'young', met: 1, visits: 28, indicator: undefined, notCounted: 'age' },
    ]);
    expect(report.indicatorMean).toBe(3);
    expect(report.indicatorCount).toBe(1);
    expect(report.mean).toBe(1.5);
  });

  it('has no means when there are no visits', () => {
    expect(continuityReport([], new Map(), END)).toEqual({ rows: [], mean: null, indicatorMean: null, indicatorCount: 0 });
  });
});

describe("the recipients' sign-offs", () => {
  const signOff = (over: Partial<SignOff> & { id: string; visitId: string }): SignOff => ({
    brukareId: 'b1',
    at: instantOf(DATE, '09:00').toISOString(),
    caregiverId: 'anna',
    language: 'sv',
    outcome: 'signed',
    items: [{ insatsId: 'i1', done: true }],
    mood: 'good',
    wantsToTalk: false,
    ...over,
  });
  const monday = day([
    visit({ id: 'v1', status: 'done', signOffs: [signOff({ id: 's1', visitId: 'v1' })] }),
    visit({ id: 'v2', status: 'done', signOffs: [signOff({ id: 's2', visitId: 'v2', mood: 'bad' })] }),
    visit({ id: 'v3', status: 'done', signOffs: [signOff({ id: 's3', visitId: 'v3', outcome: 'declined', items: [], mood: undefined, wantsToTalk: true })] }),
    // A later sign-off alongside an earlier one: the latest counts.
    visit({
      id: 'v4',
      status: 'done',
      signOffs: [signOff({ id: 's4a', visitId: 'v4', mood: 'bad' }), signOff({ id: 's4b', visitId: 'v4', at: instantOf(DATE, '09:05').toISOString(), items: [{ insatsId: 'i1', done: false }], mood: 'so_so' })],
    }),
    visit({ id: 'v5', status: 'done' }),
    visit({ id: 'v6' }),
  ]);

  it('counts signed and declined over the visits done, and the moods of the latest sign-off per visit', () => {
    const r = signOffReport([monday]);
    expect({ done: r.doneVisits, signed: r.signed, declined: r.declined, moods: r.moods, disputed: r.disputed }).toEqual({
      done: 5,
      signed: 3,
      declined: 1,
      moods: { good: 1, so_so: 1, bad: 1 },
      disputed: 1,
    });
  });

  it('lists for follow-up the visits where the recipient was unhappy, disputed an insats or asked to talk', () => {
    expect(signOffReport([monday]).attention.map((a) => [a.visit.id, a.signOff.id])).toEqual([
      ['v2', 's2'],
      ['v3', 's3'],
      ['v4', 's4b'],
    ]);
  });
});
