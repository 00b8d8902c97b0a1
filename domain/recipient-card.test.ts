// The recipient's card (issue 7): fields written one by one with who changed
// them, concurrent edits of different fields on two offline devices both kept,
// the end of service stopping visit generation, and the retention period after
// which devices no longer hold the recipient's documents.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  brukareDocName,
  docsForUser,
  heldOnDevices,
  journalDocName,
  lastCardChange,
  readBrukare,
  readCardChanges,
  readServiceEnded,
  serviceActiveOn,
  visitsFromCarePlan,
  writeBrukare,
  writeCardFields,
  type Brukare,
  type CardAuthor,
} from './index';

const brukare: Brukare = {
  id: 'norr-b01',
  teamId: 'norr',
  name: 'Astrid Fiktiv',
  address: 'Påhittade vägen 3',
  phone: '070-000 00 01',
  keyInfo: 'Nyckel i kodlåda',
  language: 'sv',
  communicationNeeds: [],
  contacts: [{ name: 'Eva Fiktiv', relation: 'dotter', phone: '070-000 00 02' }],
  allergies: [],
  risks: [],
  goodToKnow: [],
  carePlan: [
    {
      id: 'morning',
      type: 'morning_help',
      title: 'Morgonhjälp',
      instructions: '',
      lifeArea: 'personal_care',
      requires: [],
      rhythm: { weekdays: [1, 2, 3, 4, 5, 6, 7], everyOtherWeek: false, windowStart: '08:00', windowEnd: '09:00', minutes: 45, staffCount: 1 },
    },
  ],
};

const planner: CardAuthor = { by: 'planerare-norr', byName: 'Petra Planerare', at: '2026-03-10T09:00:00.000Z' };
const other: CardAuthor = { by: 'planerare-2', byName: 'Per Planerare', at: '2026-03-10T09:05:00.000Z' };

function docWith(b: Brukare = brukare): Y.Doc {
  const doc = new Y.Doc();
  writeBrukare(doc, b);
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function read(doc: Y.Doc): Brukare {
  const r = readBrukare(doc);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('writeCardFields', () => {
  it('sets only the fields that changed and records who changed them', () => {
    const doc = docWith();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const result = writeCardFields(
      doc,
      {
        phone: brukare.phone, // unchanged: not written, not named
        allergies: ['Penicillin'],
        kontaktmanId: 'anna',
        whoIsWho: [{ role: 'district_nurse', name: 'Sara Sjuksköterska', phone: '010-000 00 00' }],
        contacts: [{ name: 'Eva Fiktiv', relation: 'dotter', phone: '070-000 00 02', roles: ['next_of_kin', 'call_first'] }],
      },
      planner,
    );
    expect(result).toEqual({ ok: true, value: ['allergies', 'kontaktmanId', 'whoIsWho', 'contacts'] });
    expect(updates).toHaveLength(1);
    const after = read(doc);
    expect(after).toMatchObject({ allergies: ['Penicillin'], kontaktmanId: 'anna', phone: brukare.phone });
    expect(after.whoIsWho).toEqual([{ role: 'district_nurse', name: 'Sara Sjuksköterska', phone: '010-000 00 00' }]);
    expect(after.contacts[0]?.roles).toEqual(['next_of_kin', 'call_first']);
    expect(readCardChanges(doc)).toEqual([expect.objectContaining({ ...planner, fields: ['allergies', 'kontaktmanId', 'whoIsWho', 'contacts'] })]);
  });

  it('writes nothing and records nothing when no field changed', () => {
    const doc = docWith();
    const before = Y.encodeStateVector(doc);
    expect(writeCardFields(doc, { phone: brukare.phone, allergies: [] }, planner)).toEqual({ ok: true, value: [] });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readCardChanges(doc)).toEqual([]);
  });

  it('refuses a malformed field, naming it, and writes nothing at all', () => {
    const doc = docWith();
    const before = Y.encodeStateVector(doc);
    const result = writeCardFields(
      doc,
      // @ts-expect-error a role the schema does not know, as a stale or crafted client might send
      { allergies: ['Nötter'], whoIsWho: [{ role: 'doctor', name: 'X' }], contacts: [{ name: '', relation: 'son', phone: '' }] },
      planner,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('whoIsWho.0.role');
    expect(result.error).toContain('contacts.0.name');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it("refuses the recipient's id and team, and removing a required field; removes an optional one", () => {
    const doc = docWith({ ...brukare, kontaktmanId: 'anna' });
    // @ts-expect-error the card does not move a recipient to another team
    expect(writeCardFields(doc, { teamId: 'soder' }, planner)).toEqual({ ok: false, error: 'teamId: not a card field' });
    expect(writeCardFields(doc, { name: undefined }, planner)).toEqual({ ok: false, error: 'name: required' });
    expect(writeCardFields(doc, { kontaktmanId: undefined }, planner)).toEqual({ ok: true, value: ['kontaktmanId'] });
    expect(read(doc).kontaktmanId).toBeUndefined();
  });

  it('refuses a doc that has not synced yet, and an author without a name', () => {
    expect(writeCardFields(new Y.Doc(), { phone: '1' }, planner)).toEqual({ ok: false, error: 'not synced yet' });
    expect(writeCardFields(docWith(), { phone: '1' }, { ...planner, byName: '' }).ok).toBe(false);
  });

  it('two devices editing different fields offline: both edits and both records are kept', () => {
    const server = docWith();
    const a = copyOf(server);
    const b = copyOf(server);
    expect(writeCardFields(a, { allergies: ['Laktos'], kontaktmanId: 'anna' }, planner).ok).toBe(true);
    expect(writeCardFields(b, { whoIsWho: [{ role: 'needs_assessor', name: 'Hanna Handläggare' }], risks: ['Fallrisk'] }, other).ok).toBe(true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    for (const doc of [a, b]) {
      expect(read(doc)).toMatchObject({ allergies: ['Laktos'], kontaktmanId: 'anna', risks: ['Fallrisk'], whoIsWho: [{ role: 'needs_assessor', name: 'Hanna Handläggare' }] });
      expect(readCardChanges(doc).map((c) => [c.byName, c.fields])).toEqual([
        ['Petra Planerare', ['allergies', 'kontaktmanId']],
        ['Per Planerare', ['whoIsWho', 'risks']],
      ]);
      expect(lastCardChange(doc)?.byName).toBe('Per Planerare');
    }
  });

  it('the same updates in any order give the same card', () => {
    const base = docWith();
    const updates = [
      { phone: '070-000 00 09' },
      { allergies: ['Gluten'] },
      { whoIsWho: [{ role: 'other' as const, name: 'Olle Arbetsterapeut', detail: 'Arbetsterapeut' }] },
    ].map((fields, i) => {
      const device = copyOf(base);
      const sv = Y.encodeStateVector(device);
      writeCardFields(device, fields, { ...planner, at: `2026-03-10T09:0${i}:00.000Z` });
      return Y.encodeStateAsUpdate(device, sv);
    });
    const orders = [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
      [2, 0, 1],
    ];
    const results = orders.map((order) => {
      const doc = copyOf(base);
      for (const i of order) Y.applyUpdate(doc, updates[i] ?? new Uint8Array());
      return JSON.stringify([read(doc), readCardChanges(doc)]);
    });
    expect(new Set(results).size).toBe(1);
  });

  it('a profile written before the card fields existed still reads', () => {
    const doc = docWith();
    const r = read(doc);
    expect(r.kontaktmanId).toBeUndefined();
    expect(r.whoIsWho).toBeUndefined();
    expect(r.serviceEnded).toBeUndefined();
  });

  it('a malformed attribution record is left out', () => {
    const doc = docWith();
    doc.getMap('cardChanges').set('x', { at: 'yesterday', by: 'anna' });
    writeCardFields(doc, { phone: '1' }, planner);
    expect(readCardChanges(doc).map((c) => c.fields)).toEqual([['phone']]);
  });
});

describe('ending the service', () => {
  const ended = { ...brukare, serviceEnded: { reason: 'moved' as const, on: '2026-03-12', by: 'planerare-norr', at: '2026-03-10T09:00:00.000Z' } };

  it('no visits are generated on or after the end date; before it they are', () => {
    expect(visitsFromCarePlan(ended, '2026-03-11')).toHaveLength(1);
    expect(visitsFromCarePlan(ended, '2026-03-12')).toEqual([]);
    expect(visitsFromCarePlan(ended, '2026-04-01')).toEqual([]);
    expect(serviceActiveOn(brukare, '2030-01-01')).toBe(true);
  });

  it('devices hold the documents until the retention period after the end has passed', () => {
    expect(heldOnDevices(undefined, '2026-03-10', 0)).toBe(true);
    expect(heldOnDevices('2026-03-12', '2026-03-11', 0)).toBe(true);
    expect(heldOnDevices('2026-03-12', '2026-03-12', 0)).toBe(false);
    expect(heldOnDevices('2026-03-12', '2026-04-10', 30)).toBe(true);
    expect(heldOnDevices('2026-03-12', '2026-04-11', 30)).toBe(false);
  });

  it("docsForUser leaves out an ended recipient's brukare and journal docs after the retention period", () => {
    const recipients = () => ['norr-b01', 'norr-b02'];
    const endedOn = (id: string) => (id === 'norr-b01' ? '2026-03-01' : undefined);
    const within = docsForUser({ role: 'caregiver', teamIds: ['norr'] }, '2026-03-10', recipients, { endedOn, days: 30 });
    expect(within).toContain(brukareDocName('norr-b01'));
    expect(within).toContain(journalDocName('norr-b01', '2026-03'));
    const after = docsForUser({ role: 'caregiver', teamIds: ['norr'] }, '2026-03-31', recipients, { endedOn, days: 30 });
    expect(after.filter((n) => n.includes('norr-b01'))).toEqual([]);
    expect(after).toContain(brukareDocName('norr-b02'));
    expect(after).toContain(journalDocName('norr-b02', '2026-03'));
  });

  it('the end and its undoing are card writes with their attribution', () => {
    const doc = docWith();
    expect(writeCardFields(doc, { serviceEnded: ended.serviceEnded }, planner)).toEqual({ ok: true, value: ['serviceEnded'] });
    expect(read(doc).serviceEnded).toEqual(ended.serviceEnded);
    // Read on its own, even where another profile field is malformed.
    doc.getMap('profile').set('contacts', 'not a list');
    expect(readBrukare(doc).ok).toBe(false);
    expect(readServiceEnded(doc)).toEqual(ended.serviceEnded);
    doc.getMap('profile').set('contacts', brukare.contacts);
    expect(writeCardFields(doc, { serviceEnded: undefined }, other)).toEqual({ ok: true, value: ['serviceEnded'] });
    expect(read(doc).serviceEnded).toBeUndefined();
    expect(readCardChanges(doc)).toHaveLength(2);
  });
});
