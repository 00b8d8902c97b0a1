// The Y.Doc layout through its accessors: what one device writes another reads
// back, concurrent writers keep each other's work, and a signed journal entry
// stays as signed whatever a stale device merges in.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  applyVisitEvent,
  createCorrection,
  createDraft,
  readBrukare,
  readExecution,
  readExecutions,
  readJournalEntries,
  readJournalEntry,
  readPlannedVisit,
  readPlannedVisits,
  readRecipientPlan,
  readTeamDay,
  setTaskDone,
  signEntry,
  updateDraft,
  writeBrukare,
  writeExecution,
  writePlannedVisit,
  type Brukare,
  type NewEntry,
  type PlannedVisit,
} from './index';

function visit(id: string, plannedStart: string, plannedEnd: string, extra: Partial<PlannedVisit> = {}): PlannedVisit {
  return {
    id,
    teamId: 'norr',
    brukareId: 'norr-b01',
    date: '2026-03-02',
    plannedStart,
    plannedEnd,
    requiredStaff: 1,
    assignedStaffIds: ['anna'],
    insatser: [
      { id: 'breakfast', type: 'morning_help', title: 'Frukost' },
      { id: 'meds', type: 'medication_reminder', title: 'Påminn om medicin' },
    ],
    ...extra,
  };
}

const annaAt = (at: string) => ({ staffId: 'anna', at });

/** Sends every update of `from` that `to` does not have yet. */
function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function both(a: Y.Doc, b: Y.Doc): void {
  sync(a, b);
  sync(b, a);
}

describe('plan doc', () => {
  it('reads back the visits it was written', () => {
    const doc = new Y.Doc();
    const morning = visit('v-0800', '08:00', '08:45');
    const lunch = visit('v-1200', '12:00', '12:30', { brukareId: 'norr-b02', assignedStaffIds: [] });
    writePlannedVisit(doc, morning);
    writePlannedVisit(doc, lunch);
    const { items, invalid } = readPlannedVisits(doc);
    expect(invalid).toEqual([]);
    expect(items.sort((a, b) => a.id.localeCompare(b.id))).toEqual([morning, lunch]);
    expect(readPlannedVisit(doc, 'v-1200')).toEqual(lunch);
    expect(readPlannedVisit(doc, 'nope')).toBeUndefined();
  });

  it('reads the same visits on another device after sync', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writePlannedVisit(a, visit('v-0800', '08:00', '08:45'));
    sync(a, b);
    expect(readPlannedVisits(b).items).toEqual(readPlannedVisits(a).items);
  });

  it('rewriting a visit changes only what changed, and an unchanged rewrite makes no update', () => {
    const doc = new Y.Doc();
    writePlannedVisit(doc, visit('v-0800', '08:00', '08:45'));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    writePlannedVisit(doc, visit('v-0800', '08:00', '08:45'));
    expect(updates).toHaveLength(0);
    writePlannedVisit(doc, visit('v-0800', '08:00', '08:45', { assignedStaffIds: ['anna', 'bo'] }));
    expect(updates).toHaveLength(1);
    expect(readPlannedVisit(doc, 'v-0800')?.assignedStaffIds).toEqual(['anna', 'bo']);
  });

  it('keeps both schedulers\' edits to different fields of one visit', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writePlannedVisit(a, visit('v-0800', '08:00', '08:45'));
    both(a, b);
    writePlannedVisit(a, visit('v-0800', '08:00', '08:45', { assignedStaffIds: ['bo'] }));
    writePlannedVisit(b, visit('v-0800', '08:00', '09:15'));
    both(a, b);
    expect(readPlannedVisit(a, 'v-0800')).toMatchObject({ assignedStaffIds: ['bo'], plannedEnd: '09:15' });
    expect(readPlannedVisit(b, 'v-0800')).toEqual(readPlannedVisit(a, 'v-0800'));
  });

  it('refuses to write an invalid visit and leaves the doc untouched', () => {
    const doc = new Y.Doc();
    expect(() => writePlannedVisit(doc, visit('v-0800', '09:00', '08:00'))).toThrow(/plannedEnd/);
    expect(readPlannedVisits(doc)).toEqual({ items: [], invalid: [] });
  });

  it('reports a stored visit that no longer parses as invalid instead of dropping it silently', () => {
    const doc = new Y.Doc();
    writePlannedVisit(doc, visit('v-0800', '08:00', '08:45'));
    doc.getMap('visits').set('junk', 'not a visit');
    const { items, invalid } = readPlannedVisits(doc);
    expect(items.map((v) => v.id)).toEqual(['v-0800']);
    expect(invalid).toEqual([{ id: 'junk', error: 'not a record' }]);
  });
});

describe('exec doc', () => {
  it('check_in then check_out records who and when, and the visit is done', () => {
    const doc = new Y.Doc();
    expect(applyVisitEvent(doc, 'v-0800', { type: 'check_in' }, annaAt('2026-03-02T07:01:00.000Z'))).toEqual({ ok: true });
    expect(readExecution(doc, 'v-0800')).toMatchObject({ status: 'in_progress', checkIn: annaAt('2026-03-02T07:01:00.000Z') });
    expect(readExecution(doc, 'v-0800')?.checkOut).toBeUndefined();
    expect(applyVisitEvent(doc, 'v-0800', { type: 'check_out' }, annaAt('2026-03-02T07:44:00.000Z'))).toEqual({ ok: true });
    expect(readExecution(doc, 'v-0800')).toEqual({
      visitId: 'v-0800',
      status: 'done',
      checkIn: annaAt('2026-03-02T07:01:00.000Z'),
      checkOut: annaAt('2026-03-02T07:44:00.000Z'),
      tasks: {},
      // One tap at check-out: all done as planned, with the minutes actually spent.
      outcome: { kind: 'as_planned', notDone: [], actualMinutes: 43 },
    });
  });

  it('refuses check_out before check_in and writes nothing', () => {
    const doc = new Y.Doc();
    const result = applyVisitEvent(doc, 'v-0800', { type: 'check_out' }, annaAt('2026-03-02T07:44:00.000Z'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'planned', event: 'check_out' } });
    expect(readExecution(doc, 'v-0800')).toBeUndefined();
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
  });

  it('records the reason of a cancellation, and a refused event leaves the status as it was', () => {
    const doc = new Y.Doc();
    expect(applyVisitEvent(doc, 'v-0800', { type: 'cancel', reason: 'Inlagd på sjukhus' }, annaAt('2026-03-02T06:00:00.000Z')).ok).toBe(true);
    expect(readExecution(doc, 'v-0800')).toMatchObject({ status: 'cancelled', statusReason: 'Inlagd på sjukhus' });
    expect(applyVisitEvent(doc, 'v-0800', { type: 'check_in' }, annaAt('2026-03-02T07:00:00.000Z')).ok).toBe(false);
    expect(readExecution(doc, 'v-0800')).toMatchObject({ status: 'cancelled' });
    expect(readExecution(doc, 'v-0800')?.checkIn).toBeUndefined();
  });

  it('keeps both ticks when two caregivers tick different insatser of one visit at once', () => {
    const anna = new Y.Doc();
    const bo = new Y.Doc();
    applyVisitEvent(anna, 'v-0800', { type: 'check_in' }, annaAt('2026-03-02T07:00:00.000Z'));
    both(anna, bo);
    // Both offline: each ticks one insats.
    setTaskDone(anna, 'v-0800', 'breakfast', true, annaAt('2026-03-02T07:20:00.000Z'));
    setTaskDone(bo, 'v-0800', 'meds', true, { staffId: 'bo', at: '2026-03-02T07:21:00.000Z' });
    both(anna, bo);
    const expected = {
      breakfast: { done: true, staffId: 'anna', at: '2026-03-02T07:20:00.000Z' },
      meds: { done: true, staffId: 'bo', at: '2026-03-02T07:21:00.000Z' },
    };
    expect(readExecution(anna, 'v-0800')?.tasks).toEqual(expected);
    expect(readExecution(bo, 'v-0800')?.tasks).toEqual(expected);
    expect(readExecution(bo, 'v-0800')?.status).toBe('in_progress');
  });

  it('keeps both ticks even on two docs that never saw each other before ticking', () => {
    const anna = new Y.Doc();
    const bo = new Y.Doc();
    setTaskDone(anna, 'v-0800', 'breakfast', true, annaAt('2026-03-02T07:20:00.000Z'));
    setTaskDone(bo, 'v-0800', 'meds', true, { staffId: 'bo', at: '2026-03-02T07:21:00.000Z' });
    both(anna, bo);
    expect(Object.keys(readExecution(anna, 'v-0800')?.tasks ?? {}).sort()).toEqual(['breakfast', 'meds']);
    expect(readExecution(bo, 'v-0800')).toEqual(readExecution(anna, 'v-0800'));
  });

  it('unticks an insats', () => {
    const doc = new Y.Doc();
    setTaskDone(doc, 'v-0800', 'meds', true, annaAt('2026-03-02T07:20:00.000Z'));
    setTaskDone(doc, 'v-0800', 'meds', false, annaAt('2026-03-02T07:22:00.000Z'));
    expect(readExecution(doc, 'v-0800')?.tasks.meds).toEqual({ done: false, staffId: 'anna', at: '2026-03-02T07:22:00.000Z' });
  });

  it('does not mix up the tasks of visits whose ids share a prefix', () => {
    const doc = new Y.Doc();
    setTaskDone(doc, 'v-08', 'meds', true, annaAt('2026-03-02T07:20:00.000Z'));
    setTaskDone(doc, 'v-0800', 'breakfast', true, annaAt('2026-03-02T07:20:00.000Z'));
    expect(Object.keys(readExecution(doc, 'v-08')?.tasks ?? {})).toEqual(['meds']);
    expect(Object.keys(readExecution(doc, 'v-0800')?.tasks ?? {})).toEqual(['breakfast']);
    expect(readExecutions(doc).items.map((e) => e.visitId).sort()).toEqual(['v-08', 'v-0800']);
  });

  it('writeExecution writes a whole record that reads back equal', () => {
    const doc = new Y.Doc();
    const record = {
      visitId: 'v-0800',
      status: 'done' as const,
      checkIn: annaAt('2026-03-02T07:00:00.000Z'),
      checkOut: annaAt('2026-03-02T07:40:00.000Z'),
      tasks: { breakfast: { done: true, staffId: 'anna', at: '2026-03-02T07:40:00.000Z' } },
    };
    writeExecution(doc, record);
    expect(readExecution(doc, 'v-0800')).toEqual(record);
  });
});

describe('journal doc', () => {
  const draft: NewEntry = {
    id: 'j1',
    brukareId: 'norr-b01',
    authorId: 'anna',
    authorName: 'Anna Lindqvist',
    createdAt: '2026-03-02T07:30:00.000Z',
    visitId: 'v-0800',
    lifeArea: 'meals',
    text: 'Åt halva',
  };

  it('creates a draft, updates its text and signs it', () => {
    const doc = new Y.Doc();
    expect(createDraft(doc, draft)).toEqual({ ok: true });
    expect(readJournalEntry(doc, 'j1')).toEqual({ ...draft, status: 'draft' });
    expect(updateDraft(doc, 'j1', 'anna', 'Åt halva portionen.')).toEqual({ ok: true });
    expect(readJournalEntry(doc, 'j1')?.text).toBe('Åt halva portionen.');
    expect(signEntry(doc, 'j1', 'anna', '2026-03-02T07:35:00.000Z')).toEqual({ ok: true });
    expect(readJournalEntry(doc, 'j1')).toEqual({
      ...draft,
      text: 'Åt halva portionen.',
      status: 'signed',
      signedAt: '2026-03-02T07:35:00.000Z',
      verified: true,
    });
  });

  it('refuses a second draft with the same id, and keeps the first', () => {
    const doc = new Y.Doc();
    createDraft(doc, draft);
    expect(createDraft(doc, { ...draft, text: 'Annan text' }).ok).toBe(false);
    expect(readJournalEntry(doc, 'j1')?.text).toBe('Åt halva');
  });

  it('lets only the author edit or sign a draft', () => {
    const doc = new Y.Doc();
    createDraft(doc, draft);
    expect(updateDraft(doc, 'j1', 'bo', 'Bo skriver')).toMatchObject({ ok: false, error: { code: 'not_author' } });
    expect(signEntry(doc, 'j1', 'bo', '2026-03-02T07:35:00.000Z')).toMatchObject({ ok: false, error: { code: 'not_author' } });
    expect(readJournalEntry(doc, 'j1')).toMatchObject({ text: 'Åt halva', status: 'draft' });
  });

  it('refuses to sign an empty draft, and to touch an entry that does not exist', () => {
    const doc = new Y.Doc();
    createDraft(doc, { ...draft, text: '  ' });
    expect(signEntry(doc, 'j1', 'anna', '2026-03-02T07:35:00.000Z')).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(updateDraft(doc, 'j9', 'anna', 'x')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(signEntry(doc, 'j9', 'anna', '2026-03-02T07:35:00.000Z')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a draft text over the limit and keeps the old text', () => {
    const doc = new Y.Doc();
    createDraft(doc, draft);
    expect(updateDraft(doc, 'j1', 'anna', 'x'.repeat(10_001))).toMatchObject({ ok: false, error: { code: 'too_long' } });
    expect(readJournalEntry(doc, 'j1')?.text).toBe('Åt halva');
  });

  it('refuses to update or re-sign a signed entry', () => {
    const doc = new Y.Doc();
    createDraft(doc, draft);
    signEntry(doc, 'j1', 'anna', '2026-03-02T07:35:00.000Z');
    expect(updateDraft(doc, 'j1', 'anna', 'Ändrad i efterhand')).toMatchObject({ ok: false, error: { code: 'signed' } });
    expect(signEntry(doc, 'j1', 'anna', '2026-03-02T09:00:00.000Z')).toMatchObject({ ok: false, error: { code: 'signed' } });
    expect(readJournalEntry(doc, 'j1')).toMatchObject({ text: 'Åt halva', signedAt: '2026-03-02T07:35:00.000Z' });
  });

  it('keeps the signed text when a stale replica edits the draft concurrently and the updates are merged', () => {
    const phone = new Y.Doc();
    const tablet = new Y.Doc();
    createDraft(phone, draft);
    both(phone, tablet);
    // The phone signs; the tablet, offline and stale, still sees a draft and edits it.
    expect(signEntry(phone, 'j1', 'anna', '2026-03-02T07:35:00.000Z')).toEqual({ ok: true });
    expect(updateDraft(tablet, 'j1', 'anna', 'Text som aldrig signerades')).toEqual({ ok: true });
    const fromPhone = Y.encodeStateAsUpdate(phone);
    const fromTablet = Y.encodeStateAsUpdate(tablet);
    both(phone, tablet);
    // A server receiving the two devices' updates in either order.
    const phoneFirst = new Y.Doc();
    Y.applyUpdate(phoneFirst, fromPhone);
    Y.applyUpdate(phoneFirst, fromTablet);
    const tabletFirst = new Y.Doc();
    Y.applyUpdate(tabletFirst, fromTablet);
    Y.applyUpdate(tabletFirst, fromPhone);
    for (const doc of [phone, tablet, phoneFirst, tabletFirst]) {
      expect(readJournalEntry(doc, 'j1')).toMatchObject({ text: 'Åt halva', status: 'signed', signedAt: '2026-03-02T07:35:00.000Z' });
      expect(readJournalEntries(doc).items.map((e) => e.text)).toEqual(['Åt halva']);
      // And the signed entry still refuses edits after the merge.
      expect(updateDraft(doc, 'j1', 'anna', 'igen')).toMatchObject({ ok: false, error: { code: 'signed' } });
    }
  });

  it('a correction is a new entry pointing at the signed one, which stays as it was', () => {
    const doc = new Y.Doc();
    createDraft(doc, draft);
    signEntry(doc, 'j1', 'anna', '2026-03-02T07:35:00.000Z');
    const correction: NewEntry = { ...draft, id: 'j2', createdAt: '2026-03-02T10:00:00.000Z', text: 'Rättelse: åt hela portionen.' };
    expect(createCorrection(doc, 'j1', correction)).toEqual({ ok: true });
    expect(readJournalEntry(doc, 'j2')).toEqual({ ...correction, correctsId: 'j1', status: 'draft' });
    expect(readJournalEntry(doc, 'j1')).toMatchObject({ text: 'Åt halva', status: 'signed' });
    expect(readJournalEntries(doc).items.map((e) => e.id)).toEqual(['j1', 'j2']);
  });

  it('refuses a correction of a draft (edit the draft instead)', () => {
    const doc = new Y.Doc();
    createDraft(doc, draft);
    expect(createCorrection(doc, 'j1', { ...draft, id: 'j2' }).ok).toBe(false);
    expect(readJournalEntry(doc, 'j2')).toBeUndefined();
  });
});

describe('brukare doc', () => {
  const brukare: Brukare = {
    id: 'norr-b01',
    teamId: 'norr',
    name: 'Astrid Andersson',
    birthYear: 1938,
    address: 'Björkvägen 3',
    phone: '070-123 45 67',
    keyInfo: 'Nyckel i kodlåda, kod 4711',
    language: 'sv',
    communicationNeeds: ['Hör dåligt på vänster öra'],
    contacts: [{ name: 'Eva', relation: 'dotter', phone: '070-765 43 21' }],
    allergies: ['Penicillin'],
    risks: ['Fallrisk'],
    goodToKnow: [],
    carePlan: [
      {
        id: 'morning',
        type: 'morning_help',
        title: 'Morgonhjälp',
        instructions: 'Dusch och frukost',
        lifeArea: 'personal_care',
        requires: [],
        rhythm: { weekdays: [1, 2, 3, 4, 5, 6, 7], everyOtherWeek: false, windowStart: '08:00', windowEnd: '09:00', minutes: 45, staffCount: 1 },
      },
      {
        id: 'lunch',
        type: 'lunch',
        title: 'Lunch',
        instructions: 'Värm matlådan',
        lifeArea: 'meals',
        requires: [],
        rhythm: { weekdays: [1, 3, 5], everyOtherWeek: true, windowStart: '12:00', windowEnd: '13:00', minutes: 30, staffCount: 1 },
      },
    ],
  };

  it('reads back what was written, also on another device', () => {
    const a = new Y.Doc();
    writeBrukare(a, brukare);
    expect(readBrukare(a)).toEqual({ ok: true, value: brukare });
    const b = new Y.Doc();
    sync(a, b);
    expect(readBrukare(b)).toEqual({ ok: true, value: brukare });
  });

  it('says an empty doc is not synced yet', () => {
    expect(readBrukare(new Y.Doc())).toEqual({ ok: false, error: 'not synced yet' });
  });

  it('drops a care plan item that was removed, and keeps the rest', () => {
    const doc = new Y.Doc();
    writeBrukare(doc, brukare);
    writeBrukare(doc, { ...brukare, carePlan: [brukare.carePlan[1]!], risks: [] });
    const read = readBrukare(doc);
    expect(read.ok && read.value.carePlan.map((i) => i.id)).toEqual(['lunch']);
    expect(read.ok && read.value.risks).toEqual([]);
  });

  it('refuses to write an invalid brukare', () => {
    const doc = new Y.Doc();
    expect(() => writeBrukare(doc, { ...brukare, name: '' })).toThrow();
    expect(readBrukare(doc).ok).toBe(false);
  });

  it('readRecipientPlan reads the id, name and care plan that readBrukare reads', () => {
    const doc = new Y.Doc();
    writeBrukare(doc, brukare);
    expect(readRecipientPlan(doc)).toEqual({ ok: true, value: { id: brukare.id, name: brukare.name, carePlan: brukare.carePlan } });
    expect(readRecipientPlan(new Y.Doc())).toEqual({ ok: false, error: 'not synced yet' });
  });

  it('readRecipientPlan checks what it reads: no name, no recipient; a malformed care plan item is left out', () => {
    const doc = new Y.Doc();
    writeBrukare(doc, brukare);
    doc.getMap('carePlan').set('broken', { id: 'broken', title: 'Utan rytm' });
    const read = readRecipientPlan(doc);
    expect(read.ok && read.value.carePlan.map((i) => i.id)).toEqual(['morning', 'lunch']);
    doc.getMap('profile').set('name', '');
    expect(readRecipientPlan(doc).ok).toBe(false);
  });

  it('readRecipientPlan still names a recipient whose profile has another field malformed (readBrukare refuses it)', () => {
    const doc = new Y.Doc();
    writeBrukare(doc, brukare);
    doc.getMap('profile').set('birthYear', 'okänt');
    expect(readBrukare(doc).ok).toBe(false);
    const read = readRecipientPlan(doc);
    expect(read.ok && read.value.name).toBe('Astrid Andersson');
  });
});

describe('readTeamDay', () => {
  it('merges plan and exec per visit, in time order, with the brukare name and address', () => {
    const plan = new Y.Doc();
    const exec = new Y.Doc();
    writePlannedVisit(plan, visit('v-c', '14:00', '14:30', { brukareId: 'norr-b02' }));
    writePlannedVisit(plan, visit('v-b', '08:00', '08:30'));
    writePlannedVisit(plan, visit('v-a', '08:00', '08:20', { brukareId: 'norr-b02' }));
    applyVisitEvent(exec, 'v-b', { type: 'check_in' }, annaAt('2026-03-02T07:00:00.000Z'));
    setTaskDone(exec, 'v-b', 'meds', true, annaAt('2026-03-02T07:10:00.000Z'));
    applyVisitEvent(exec, 'v-c', { type: 'cancel', reason: 'Hos dottern' }, annaAt('2026-03-02T06:00:00.000Z'));
    // Execution of a visit that is not in the plan does not invent a visit.
    applyVisitEvent(exec, 'v-ghost', { type: 'check_in' }, annaAt('2026-03-02T07:00:00.000Z'));

    const names: Record<string, { name: string; address: string }> = { 'norr-b01': { name: 'Astrid', address: 'Björkvägen 3' } };
    const day = readTeamDay('norr', '2026-03-02', plan, exec, (id) => names[id]);

    expect(day.teamId).toBe('norr');
    expect(day.date).toBe('2026-03-02');
    expect(day.visits.map((v) => [v.id, v.plannedStart, v.status])).toEqual([
      ['v-a', '08:00', 'planned'],
      ['v-b', '08:00', 'in_progress'],
      ['v-c', '14:00', 'cancelled'],
    ]);
    const b = day.visits[1]!;
    expect(b).toMatchObject({ brukareName: 'Astrid', address: 'Björkvägen 3', checkIn: annaAt('2026-03-02T07:00:00.000Z') });
    expect(b.tasks).toEqual({ meds: { done: true, staffId: 'anna', at: '2026-03-02T07:10:00.000Z' } });
    expect(day.visits[0]).toMatchObject({ brukareName: undefined, tasks: {} });
    expect(day.visits[2]?.statusReason).toBe('Hos dottern');
  });

  it('is an empty day for empty docs', () => {
    expect(readTeamDay('norr', '2026-03-02', new Y.Doc(), new Y.Doc(), () => undefined).visits).toEqual([]);
  });
});
