// Plan changes and what the field recorded: cancelling, marking missed and
// restoring a planned visit, clash resolutions, the merged visit, per-staff
// delivered time, and the days each role's device holds.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { SCHEDULER_DAYS_AHEAD, SCHEDULER_DAYS_BACK } from './api';
import { deliveredOf, deliveredRows, DELIVERED_COLUMNS, staffOfVisit } from './delivered';
import { readExecution } from './doc-layout/exec-doc';
import { applyVisitEvent, writeExecution } from './doc-layout/exec-write';
import { readPlannedVisit, readResolutions, type ClashResolution } from './doc-layout/plan-doc';
import { cancelPlannedVisit, markPlannedVisitMissed, resolveClash, restorePlannedVisit, writePlannedVisit } from './doc-layout/plan-write';
import { execDocName, planDocName } from './doc-names';
import { docsForUser, syncWindow } from './sync-window';
import { readTeamDay } from './team-day';
import { mergeVisit, type PlannedVisit, type Visit, type VisitExecution } from './visit';

const DATE = '2026-03-02';
const at = (time: string) => `${DATE}T${time}:00.000Z`;
const stamp = (staffId: string, time: string) => ({ staffId, at: at(time) });

function planned(extra: Partial<PlannedVisit> = {}): PlannedVisit {
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
    ...extra,
  };
}

const cancellation = { reason: 'Brukaren inlagd på sjukhus', at: at('06:30'), by: 'planerare-norr' };
const marking = { reason: 'Ingen öppnade', at: at('09:00'), by: 'planerare-norr' };

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

const brukareOf = () => ({ name: 'Greta Lind', address: 'Storgatan 1' });
const visitIn = (plan: Y.Doc, exec = new Y.Doc()) => readTeamDay('norr', DATE, plan, exec, brukareOf).visits[0];

describe('cancelling a planned visit', () => {
  it('makes the visit cancelled with its reason, in the plan doc only', () => {
    const plan = new Y.Doc();
    const exec = new Y.Doc();
    writePlannedVisit(plan, planned());
    expect(cancelPlannedVisit(plan, 'v1', cancellation)).toBe(true);
    expect(readPlannedVisit(plan, 'v1')?.cancelled).toEqual(cancellation);
    expect(visitIn(plan, exec)).toMatchObject({ status: 'cancelled', statusReason: cancellation.reason, cancelled: cancellation });
    expect(readExecution(exec, 'v1')).toBeUndefined();
  });

  it('refuses a visit that is not in the plan, and writes nothing', () => {
    const plan = new Y.Doc();
    writePlannedVisit(plan, planned());
    const before = Y.encodeStateVector(plan);
    expect(cancelPlannedVisit(plan, 'v2', cancellation)).toBe(false);
    expect(markPlannedVisitMissed(plan, 'v2', marking)).toBe(false);
    expect(restorePlannedVisit(plan, 'v2')).toBe(false);
    expect(Y.encodeStateVector(plan)).toEqual(before);
    expect(plan.getMap('visits').has('v2')).toBe(false);
  });

  it('throws on a cancellation without a reason, and leaves the visit planned', () => {
    const plan = new Y.Doc();
    writePlannedVisit(plan, planned());
    expect(() => cancelPlannedVisit(plan, 'v1', { ...cancellation, reason: '' })).toThrow();
    expect(() => cancelPlannedVisit(plan, 'v1', { ...cancellation, by: 'Not An Id' })).toThrow();
    expect(visitIn(plan)?.status).toBe('planned');
  });

  it('is not undone by a later edit that does not mention it (a reassignment from a stale form)', () => {
    const plan = new Y.Doc();
    writePlannedVisit(plan, planned());
    cancelPlannedVisit(plan, 'v1', cancellation);
    writePlannedVisit(plan, planned({ assignedStaffIds: ['bo'] }));
    expect(readPlannedVisit(plan, 'v1')).toMatchObject({ assignedStaffIds: ['bo'], cancelled: cancellation });
  });

  it('reaches the other replica, and a restore there reaches back', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writePlannedVisit(a, planned());
    cancelPlannedVisit(a, 'v1', cancellation);
    sync(a, b);
    expect(visitIn(b)?.status).toBe('cancelled');
    expect(restorePlannedVisit(b, 'v1')).toBe(true);
    sync(b, a);
    expect(visitIn(a)?.status).toBe('planned');
    expect(readPlannedVisit(a, 'v1')?.cancelled).toBeUndefined();
  });
});

describe('marking a planned visit missed and restoring it', () => {
  it('marks it missed with its reason', () => {
    const plan = new Y.Doc();
    writePlannedVisit(plan, planned());
    expect(markPlannedVisitMissed(plan, 'v1', marking)).toBe(true);
    expect(visitIn(plan)).toMatchObject({ status: 'missed', statusReason: marking.reason, missed: marking });
  });

  it('shows a cancellation over a "missed" marking when both are set', () => {
    const plan = new Y.Doc();
    writePlannedVisit(plan, planned());
    markPlannedVisitMissed(plan, 'v1', marking);
    cancelPlannedVisit(plan, 'v1', cancellation);
    expect(visitIn(plan)).toMatchObject({ status: 'cancelled', statusReason: cancellation.reason });
  });

  it('restores both: the visit is planned again, with everything else as it was', () => {
    const plan = new Y.Doc();
    writePlannedVisit(plan, planned({ assignedStaffIds: ['bo'] }));
    markPlannedVisitMissed(plan, 'v1', marking);
    cancelPlannedVisit(plan, 'v1', cancellation);
    expect(restorePlannedVisit(plan, 'v1')).toBe(true);
    expect(readPlannedVisit(plan, 'v1')).toEqual(planned({ assignedStaffIds: ['bo'] }));
    const v = visitIn(plan);
    expect(v?.status).toBe('planned');
    expect(v?.statusReason).toBeUndefined();
  });
});

describe('clash resolutions', () => {
  const resolution: ClashResolution = { action: 'kept_plan', at: at('10:00'), by: 'planerare-norr', note: 'Besöket debiteras inte' };

  it('reads back what was resolved, by key', () => {
    const plan = new Y.Doc();
    expect(readResolutions(plan).size).toBe(0);
    resolveClash(plan, 'v1/worked_cancelled/anna', resolution);
    resolveClash(plan, 'v2/worked_unassigned/bo', { action: 'assigned_worker', at: at('10:05'), by: 'planerare-norr' });
    const read = readResolutions(plan);
    expect([...read.keys()].sort()).toEqual(['v1/worked_cancelled/anna', 'v2/worked_unassigned/bo']);
    expect(read.get('v1/worked_cancelled/anna')).toEqual(resolution);
  });

  it('keeps the latest resolution of one clash', () => {
    const plan = new Y.Doc();
    resolveClash(plan, 'v1/worked_cancelled/anna', resolution);
    resolveClash(plan, 'v1/worked_cancelled/anna', { action: 'restored', at: at('10:30'), by: 'planerare-norr' });
    expect(readResolutions(plan).get('v1/worked_cancelled/anna')?.action).toBe('restored');
  });

  it('leaves out malformed entries (from an older or broken client)', () => {
    const plan = new Y.Doc();
    resolveClash(plan, 'v1/worked_cancelled/anna', resolution);
    plan.getMap('resolutions').set('v1/worked_missed/anna', { action: 'ignored', at: at('10:00'), by: 'planerare-norr' });
    plan.getMap('resolutions').set('v1/worked_unassigned/anna', 'yes');
    expect([...readResolutions(plan).keys()]).toEqual(['v1/worked_cancelled/anna']);
  });

  it('refuses an invalid resolution', () => {
    const plan = new Y.Doc();
    expect(() => resolveClash(plan, 'k', { ...resolution, action: 'ignored' as ClashResolution['action'] })).toThrow();
    expect(() => resolveClash(plan, 'k', { ...resolution, note: 'x'.repeat(501) })).toThrow();
    expect(readResolutions(plan).size).toBe(0);
  });

  it("keeps two schedulers' resolutions of different clashes after sync", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    resolveClash(a, 'v1/worked_cancelled/anna', resolution);
    resolveClash(b, 'v1/worked_cancelled/bo', { ...resolution, action: 'restored' });
    sync(a, b);
    sync(b, a);
    for (const doc of [a, b]) expect([...readResolutions(doc).keys()].sort()).toEqual(['v1/worked_cancelled/anna', 'v1/worked_cancelled/bo']);
  });
});

describe('mergeVisit', () => {
  const exec = (extra: Partial<VisitExecution> = {}): VisitExecution => ({ visitId: 'v1', status: 'planned', tasks: {}, ...extra });

  it('lets a check-in win over a plan cancellation, keeping the cancellation for the clash', () => {
    const v = mergeVisit(planned({ cancelled: cancellation }), exec({ status: 'in_progress', checkIn: stamp('anna', '07:02') }));
    expect(v.status).toBe('in_progress');
    expect(v.statusReason).toBeUndefined();
    expect(v.cancelled).toEqual(cancellation);
    expect(v.checkIn).toEqual(stamp('anna', '07:02'));
  });

  it('keeps a cancelled visit cancelled when the field only ticked insatser, and keeps the ticks', () => {
    const tick = { done: true, ...stamp('anna', '07:10') };
    const v = mergeVisit(planned({ cancelled: cancellation }), exec({ tasks: { meds: tick } }));
    expect(v).toMatchObject({ status: 'cancelled', statusReason: cancellation.reason, tasks: { meds: tick } });
  });

  it('lets a finished visit stay done over a "missed" marking', () => {
    const v = mergeVisit(planned({ missed: marking }), exec({ status: 'done', checkIn: stamp('anna', '07:02'), checkOut: stamp('anna', '07:40') }));
    expect(v.status).toBe('done');
    expect(v.missed).toEqual(marking);
  });

  it('shows a legacy exec-doc cancellation with its reason, and passes markedStatus and unplanned on', () => {
    expect(mergeVisit(planned(), exec({ status: 'cancelled', statusReason: 'Avbokat av anhörig' }))).toMatchObject({ status: 'cancelled', statusReason: 'Avbokat av anhörig' });
    const v = mergeVisit(planned(), exec({ status: 'in_progress', markedStatus: 'missed', checkIn: stamp('anna', '07:02') }), undefined, true);
    expect(v).toMatchObject({ status: 'in_progress', markedStatus: 'missed', unplanned: true });
  });

  it('leaves a visit without plan changes or field records planned', () => {
    const v = mergeVisit(planned(), undefined, brukareOf());
    expect(v).toMatchObject({ status: 'planned', tasks: {}, brukareName: 'Greta Lind' });
    expect(v.markedStatus).toBeUndefined();
  });
});

describe('a stored cancellation or "missed" marking that a check-in overrode', () => {
  it('gives in_progress with markedStatus while anyone is in, done once someone checked out', () => {
    const doc = new Y.Doc();
    writeExecution(doc, { visitId: 'v1', status: 'cancelled', statusReason: 'Avbokat', checkIn: stamp('anna', '07:02'), tasks: {} });
    expect(readExecution(doc, 'v1')).toMatchObject({ status: 'in_progress', markedStatus: 'cancelled', statusReason: 'Avbokat' });
    writeExecution(doc, { visitId: 'v2', status: 'missed', checkIn: stamp('anna', '07:02'), checkOut: stamp('anna', '07:30'), tasks: {} });
    expect(readExecution(doc, 'v2')).toMatchObject({ status: 'done', markedStatus: 'missed' });
  });

  it('keeps the stored status without check-ins, and has no markedStatus', () => {
    const doc = new Y.Doc();
    expect(applyVisitEvent(doc, 'v1', { type: 'mark_missed', reason: 'Ingen öppnade' }, stamp('planerare-norr', '09:00'))).toEqual({ ok: true });
    const e = readExecution(doc, 'v1');
    expect(e).toMatchObject({ status: 'missed', statusReason: 'Ingen öppnade' });
    expect(e?.markedStatus).toBeUndefined();
  });

  it('overrides a "missed" marking made on one device with a check-in made offline on another', () => {
    const office = new Y.Doc();
    const tablet = new Y.Doc();
    office.clientID = 2; // the marking is the status write Yjs keeps
    tablet.clientID = 1;
    applyVisitEvent(office, 'v1', { type: 'mark_missed', reason: 'Ingen öppnade' }, stamp('planerare-norr', '09:00'));
    applyVisitEvent(tablet, 'v1', { type: 'check_in' }, stamp('anna', '07:50'));
    sync(office, tablet);
    sync(tablet, office);
    for (const doc of [office, tablet]) expect(readExecution(doc, 'v1')).toMatchObject({ status: 'in_progress', markedStatus: 'missed', checkIn: stamp('anna', '07:50') });
  });
});

describe('per-staff check-outs', () => {
  it("keeps each caregiver's check-out when two checked out, in time order", () => {
    const doc = new Y.Doc();
    for (const id of ['anna', 'bo']) applyVisitEvent(doc, 'v1', { type: 'check_in' }, stamp(id, '07:00'));
    applyVisitEvent(doc, 'v1', { type: 'check_out' }, stamp('bo', '07:35'));
    expect(readExecution(doc, 'v1')?.staffCheckOuts).toBeUndefined();
    applyVisitEvent(doc, 'v1', { type: 'check_out' }, stamp('anna', '07:50'));
    const e = readExecution(doc, 'v1');
    expect(e?.staffCheckOuts).toEqual([stamp('bo', '07:35'), stamp('anna', '07:50')]);
    expect(e?.checkOut).toEqual(stamp('anna', '07:50'));
  });
});

describe('delivered time per visit and staff member', () => {
  const visit = (extra: Partial<Visit> = {}): Visit => ({ ...planned(), status: 'planned', tasks: {}, ...extra });
  const column = (row: string[] | undefined, name: string) => row?.[DELIVERED_COLUMNS.indexOf(name)];

  it("gives each of two caregivers their own check-in, check-out and minutes", () => {
    const v = visit({
      assignedStaffIds: ['anna', 'bo'],
      requiredStaff: 2,
      status: 'done',
      checkIn: stamp('anna', '07:00'),
      checkOut: stamp('bo', '07:50'),
      staffCheckIns: [stamp('anna', '07:00'), stamp('bo', '07:10')],
      staffCheckOuts: [stamp('anna', '07:40'), stamp('bo', '07:50')],
      outcome: { kind: 'as_planned', notDone: [], actualMinutes: 40 },
    });
    expect(deliveredOf(v, 'anna')).toEqual({ plannedMinutes: 45, checkIn: at('07:00'), checkOut: at('07:40'), actualMinutes: 40 });
    expect(deliveredOf(v, 'bo')).toEqual({ plannedMinutes: 45, checkIn: at('07:10'), checkOut: at('07:50'), actualMinutes: 40 });
    const rows = deliveredRows({ teamId: 'norr', date: DATE, visits: [v] });
    expect(rows.map((r) => [column(r, 'staff_id'), column(r, 'check_in'), column(r, 'check_out'), column(r, 'actual_minutes')])).toEqual([
      ['anna', '2026-03-02 08:00', '2026-03-02 08:40', '40'],
      ['bo', '2026-03-02 08:10', '2026-03-02 08:50', '40'],
    ]);
  });

  it('gives a caregiver who worked a visit assigned to someone else a row of her own, and none of her time to the one assigned', () => {
    const v = visit({
      assignedStaffIds: ['bo'],
      status: 'done',
      checkIn: stamp('anna', '07:02'),
      checkOut: stamp('anna', '07:40'),
      outcome: { kind: 'as_planned', notDone: [], plannedMinutes: 45, actualMinutes: 38 },
    });
    expect(staffOfVisit(v)).toEqual(['bo', 'anna']);
    expect(deliveredOf(v, 'anna')).toEqual({ plannedMinutes: 45, checkIn: at('07:02'), checkOut: at('07:40'), actualMinutes: 38 });
    expect(deliveredOf(v, 'bo')).toEqual({ plannedMinutes: 45 });
    const rows = deliveredRows({ teamId: 'norr', date: DATE, visits: [v] });
    expect(rows.map((r) => [column(r, 'staff_id'), column(r, 'actual_minutes'), column(r, 'checked_in_by')])).toEqual([
      ['bo', '', 'anna'],
      ['anna', '38', 'anna'],
    ]);
  });

  it('does not give an unassigned second caregiver the first one\'s check-out', () => {
    const v = visit({
      status: 'done',
      checkIn: stamp('anna', '07:00'),
      checkOut: stamp('anna', '07:40'),
      staffCheckIns: [stamp('anna', '07:00'), stamp('cecilia', '07:05')],
    });
    expect(deliveredOf(v, 'cecilia')).toEqual({ plannedMinutes: 45, checkIn: at('07:05') });
    expect(deliveredOf(v, 'anna')).toEqual({ plannedMinutes: 45, checkIn: at('07:00'), checkOut: at('07:40'), actualMinutes: 40 });
  });

  it("counts one person's record of a double-staffed visit for that person only (no time paid twice)", () => {
    const v = visit({
      assignedStaffIds: ['anna', 'bo'],
      requiredStaff: 2,
      status: 'done',
      checkIn: stamp('anna', '07:05'),
      checkOut: stamp('anna', '07:47'),
      outcome: { kind: 'as_planned', notDone: [], actualMinutes: 42 },
    });
    expect(deliveredOf(v, 'bo')).toEqual({ plannedMinutes: 45 });
    expect(deliveredOf(v, 'anna')).toEqual({ plannedMinutes: 45, checkIn: at('07:05'), checkOut: at('07:47'), actualMinutes: 42 });
  });

  it('has no times for a visit nobody checked in to, and one row without staff when nobody is assigned', () => {
    const rows = deliveredRows({
      teamId: 'norr',
      date: DATE,
      visits: [visit({ status: 'cancelled', statusReason: 'Brukaren inlagd på sjukhus', cancelled: cancellation }), visit({ id: 'v2', assignedStaffIds: [] })],
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(['2026-03-02', 'v1', 'norr-b01', 'anna', '08:00', '08:45', '45', '', '', '', 'cancelled', '', 'Brukaren inlagd på sjukhus', 'no', '']);
    expect(column(rows[1], 'staff_id')).toBe('');
  });

  it('reads a real team day where the plan was reassigned while the caregiver worked offline', () => {
    const plan = new Y.Doc();
    const exec = new Y.Doc();
    writePlannedVisit(plan, planned({ assignedStaffIds: ['bo'] }));
    applyVisitEvent(exec, 'v1', { type: 'check_in' }, stamp('anna', '07:00'));
    applyVisitEvent(exec, 'v1', { type: 'check_out' }, stamp('anna', '07:30'), undefined, planned());
    const rows = deliveredRows(readTeamDay('norr', DATE, plan, exec, brukareOf));
    expect(rows.map((r) => [column(r, 'staff_id'), column(r, 'actual_minutes')])).toEqual([
      ['bo', ''],
      ['anna', '30'],
    ]);
  });
});

describe('sync window by role', () => {
  it('gives schedulers two weeks back and two weeks ahead', () => {
    const w = syncWindow('2026-03-10', 'scheduler');
    expect([SCHEDULER_DAYS_BACK, SCHEDULER_DAYS_AHEAD]).toEqual([14, 14]);
    expect(w.from).toBe('2026-02-24');
    expect(w.to).toBe('2026-03-24');
    expect(w.dates).toHaveLength(29);
    expect(new Set(w.dates).size).toBe(29);
    expect(w.dates).toContain('2026-03-10');
  });

  it('gives caregivers yesterday to a week ahead, also by default', () => {
    expect(syncWindow('2026-03-10', 'caregiver')).toMatchObject({ from: '2026-03-09', to: '2026-03-17' });
    expect(syncWindow('2026-03-10')).toEqual(syncWindow('2026-03-10', 'caregiver'));
  });

  it("lists a scheduler's plan and exec docs for the whole window, a caregiver's only for hers", () => {
    const recipients = () => ['norr-b01'];
    const scheduler = docsForUser({ role: 'scheduler', teamIds: ['norr'] }, '2026-03-10', recipients);
    const caregiver = docsForUser({ role: 'caregiver', teamIds: ['norr'] }, '2026-03-10', recipients);
    expect(scheduler).toContain(planDocName('norr', '2026-02-24'));
    expect(scheduler).toContain(execDocName('norr', '2026-03-24'));
    expect(scheduler).not.toContain(planDocName('norr', '2026-02-23'));
    expect(scheduler).not.toContain(planDocName('norr', '2026-03-25'));
    expect(scheduler.filter((d) => d.startsWith('plan:'))).toHaveLength(29);
    expect(caregiver).not.toContain(planDocName('norr', '2026-03-08'));
    expect(caregiver).not.toContain(planDocName('norr', '2026-03-18'));
    expect(caregiver.filter((d) => d.startsWith('exec:'))).toHaveLength(9);
    // The rest of what a device holds does not depend on the role.
    const rest = (docs: string[]) => docs.filter((d) => !/^(plan|exec):/.test(d));
    expect(rest(scheduler)).toEqual(rest(caregiver));
  });

  it("crosses the switch to summer time without skipping or repeating a day in a scheduler's window", () => {
    const { dates } = syncWindow('2026-03-29', 'scheduler');
    expect(dates.slice(13, 16)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(dates[0]).toBe('2026-03-15');
    expect(dates[28]).toBe('2026-04-12');
  });
});
