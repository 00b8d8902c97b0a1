// Care plan versions: every change a new version with who and why, earlier
// versions readable, agreement and follow-up; planned visits follow the
// current version.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Brukare, CarePlanItem } from './brukare';
import { carePlanStatus, type CarePlanVersion } from './care-plan';
import { addCarePlanItems, readBrukare, writeBrukare } from './doc-layout/brukare-doc';
import { carePlanToReview, markCarePlanAgreed, readCarePlanVersions, readCurrentVersionView, saveCarePlanVersion } from './doc-layout/care-plan-doc';
import { writeCardFields } from './doc-layout/recipient-card-doc';
import { readPlannedVisits } from './doc-layout/plan-doc';
import { followCarePlans, generateVisits } from './doc-layout/plan-follow';
import { removePlannedVisit, writePlannedVisit } from './doc-layout/plan-write';
import { visitsFromCarePlan } from './visit-generation';

function item(id: string, windowStart: string, minutes = 30, weekdays = [1, 2, 3, 4, 5, 6, 7]): CarePlanItem {
  return {
    id,
    type: 'morning_help',
    title: id,
    instructions: 'Som jag vill ha det.',
    lifeArea: 'personal_care',
    requires: [],
    rhythm: { weekdays, everyOtherWeek: false, windowStart, windowEnd: '22:00', minutes, staffCount: 1 },
  };
}

const BASE: Brukare = {
  id: 'b1', teamId: 'norr', name: 'Test Person', address: 'Gatan 1', phone: '', keyInfo: '', language: 'sv',
  communicationNeeds: [], contacts: [], allergies: [], risks: [], goodToKnow: [], carePlan: [item('legacy', '08:00')],
};

function version(id: string, at: string, items: CarePlanItem[], reason = 'Ändrat'): CarePlanVersion {
  return { id, at, by: 'maria', byName: 'Maria Sjöberg', reason, items, followUpOn: '2027-05-01' };
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('care plan versions', () => {
  it('a doc from before versioning keeps its plan until the first version; then the newest version is the plan', () => {
    const doc = new Y.Doc();
    writeBrukare(doc, BASE);
    expect(readBrukare(doc)).toMatchObject({ ok: true, value: { carePlan: [{ id: 'legacy' }] } });
    saveCarePlanVersion(doc, version('v1', '2026-11-01T10:00:00.000Z', [item('a', '08:00'), item('b', '12:00')], 'Skriven med brukaren'));
    saveCarePlanVersion(doc, version('v2', '2026-11-20T10:00:00.000Z', [item('a', '09:00')], 'Lunch behövs inte längre'));
    const read = readBrukare(doc);
    expect(read.ok && read.value.carePlan.map((i) => [i.id, i.rhythm.windowStart])).toEqual([['a', '09:00']]);
    // Earlier versions stay readable, numbered, with who and why.
    const versions = readCarePlanVersions(doc);
    expect(versions.map((v) => [v.number, v.id, v.reason, v.byName, v.items.length])).toEqual([
      [1, 'v1', 'Skriven med brukaren', 'Maria Sjöberg', 2],
      [2, 'v2', 'Lunch behövs inte längre', 'Maria Sjöberg', 1],
    ]);
    // Writing the profile no longer touches the plan.
    writeBrukare(doc, { ...BASE, phone: '070-1', carePlan: [] });
    expect(readBrukare(doc)).toMatchObject({ ok: true, value: { phone: '070-1', carePlan: [{ id: 'a' }] } });
    expect(() => saveCarePlanVersion(doc, version('v2', '2026-11-21T10:00:00.000Z', []))).toThrow();
  });

  it('two schedulers saving offline both keep their version; every device agrees which is current', () => {
    const one = new Y.Doc();
    writeBrukare(one, BASE);
    const two = new Y.Doc();
    sync(one, two);
    saveCarePlanVersion(one, version('x-one', '2026-11-20T10:00:00.000Z', [item('a', '08:00')]));
    saveCarePlanVersion(two, version('x-two', '2026-11-20T10:05:00.000Z', [item('a', '10:00')]));
    sync(one, two);
    for (const doc of [one, two]) {
      expect(readCarePlanVersions(doc).map((v) => v.id)).toEqual(['x-one', 'x-two']);
      expect(readCurrentVersionView(doc)?.id).toBe('x-two');
    }
  });

  it('marks a version agreed (and how); the status flags a plan past its follow-up date', () => {
    const doc = new Y.Doc();
    writeBrukare(doc, BASE);
    saveCarePlanVersion(doc, version('v1', '2026-11-01T10:00:00.000Z', [item('a', '08:00')]));
    const current = () => readCurrentVersionView(doc)!;
    expect(carePlanStatus(current(), '2026-11-24')).toBe('not_agreed');
    expect(markCarePlanAgreed(doc, { versionId: 'nope', how: 'in_person', at: '2026-11-24T09:00:00.000Z', by: 'maria', byName: 'Maria' })).toBe(false);
    expect(markCarePlanAgreed(doc, { versionId: 'v1', how: 'with_pictograms', at: '2026-11-24T09:00:00.000Z', by: 'maria', byName: 'Maria' })).toBe(true);
    expect(current().agreement?.how).toBe('with_pictograms');
    expect(carePlanStatus(current(), '2026-11-24')).toBe('agreed');
    expect(carePlanStatus(current(), '2027-05-01')).toBe('agreed');
    expect(carePlanStatus(current(), '2027-05-02')).toBe('follow_up_due');
    // A new version is not agreed until it is marked.
    saveCarePlanVersion(doc, version('v2', '2026-11-25T10:00:00.000Z', [item('a', '08:00')]));
    expect(carePlanStatus(current(), '2026-11-25')).toBe('not_agreed');
  });

  it("the board's review list: this team's plans not agreed or past follow-up, not ended services", () => {
    const doc = new Y.Doc();
    writeBrukare(doc, BASE);
    expect(carePlanToReview(doc, 'norr', '2026-11-24')).toBeUndefined(); // no versions yet
    saveCarePlanVersion(doc, version('v1', '2026-11-01T10:00:00.000Z', [item('a', '08:00')]));
    expect(carePlanToReview(doc, 'norr', '2026-11-24')).toEqual({ id: 'b1', name: 'Test Person', status: 'not_agreed', followUpOn: '2027-05-01' });
    expect(carePlanToReview(doc, 'soder', '2026-11-24')).toBeUndefined();
    markCarePlanAgreed(doc, { versionId: 'v1', how: 'in_person', at: '2026-11-24T09:00:00.000Z', by: 'maria', byName: 'Maria' });
    expect(carePlanToReview(doc, 'norr', '2026-11-24')).toBeUndefined();
    expect(carePlanToReview(doc, 'norr', '2027-05-02')?.status).toBe('follow_up_due');
    writeCardFields(doc, { serviceEnded: { reason: 'moved', on: '2027-01-01', by: 'maria', at: '2026-12-01T09:00:00.000Z' } }, { by: 'maria', byName: 'Maria', at: '2026-12-01T09:00:00.000Z' });
    expect(carePlanToReview(doc, 'norr', '2027-05-02')).toBeUndefined();
  });

  it('a later order adds a version with the new items only, attributed', () => {
    const doc = new Y.Doc();
    writeBrukare(doc, { ...BASE, carePlan: [] });
    saveCarePlanVersion(doc, version('v1', '2026-11-01T10:00:00.000Z', [item('a', '08:00')]));
    const stamp = { id: 'v2', at: '2026-11-20T10:00:00.000Z', by: 'maria', byName: 'Maria', reason: 'Ny beställning', followUpOn: '2026-12-04' };
    expect(addCarePlanItems(doc, [item('a', '07:00'), item('b', '12:00')], stamp)).toEqual(['b']);
    expect(readCurrentVersionView(doc)?.items.map((i) => [i.id, i.rhythm.windowStart])).toEqual([['a', '08:00'], ['b', '12:00']]);
    expect(addCarePlanItems(doc, [item('b', '12:00')], { ...stamp, id: 'v3' })).toEqual([]);
    expect(readCarePlanVersions(doc)).toHaveLength(2);
  });
});

describe('planned visits follow the current version', () => {
  const DATE = '2026-11-25';
  const brukare = (items: CarePlanItem[]): Brukare => ({ ...BASE, carePlan: items });

  it('moves, re-staffs, removes and adds generated visits; keeps what a scheduler moved or removed', () => {
    const plan = new Y.Doc();
    const v1 = brukare([item('morning', '08:00'), item('lunch', '12:00'), item('evening', '18:00')]);
    generateVisits(plan, visitsFromCarePlan(v1, DATE));
    const visits = () => new Map(readPlannedVisits(plan).items.map((v) => [v.id, v]));
    const [morning, lunch, evening] = ['b1-2026-11-25-0800', 'b1-2026-11-25-1200', 'b1-2026-11-25-1800'];
    // The scheduler assigns the lunch, moves the evening visit and removes nothing.
    writePlannedVisit(plan, { ...visits().get(lunch)!, assignedStaffIds: ['anna'] });
    writePlannedVisit(plan, { ...visits().get(evening)!, plannedStart: '19:00', plannedEnd: '19:30' });
    // A scheduler's own visit for the same recipient is never touched.
    writePlannedVisit(plan, { ...visits().get(morning)!, id: 'by-hand', plannedStart: '15:00', plannedEnd: '15:20' });

    // Version 2: morning takes 45 minutes, lunch moves to 12:30, evening takes 40 minutes.
    const v2 = brukare([item('morning', '08:00', 45), item('lunch', '12:30'), item('evening', '18:00', 40)]);
    const result = followCarePlans(plan, new Map([['b1', visitsFromCarePlan(v2, DATE)]]));
    expect(result.removed).toEqual([lunch]);
    expect(result.added).toEqual(['b1-2026-11-25-1230']);
    const after = visits();
    expect(after.get(morning)).toMatchObject({ plannedStart: '08:00', plannedEnd: '08:45' });
    expect(after.get('b1-2026-11-25-1230')).toMatchObject({ plannedStart: '12:30', assignedStaffIds: ['anna'] });
    expect(after.get(evening)).toMatchObject({ plannedStart: '19:00', plannedEnd: '19:30' }); // moved by hand: kept
    expect(after.get('by-hand')).toMatchObject({ plannedStart: '15:00' });
    // Idempotent.
    expect(followCarePlans(plan, new Map([['b1', visitsFromCarePlan(v2, DATE)]]))).toEqual({ added: [], updated: [], removed: [] });
    // A later version giving the old lunch again brings it back (it was removed by following, not by a person)…
    expect(followCarePlans(plan, new Map([['b1', visitsFromCarePlan(v1, DATE)]]))).toMatchObject({ added: [lunch], removed: ['b1-2026-11-25-1230'] });
    expect(visits().get(lunch)).toMatchObject({ assignedStaffIds: ['anna'] });
    // …but what a scheduler removed stays removed.
    removePlannedVisit(plan, morning);
    expect(followCarePlans(plan, new Map([['b1', visitsFromCarePlan(v2, DATE)]])).added).toEqual(['b1-2026-11-25-1230']);
    expect(visits().has(morning)).toBe(false);
    // An ended service (no visits given) removes the generated visits to come, not the scheduler's own.
    followCarePlans(plan, new Map([['b1', []]]));
    expect([...visits().keys()]).toEqual(['by-hand']);
  });
});
