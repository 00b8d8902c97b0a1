// The team documents through their accessors: deviations and their state,
// handovers with read receipts, messages to the schedulers, help requests,
// phrases. Invalid records are refused with a message naming the field, and
// replicas that write offline keep each other's records after they sync.
import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  acknowledgeHelp,
  markHandoverRead,
  readDeviations,
  readHandovers,
  readHelpRequests,
  readMessages,
  readPhrases,
  removePhrase,
  reportDeviation,
  requestHelp,
  savePhrase,
  sendMessage,
  setDeviationState,
  writeHandover,
  type Deviation,
  type Handover,
  type HelpRequest,
  type Message,
} from './index';

function deviation(id: string, at: string, extra: Partial<Deviation> = {}): Deviation {
  return {
    id,
    teamId: 'norr',
    category: 'fall',
    brukareId: 'norr-b01',
    visitId: 'v-0800',
    whatHappened: 'Hittade personen på golvet i badrummet.',
    actionTaken: 'Hjälpte upp, ringde sjuksköterskan.',
    reportedBy: 'anna',
    reportedByName: 'Anna Lindqvist',
    at,
    ...extra,
  };
}

function handover(id: string, at: string, extra: Partial<Handover> = {}): Handover {
  return { id, brukareId: 'norr-b01', text: 'Ont i höger knä, fråga hur det känns.', authorId: 'anna', authorName: 'Anna Lindqvist', at, ...extra };
}

function message(id: string, at: string, extra: Partial<Message> = {}): Message {
  return { id, fromId: 'anna', fromName: 'Anna Lindqvist', to: 'schedulers', text: 'Kan någon ta mitt besök kl 15?', at, ...extra };
}

function help(id: string, at: string, extra: Partial<HelpRequest> = {}): HelpRequest {
  return { id, staffId: 'anna', staffName: 'Anna Lindqvist', brukareId: 'norr-b01', visitId: 'v-0800', note: 'Behöver hjälp att lyfta', at, ...extra };
}

/** Sends every update of `from` that `to` does not have yet. */
function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  sync(a, b);
  sync(b, a);
}

describe('deviations', () => {
  it('reads back a reported deviation, with no state until a scheduler handles it', () => {
    const doc = new Y.Doc();
    const reported = deviation('d1', '2026-03-02T07:40:00.000Z');
    expect(reportDeviation(doc, reported)).toEqual({ ok: true, value: reported });
    expect(readDeviations(doc)).toEqual([{ ...reported, state: undefined }]);
  });

  it('lists deviations in the order they happened', () => {
    const doc = new Y.Doc();
    reportDeviation(doc, deviation('d-late', '2026-03-02T15:00:00.000Z', { category: 'missed_or_late' }));
    reportDeviation(doc, deviation('d-early', '2026-03-02T07:00:00.000Z', { category: 'medication' }));
    expect(readDeviations(doc).map((d) => d.id)).toEqual(['d-early', 'd-late']);
  });

  it('shows the state a scheduler sets, latest change last written, on the reporter device after sync', () => {
    const caregiver = new Y.Doc();
    const scheduler = new Y.Doc();
    reportDeviation(caregiver, deviation('d1', '2026-03-02T07:40:00.000Z'));
    sync(caregiver, scheduler);
    const acknowledged = { state: 'acknowledged', by: 'planerare-norr', at: '2026-03-02T08:10:00.000Z' } as const;
    expect(setDeviationState(scheduler, 'd1', acknowledged)).toEqual({ ok: true, value: acknowledged });
    sync(scheduler, caregiver);
    expect(readDeviations(caregiver)[0]?.state).toEqual(acknowledged);
    const closed = { state: 'closed', by: 'planerare-norr', at: '2026-03-03T09:00:00.000Z' } as const;
    expect(setDeviationState(scheduler, 'd1', closed)).toEqual({ ok: true, value: closed });
    sync(scheduler, caregiver);
    expect(readDeviations(caregiver)).toEqual([{ ...deviation('d1', '2026-03-02T07:40:00.000Z'), state: closed }]);
  });

  it('refuses a state that does not exist, naming the field, and keeps the previous state', () => {
    const doc = new Y.Doc();
    reportDeviation(doc, deviation('d1', '2026-03-02T07:40:00.000Z'));
    setDeviationState(doc, 'd1', { state: 'acknowledged', by: 'planerare-norr', at: '2026-03-02T08:10:00.000Z' });
    const refused = setDeviationState(doc, 'd1', { state: 'solved' as 'closed', by: 'planerare-norr', at: '2026-03-02T09:00:00.000Z' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/^state: must be one of "new", "acknowledged", "closed"/);
    expect(readDeviations(doc)[0]?.state?.state).toBe('acknowledged');
  });

  it.each([
    ['whatHappened', { whatHappened: '' }, 'whatHappened: describe what happened'],
    ['category', { category: 'accident' as Deviation['category'] }, 'category: must be one of'],
    ['brukareId', { brukareId: 'Norr B01' }, 'brukareId: lower-case letters, digits and dashes'],
    ['at', { at: 'igår' }, 'at: invalid datetime'],
  ] as const)('refuses a deviation with a bad %s with a message naming it, and writes nothing', (_field, bad, expected) => {
    const doc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    const result = reportDeviation(doc, deviation('d1', '2026-03-02T07:40:00.000Z', bad));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(expected);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readDeviations(doc)).toEqual([]);
  });

  it('refuses a second deviation with the same id and keeps the first as reported', () => {
    const doc = new Y.Doc();
    const first = deviation('d1', '2026-03-02T07:40:00.000Z');
    reportDeviation(doc, first);
    const second = reportDeviation(doc, deviation('d1', '2026-03-02T09:00:00.000Z', { whatHappened: 'Något annat.' }));
    expect(second).toEqual({ ok: false, error: 'id: exists already' });
    expect(readDeviations(doc)).toEqual([{ ...first, state: undefined }]);
  });
});

describe('handovers', () => {
  it('keeps the read receipts of two users who read on two devices', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeHandover(a, handover('h1', '2026-03-02T07:45:00.000Z'));
    sync(a, b);
    expect(readHandovers(b)[0]?.readBy).toEqual({});
    markHandoverRead(a, 'h1', 'bo', '2026-03-02T11:00:00.000Z');
    markHandoverRead(b, 'h1', 'dalia', '2026-03-02T11:05:00.000Z');
    exchange(a, b);
    const expected = { bo: '2026-03-02T11:00:00.000Z', dalia: '2026-03-02T11:05:00.000Z' };
    expect(readHandovers(a)).toEqual([{ ...handover('h1', '2026-03-02T07:45:00.000Z'), readBy: expected }]);
    expect(readHandovers(b)).toEqual(readHandovers(a));
  });

  it('keeps the time a user first read a handover', () => {
    const doc = new Y.Doc();
    writeHandover(doc, handover('h1', '2026-03-02T07:45:00.000Z'));
    markHandoverRead(doc, 'h1', 'bo', '2026-03-02T11:00:00.000Z');
    markHandoverRead(doc, 'h1', 'bo', '2026-03-02T16:00:00.000Z');
    expect(readHandovers(doc)[0]?.readBy).toEqual({ bo: '2026-03-02T11:00:00.000Z' });
  });

  it('keeps receipts apart per handover and lists handovers in time order', () => {
    const doc = new Y.Doc();
    writeHandover(doc, handover('h2', '2026-03-02T15:00:00.000Z', { text: 'Kvällen: ta med tidningen in.' }));
    writeHandover(doc, handover('h1', '2026-03-02T07:45:00.000Z'));
    markHandoverRead(doc, 'h2', 'bo', '2026-03-02T16:00:00.000Z');
    expect(readHandovers(doc).map((h) => [h.id, h.readBy])).toEqual([
      ['h1', {}],
      ['h2', { bo: '2026-03-02T16:00:00.000Z' }],
    ]);
  });

  it('refuses an empty handover, naming the text, and a duplicate id', () => {
    const doc = new Y.Doc();
    const empty = writeHandover(doc, handover('h1', '2026-03-02T07:45:00.000Z', { text: '' }));
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error).toMatch(/^text: /);
    expect(writeHandover(doc, handover('h1', '2026-03-02T07:45:00.000Z')).ok).toBe(true);
    expect(writeHandover(doc, handover('h1', '2026-03-02T08:00:00.000Z', { text: 'Annat' }))).toEqual({ ok: false, error: 'id: exists already' });
    expect(readHandovers(doc).map((h) => h.text)).toEqual(['Ont i höger knä, fråga hur det känns.']);
  });
});

describe('messages', () => {
  it("delivers a message to the team's schedulers and the reply back to the caregiver, in time order", () => {
    const caregiver = new Y.Doc();
    const scheduler = new Y.Doc();
    const question = message('m1', '2026-03-02T09:00:00.000Z');
    expect(sendMessage(caregiver, question)).toEqual({ ok: true, value: question });
    sync(caregiver, scheduler);
    const toSchedulers = readMessages(scheduler).filter((m) => m.to === 'schedulers');
    expect(toSchedulers).toEqual([question]);
    const reply = message('m2', '2026-03-02T09:05:00.000Z', { fromId: 'planerare-norr', fromName: 'Maria Sjöberg', to: 'anna', text: 'Bo tar det.', replyTo: 'm1' });
    expect(sendMessage(scheduler, reply).ok).toBe(true);
    sync(scheduler, caregiver);
    expect(readMessages(caregiver)).toEqual([question, reply]);
  });

  it('refuses a message to nobody in particular or without text, naming the field', () => {
    const doc = new Y.Doc();
    const toEveryone = sendMessage(doc, message('m1', '2026-03-02T09:00:00.000Z', { to: 'Alla i teamet' }));
    expect(toEveryone.ok).toBe(false);
    if (!toEveryone.ok) expect(toEveryone.error).toMatch(/^to: /);
    const empty = sendMessage(doc, message('m2', '2026-03-02T09:00:00.000Z', { text: '' }));
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error).toMatch(/^text: /);
    expect(readMessages(doc)).toEqual([]);
  });
});

describe('help requests', () => {
  it('shows a help request to the team and who acknowledged it first', () => {
    const anna = new Y.Doc();
    const bo = new Y.Doc();
    const request = help('help1', '2026-03-02T07:50:00.000Z');
    expect(requestHelp(anna, request)).toEqual({ ok: true, value: request });
    sync(anna, bo);
    expect(readHelpRequests(bo)).toEqual([{ ...request, acknowledged: undefined }]);
    acknowledgeHelp(bo, 'help1', 'bo', '2026-03-02T07:51:00.000Z');
    acknowledgeHelp(bo, 'help1', 'erik', '2026-03-02T07:52:00.000Z');
    sync(bo, anna);
    expect(readHelpRequests(anna)).toEqual([{ ...request, acknowledged: { by: 'bo', at: '2026-03-02T07:51:00.000Z' } }]);
  });

  it('agrees on one acknowledgement when two colleagues answer offline at once', () => {
    const bo = new Y.Doc();
    const erik = new Y.Doc();
    requestHelp(bo, help('help1', '2026-03-02T07:50:00.000Z'));
    sync(bo, erik);
    acknowledgeHelp(bo, 'help1', 'bo', '2026-03-02T07:51:00.000Z');
    acknowledgeHelp(erik, 'help1', 'erik', '2026-03-02T07:51:30.000Z');
    exchange(bo, erik);
    const seenByBo = readHelpRequests(bo)[0]?.acknowledged;
    expect(['bo', 'erik']).toContain(seenByBo?.by);
    expect(readHelpRequests(erik)[0]?.acknowledged).toEqual(seenByBo);
  });

  it('refuses a help request with an overlong note, naming the note', () => {
    const doc = new Y.Doc();
    const result = requestHelp(doc, help('help1', '2026-03-02T07:50:00.000Z', { note: 'x'.repeat(501) }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^note: too big/);
    expect(readHelpRequests(doc)).toEqual([]);
  });
});

describe('phrases', () => {
  it('saves, edits and removes phrases, listed in Swedish alphabetical order', () => {
    const doc = new Y.Doc();
    expect(savePhrase(doc, { id: 'p1', text: 'Åt hela måltiden.', lifeArea: 'meals' }).ok).toBe(true);
    expect(savePhrase(doc, { id: 'p2', text: 'Personen var på gott humör.' }).ok).toBe(true);
    expect(savePhrase(doc, { id: 'p3', text: 'Ville vila efter lunch.' }).ok).toBe(true);
    expect(readPhrases(doc).map((p) => p.id)).toEqual(['p2', 'p3', 'p1']);
    savePhrase(doc, { id: 'p2', text: 'Personen var glad och pratsam.', lifeArea: 'social_life' });
    expect(readPhrases(doc).find((p) => p.id === 'p2')).toEqual({ id: 'p2', text: 'Personen var glad och pratsam.', lifeArea: 'social_life' });
    removePhrase(doc, 'p3');
    expect(readPhrases(doc).map((p) => p.id)).toEqual(['p2', 'p1']);
  });

  it('refuses an empty phrase and an unknown life area, naming the field', () => {
    const doc = new Y.Doc();
    const empty = savePhrase(doc, { id: 'p1', text: '' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error).toMatch(/^text: /);
    const area = savePhrase(doc, { id: 'p2', text: 'Hej', lifeArea: 'gardening' as 'meals' });
    expect(area.ok).toBe(false);
    if (!area.ok) expect(area.error).toMatch(/^lifeArea: must be one of/);
    expect(readPhrases(doc)).toEqual([]);
  });

  it('removes a phrase on every device once synced', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    savePhrase(a, { id: 'p1', text: 'Åt hela måltiden.' });
    savePhrase(a, { id: 'p2', text: 'Personen var på gott humör.' });
    sync(a, b);
    removePhrase(b, 'p1');
    sync(b, a);
    expect(readPhrases(a).map((p) => p.id)).toEqual(['p2']);
  });
});

describe('replicas writing offline', () => {
  it('keep both sides records of every kind after exchanging updates', () => {
    const anna = new Y.Doc();
    const bo = new Y.Doc();
    writeHandover(anna, handover('h0', '2026-03-02T07:00:00.000Z'));
    sync(anna, bo);
    reportDeviation(anna, deviation('d-anna', '2026-03-02T08:00:00.000Z'));
    reportDeviation(bo, deviation('d-bo', '2026-03-02T08:01:00.000Z', { reportedBy: 'bo', reportedByName: 'Bo Ekström', category: 'medication' }));
    writeHandover(anna, handover('h-anna', '2026-03-02T09:00:00.000Z'));
    writeHandover(bo, handover('h-bo', '2026-03-02T09:01:00.000Z', { authorId: 'bo', authorName: 'Bo Ekström' }));
    markHandoverRead(anna, 'h0', 'anna', '2026-03-02T09:10:00.000Z');
    markHandoverRead(bo, 'h0', 'bo', '2026-03-02T09:11:00.000Z');
    sendMessage(anna, message('m-anna', '2026-03-02T10:00:00.000Z'));
    sendMessage(bo, message('m-bo', '2026-03-02T10:01:00.000Z', { fromId: 'bo', fromName: 'Bo Ekström' }));
    requestHelp(anna, help('help-anna', '2026-03-02T11:00:00.000Z'));
    requestHelp(bo, help('help-bo', '2026-03-02T11:01:00.000Z', { staffId: 'bo', staffName: 'Bo Ekström' }));
    savePhrase(anna, { id: 'p-anna', text: 'Annas fras.' });
    savePhrase(bo, { id: 'p-bo', text: 'Bos fras.' });

    exchange(anna, bo);

    for (const doc of [anna, bo]) {
      expect(readDeviations(doc).map((d) => d.id)).toEqual(['d-anna', 'd-bo']);
      expect(readHandovers(doc).map((h) => h.id)).toEqual(['h0', 'h-anna', 'h-bo']);
      expect(readHandovers(doc)[0]?.readBy).toEqual({ anna: '2026-03-02T09:10:00.000Z', bo: '2026-03-02T09:11:00.000Z' });
      expect(readMessages(doc).map((m) => m.id)).toEqual(['m-anna', 'm-bo']);
      expect(readHelpRequests(doc).map((r) => r.id)).toEqual(['help-anna', 'help-bo']);
      expect(readPhrases(doc).map((p) => p.id)).toEqual(['p-anna', 'p-bo']);
    }
  });

  it('give the same records whatever order the updates arrive in (property)', () => {
    type Write = { replica: number; kind: 'deviation' | 'handover' | 'read' | 'message' | 'help' | 'ack'; n: number };
    const write: fc.Arbitrary<Write> = fc.record({
      replica: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom('deviation', 'handover', 'read', 'message', 'help', 'ack'),
      n: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 25 }), fc.integer(), (writes, seed) => {
        const replicas = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
        const updates: Uint8Array[] = [];
        replicas.forEach((doc) => doc.on('update', (u: Uint8Array) => updates.push(u)));
        writes.forEach((w, i) => {
          const doc = replicas[w.replica]!;
          const user = ['anna', 'bo', 'dalia'][w.replica]!;
          const at = new Date(Date.UTC(2026, 2, 2, 7, i)).toISOString();
          // Ids are unique per replica, so no two replicas create the same record.
          const id = `${w.kind}-${user}-${i}`;
          if (w.kind === 'deviation') reportDeviation(doc, deviation(id, at, { reportedBy: user }));
          if (w.kind === 'handover') writeHandover(doc, handover(id, at, { authorId: user }));
          if (w.kind === 'read') markHandoverRead(doc, `handover-anna-${w.n}`, user, at);
          if (w.kind === 'message') sendMessage(doc, message(id, at, { fromId: user }));
          if (w.kind === 'help') requestHelp(doc, help(id, at, { staffId: user }));
          if (w.kind === 'ack') acknowledgeHelp(doc, `help-anna-${w.n}`, user, at);
        });
        const read = (doc: Y.Doc) => ({
          deviations: readDeviations(doc),
          handovers: readHandovers(doc),
          messages: readMessages(doc),
          help: readHelpRequests(doc),
        });
        const inOrder = new Y.Doc();
        updates.forEach((u) => Y.applyUpdate(inOrder, u));
        const shuffled = new Y.Doc();
        let state = seed;
        const order = updates.map((u) => ({ u, key: (state = (state * 1103515245 + 12345) | 0) }));
        order.sort((x, y) => x.key - y.key).forEach(({ u }) => Y.applyUpdate(shuffled, u));
        expect(read(shuffled)).toEqual(read(inOrder));
        const expectedRecords = writes.filter((w) => ['deviation', 'handover', 'message', 'help'].includes(w.kind)).length;
        const r = read(inOrder);
        expect(r.deviations.length + r.handovers.length + r.messages.length + r.help.length).toBe(expectedRecords);
      }),
      { numRuns: 100 },
    );
  });
});
