// Clashes between a plan change and field work: detection on merged visits,
// and end to end over real Y.Docs where a scheduler and an offline caregiver
// change the same visit at the same time.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { clashKey, findClashes, workersOf } from './clashes';
import { readExecution } from './doc-layout/exec-doc';
import { applyVisitEvent, setTaskDone } from './doc-layout/exec-write';
import { readPlannedVisit, readResolutions } from './doc-layout/plan-doc';
import { cancelPlannedVisit, markPlannedVisitMissed, resolveClash, writePlannedVisit } from './doc-layout/plan-write';
import { readTeamDay } from './team-day';
import type { PlannedVisit, Visit } from './visit';

const DATE = '2026-03-02';
const at = (time: string) => `${DATE}T${time}:00.000Z`;
const stamp = (staffId: string, time: string) => ({ staffId, at: at(time) });

function visit(extra: Partial<Visit> = {}): Visit {
  return {
    id: 'v1',
    teamId: 'norr',
    brukareId: 'norr-b01',
    date: DATE,
    plannedStart: '08:00',
    plannedEnd: '08:45',
    requiredStaff: 1,
    assignedStaffIds: ['anna'],
    insatser: [
      { id: 'breakfast', type: 'morning_help', title: 'Frukost' },
      { id: 'meds', type: 'medication_reminder', title: 'Påminn om medicin' },
    ],
    status: 'planned',
    tasks: {},
    ...extra,
  };
}

const cancellation = { reason: 'Brukaren inlagd på sjukhus', at: at('06:30'), by: 'planerare-norr' };

describe('workersOf', () => {
  it('lists who checked in or ticked an insats, once each, at their first touch, earliest first', () => {
    const v = visit({
      checkIn: stamp('bo', '07:10'),
      staffCheckIns: [stamp('bo', '07:10'), stamp('anna', '07:20')],
      tasks: {
        breakfast: { done: true, staffId: 'anna', at: at('07:05') },
        meds: { done: true, staffId: 'cecilia', at: at('07:30') },
      },
    });
    expect(workersOf(v)).toEqual([
      { staffId: 'anna', at: at('07:05') },
      { staffId: 'bo', at: at('07:10') },
      { staffId: 'cecilia', at: at('07:30') },
    ]);
  });

  it('does not count an insats ticked off again as work', () => {
    expect(workersOf(visit({ tasks: { breakfast: { done: false, staffId: 'anna', at: at('07:05') } } }))).toEqual([]);
  });

  it('reads the single check-in when nobody else checked in', () => {
    expect(workersOf(visit({ checkIn: stamp('anna', '07:02') }))).toEqual([{ staffId: 'anna', at: at('07:02') }]);
  });
});

describe('clashKey', () => {
  it('differs per visit, kind and staff member, and is stable', () => {
    const key = clashKey({ visitId: 'v1', kind: 'worked_cancelled', staffId: 'anna' });
    expect(key).toBe(clashKey({ visitId: 'v1', kind: 'worked_cancelled', staffId: 'anna' }));
    expect(new Set([
      key,
      clashKey({ visitId: 'v2', kind: 'worked_cancelled', staffId: 'anna' }),
      clashKey({ visitId: 'v1', kind: 'worked_missed', staffId: 'anna' }),
      clashKey({ visitId: 'v1', kind: 'worked_cancelled', staffId: 'bo' }),
    ]).size).toBe(4);
  });
});

describe('findClashes', () => {
  it('finds nothing on a visit nobody worked, whatever the plan did to it', () => {
    expect(findClashes([visit({ cancelled: cancellation, status: 'cancelled' }), visit({ id: 'v2', assignedStaffIds: [] })])).toEqual([]);
  });

  it('finds nothing when the assigned caregiver works a visit that stands', () => {
    expect(findClashes([visit({ status: 'in_progress', checkIn: stamp('anna', '07:02'), tasks: { meds: { done: true, staffId: 'anna', at: at('07:10') } } })])).toEqual([]);
  });

  it('reports a check-in on a visit cancelled in the plan, with the reason and the check-in time', () => {
    const v = visit({ cancelled: cancellation, status: 'in_progress', checkIn: stamp('anna', '07:02') });
    expect(findClashes([v])).toEqual([
      { kind: 'worked_cancelled', visitId: 'v1', date: DATE, staffId: 'anna', at: at('07:02'), reason: cancellation.reason },
    ]);
  });

  it('reports an insats ticked on a visit marked missed, even without a check-in', () => {
    const v = visit({ missed: { ...cancellation, reason: 'Ingen öppnade' }, status: 'missed', tasks: { meds: { done: true, staffId: 'anna', at: at('07:15') } } });
    expect(findClashes([v])).toEqual([{ kind: 'worked_missed', visitId: 'v1', date: DATE, staffId: 'anna', at: at('07:15'), reason: 'Ingen öppnade' }]);
  });

  it('reports a legacy exec-doc cancellation that a check-in overrode (markedStatus)', () => {
    const v = visit({ status: 'in_progress', markedStatus: 'cancelled', statusReason: 'Avbokat av anhörig', checkIn: stamp('anna', '07:02') });
    expect(findClashes([v])).toEqual([{ kind: 'worked_cancelled', visitId: 'v1', date: DATE, staffId: 'anna', at: at('07:02'), reason: 'Avbokat av anhörig' }]);
  });

  it('reports a legacy exec-doc cancellation when the caregiver only ticked insatser', () => {
    // No check-in, so the stored status stays "cancelled" and there is no markedStatus.
    const v = visit({ status: 'cancelled', statusReason: 'Avbokat av anhörig', tasks: { meds: { done: true, staffId: 'anna', at: at('07:15') } } });
    expect(findClashes([v])).toMatchObject([{ kind: 'worked_cancelled', staffId: 'anna', reason: 'Avbokat av anhörig' }]);
    const missed = visit({ status: 'missed', statusReason: 'Ingen öppnade', tasks: { meds: { done: true, staffId: 'anna', at: at('07:15') } } });
    expect(findClashes([missed])).toMatchObject([{ kind: 'worked_missed', reason: 'Ingen öppnade' }]);
  });

  it('gives a cancellation precedence over a "missed" marking, with the cancellation\'s own reason', () => {
    const both = visit({ cancelled: cancellation, missed: { ...cancellation, reason: 'Ingen öppnade' }, status: 'in_progress', checkIn: stamp('anna', '07:02') });
    expect(findClashes([both])).toMatchObject([{ kind: 'worked_cancelled', reason: cancellation.reason }]);
    // A legacy cancellation in the exec doc and a "missed" marking in the plan: the reason is the cancellation's.
    const legacy = visit({ missed: { ...cancellation, reason: 'Ingen öppnade' }, markedStatus: 'cancelled', statusReason: 'Avbokat av anhörig', status: 'in_progress', checkIn: stamp('anna', '07:02') });
    expect(findClashes([legacy])).toMatchObject([{ kind: 'worked_cancelled', reason: 'Avbokat av anhörig' }]);
  });

  it('reports a caregiver who worked a visit assigned to someone else, but not one who was assigned', () => {
    const v = visit({
      assignedStaffIds: ['bo'],
      status: 'in_progress',
      checkIn: stamp('anna', '07:02'),
      tasks: { meds: { done: true, staffId: 'bo', at: at('07:30') } },
    });
    expect(findClashes([v])).toEqual([{ kind: 'worked_unassigned', visitId: 'v1', date: DATE, staffId: 'anna', at: at('07:02') }]);
  });

  it('treats an unassigned visit worked by a caregiver as a clash, and an unplanned one as none', () => {
    const worked = { status: 'in_progress' as const, checkIn: stamp('anna', '07:02') };
    expect(findClashes([visit({ assignedStaffIds: [], ...worked })])).toMatchObject([{ kind: 'worked_unassigned', staffId: 'anna' }]);
    expect(findClashes([visit({ assignedStaffIds: [], unplanned: true, ...worked })])).toEqual([]);
  });

  it('reports each caregiver of a double-staffed visit that was cancelled', () => {
    const v = visit({
      assignedStaffIds: ['anna', 'bo'],
      requiredStaff: 2,
      cancelled: cancellation,
      status: 'in_progress',
      checkIn: stamp('anna', '07:02'),
      staffCheckIns: [stamp('anna', '07:02'), stamp('bo', '07:04')],
    });
    expect(findClashes([v]).map((c) => [c.kind, c.staffId])).toEqual([
      ['worked_cancelled', 'anna'],
      ['worked_cancelled', 'bo'],
    ]);
  });

  it("reports both a cancellation and a reassignment when both apply to the caregiver's work", () => {
    const v = visit({ assignedStaffIds: ['bo'], cancelled: cancellation, status: 'in_progress', checkIn: stamp('anna', '07:02') });
    expect(findClashes([v]).map((c) => c.kind).sort()).toEqual(['worked_cancelled', 'worked_unassigned']);
  });

  it("ignores a scheduler's own touches: they are plan work", () => {
    const v = visit({ cancelled: cancellation, status: 'cancelled', tasks: { meds: { done: true, staffId: 'planerare-norr', at: at('07:15') } } });
    expect(findClashes([v], new Set(), (id) => id === 'planerare-norr')).toEqual([]);
    expect(findClashes([v]).map((c) => c.kind).sort()).toEqual(['worked_cancelled', 'worked_unassigned']);
  });

  it('leaves out exactly the clashes whose keys were resolved', () => {
    const v = visit({
      assignedStaffIds: ['anna', 'bo'],
      cancelled: cancellation,
      status: 'in_progress',
      checkIn: stamp('anna', '07:02'),
      staffCheckIns: [stamp('anna', '07:02'), stamp('bo', '07:04')],
    });
    const resolved = new Set([clashKey({ visitId: 'v1', kind: 'worked_cancelled', staffId: 'anna' })]);
    expect(findClashes([v], resolved).map((c) => c.staffId)).toEqual(['bo']);
    // A resolution of another kind does not hide this one.
    expect(findClashes([v], new Set([clashKey({ visitId: 'v1', kind: 'worked_unassigned', staffId: 'anna' })]))).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------
// End to end: a scheduler's replica and an offline caregiver's replica of the
// day's plan doc and exec doc, each changing the same visit, then syncing.

function planned(extra: Partial<PlannedVisit> = {}): PlannedVisit {
  const { status: _s, tasks: _t, ...plan } = visit();
  return { ...plan, ...extra };
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function both(a: Y.Doc, b: Y.Doc): void {
  sync(a, b);
  sync(b, a);
}

function docWithClient(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

/** Both replicas of both docs, with the visit planned for anna and synced, before anyone goes offline. */
function teamDay(clientIds = { scheduler: 1, caregiver: 2 }) {
  const scheduler = { plan: docWithClient(clientIds.scheduler), exec: docWithClient(clientIds.scheduler) };
  const caregiver = { plan: docWithClient(clientIds.caregiver), exec: docWithClient(clientIds.caregiver) };
  writePlannedVisit(scheduler.plan, planned());
  both(scheduler.plan, caregiver.plan);
  return { scheduler, caregiver };
}

const brukareOf = () => ({ name: 'Greta Lind', address: 'Storgatan 1' });
const dayOf = (side: { plan: Y.Doc; exec: Y.Doc }) => readTeamDay('norr', DATE, side.plan, side.exec, brukareOf);
const clashesOf = (side: { plan: Y.Doc; exec: Y.Doc }) => findClashes(dayOf(side).visits, new Set(readResolutions(side.plan).keys()));

function syncAll(r: ReturnType<typeof teamDay>): void {
  both(r.scheduler.plan, r.caregiver.plan);
  both(r.scheduler.exec, r.caregiver.exec);
}

/** The caregiver, offline, checks in and ticks an insats. */
function caregiverWorks(r: ReturnType<typeof teamDay>): void {
  expect(applyVisitEvent(r.caregiver.exec, 'v1', { type: 'check_in' }, stamp('anna', '07:02'))).toEqual({ ok: true });
  setTaskDone(r.caregiver.exec, 'v1', 'meds', true, stamp('anna', '07:10'));
}

describe('a plan change meets offline field work', () => {
  it('keeps a reassignment and the check-in and ticks, and shows the clash until it is resolved', () => {
    const r = teamDay();
    writePlannedVisit(r.scheduler.plan, planned({ assignedStaffIds: ['bo'] }));
    caregiverWorks(r);
    // Before sync, each side sees only its own change, and no clash.
    expect(clashesOf(r.scheduler)).toEqual([]);
    expect(clashesOf(r.caregiver)).toEqual([]);
    syncAll(r);
    for (const side of [r.scheduler, r.caregiver]) {
      const [v] = dayOf(side).visits;
      expect(v?.assignedStaffIds).toEqual(['bo']);
      expect(v?.status).toBe('in_progress');
      expect(v?.checkIn).toEqual(stamp('anna', '07:02'));
      expect(v?.tasks.meds).toEqual({ done: true, ...stamp('anna', '07:10') });
      expect(clashesOf(side)).toEqual([{ kind: 'worked_unassigned', visitId: 'v1', date: DATE, staffId: 'anna', at: at('07:02') }]);
    }
    const [clash] = clashesOf(r.scheduler);
    resolveClash(r.scheduler.plan, clashKey(clash!), { action: 'assigned_worker', at: at('09:00'), by: 'planerare-norr' });
    expect(clashesOf(r.scheduler)).toEqual([]);
    syncAll(r);
    expect(clashesOf(r.caregiver)).toEqual([]);
    // Resolving recorded a decision; the field's records are as they were.
    expect(readExecution(r.caregiver.exec, 'v1')?.checkIn).toEqual(stamp('anna', '07:02'));
    expect(dayOf(r.caregiver).visits[0]?.tasks.meds?.done).toBe(true);
  });

  it('keeps a plan cancellation and the check-in and ticks: the work decides the status, the clash shows the reason', () => {
    const r = teamDay();
    expect(cancelPlannedVisit(r.scheduler.plan, 'v1', cancellation)).toBe(true);
    caregiverWorks(r);
    expect(dayOf(r.scheduler).visits[0]?.status).toBe('cancelled');
    syncAll(r);
    for (const side of [r.scheduler, r.caregiver]) {
      const [v] = dayOf(side).visits;
      expect(v?.cancelled).toEqual(cancellation);
      expect(v?.status).toBe('in_progress');
      expect(v?.checkIn).toEqual(stamp('anna', '07:02'));
      expect(v?.tasks.meds?.done).toBe(true);
      expect(clashesOf(side)).toEqual([
        { kind: 'worked_cancelled', visitId: 'v1', date: DATE, staffId: 'anna', at: at('07:02'), reason: cancellation.reason },
      ]);
    }
    resolveClash(r.scheduler.plan, clashKey({ visitId: 'v1', kind: 'worked_cancelled', staffId: 'anna' }), { action: 'kept_plan', at: at('09:00'), by: 'planerare-norr', note: 'Besöket räknas inte' });
    syncAll(r);
    expect(clashesOf(r.scheduler)).toEqual([]);
    expect(clashesOf(r.caregiver)).toEqual([]);
    expect(readPlannedVisit(r.caregiver.plan, 'v1')?.cancelled).toEqual(cancellation);
  });

  it('reports a "missed" marking against a caregiver who only ticked insatser offline', () => {
    const r = teamDay();
    expect(markPlannedVisitMissed(r.scheduler.plan, 'v1', { ...cancellation, reason: 'Ingen kom' })).toBe(true);
    setTaskDone(r.caregiver.exec, 'v1', 'breakfast', true, stamp('anna', '07:20'));
    syncAll(r);
    const [v] = dayOf(r.scheduler).visits;
    expect(v?.status).toBe('missed');
    expect(v?.tasks.breakfast?.done).toBe(true);
    expect(clashesOf(r.scheduler)).toEqual([{ kind: 'worked_missed', visitId: 'v1', date: DATE, staffId: 'anna', at: at('07:20'), reason: 'Ingen kom' }]);
  });

  it('reassigns and cancels at once from two schedulers without losing either', () => {
    const r = teamDay();
    const other = docWithClient(3);
    both(r.scheduler.plan, other);
    writePlannedVisit(r.scheduler.plan, planned({ assignedStaffIds: ['bo'] }));
    cancelPlannedVisit(other, 'v1', cancellation);
    both(r.scheduler.plan, other);
    for (const doc of [r.scheduler.plan, other]) {
      expect(readPlannedVisit(doc, 'v1')).toMatchObject({ assignedStaffIds: ['bo'], cancelled: cancellation });
    }
  });
});

describe('a legacy exec-doc cancellation meets an offline check-in', () => {
  // Both write the visit's one "status" entry in the exec doc, so Yjs keeps one
  // of them, decided by client id. Try both orders.
  for (const order of [
    { name: 'the cancelling device has the lower client id', scheduler: 1, caregiver: 2 },
    { name: 'the cancelling device has the higher client id', scheduler: 2, caregiver: 1 },
  ]) {
    it(`never loses the check-in or the ticks (${order.name})`, () => {
      const r = teamDay(order);
      expect(applyVisitEvent(r.scheduler.exec, 'v1', { type: 'cancel', reason: 'Avbokat av anhörig' }, stamp('planerare-norr', '06:30'))).toEqual({ ok: true });
      caregiverWorks(r);
      syncAll(r);
      expect(Y.encodeStateAsUpdate(r.scheduler.exec)).toEqual(Y.encodeStateAsUpdate(r.caregiver.exec));
      for (const side of [r.scheduler, r.caregiver]) {
        const [v] = dayOf(side).visits;
        expect(v?.status).toBe('in_progress');
        expect(v?.checkIn).toEqual(stamp('anna', '07:02'));
        expect(v?.tasks.meds?.done).toBe(true);
      }
    });
  }

  it('shows the clash when the cancellation is the write Yjs keeps', () => {
    const r = teamDay({ scheduler: 2, caregiver: 1 });
    applyVisitEvent(r.scheduler.exec, 'v1', { type: 'cancel', reason: 'Avbokat av anhörig' }, stamp('planerare-norr', '06:30'));
    caregiverWorks(r);
    syncAll(r);
    expect(readExecution(r.caregiver.exec, 'v1')).toMatchObject({ status: 'in_progress', markedStatus: 'cancelled', statusReason: 'Avbokat av anhörig' });
    expect(clashesOf(r.caregiver)).toEqual([{ kind: 'worked_cancelled', visitId: 'v1', date: DATE, staffId: 'anna', at: at('07:02'), reason: 'Avbokat av anhörig' }]);
  });

  // Known gap, outside the files this change may touch: the check-in also
  // writes the visit's "status" entry in the exec doc, so when it is the write
  // Yjs keeps, nothing is left of the cancellation and no clash can be found.
  // The fix belongs in exec-doc.ts (keep cancel/missed markings under a key of
  // their own). Flip to `it` once fixed.
  it('shows the clash when the check-in is the write Yjs keeps', () => {
    const r = teamDay({ scheduler: 1, caregiver: 2 });
    applyVisitEvent(r.scheduler.exec, 'v1', { type: 'cancel', reason: 'Avbokat av anhörig' }, stamp('planerare-norr', '06:30'));
    caregiverWorks(r);
    syncAll(r);
    expect(clashesOf(r.scheduler)).toMatchObject([{ kind: 'worked_cancelled', staffId: 'anna' }]);
  });

  // Same root cause: once the cancellation was kept and overridden, checking
  // out writes "done" over it and the unresolved clash disappears.
  it('keeps showing the clash after the caregiver checks out', () => {
    const r = teamDay({ scheduler: 2, caregiver: 1 });
    applyVisitEvent(r.scheduler.exec, 'v1', { type: 'cancel', reason: 'Avbokat av anhörig' }, stamp('planerare-norr', '06:30'));
    caregiverWorks(r);
    syncAll(r);
    expect(applyVisitEvent(r.caregiver.exec, 'v1', { type: 'check_out' }, stamp('anna', '07:40'))).toEqual({ ok: true });
    expect(clashesOf(r.caregiver)).toMatchObject([{ kind: 'worked_cancelled', staffId: 'anna' }]);
  });
});
