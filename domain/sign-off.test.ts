// The recipient's sign-off is part of the visit's record: stored once in the
// visit's exec doc, read back exactly (with the visit and the team-day), never
// changed through the domain functions, only added to; and it becomes a signed
// journal entry. Also the language choice and the Swedish summary.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BrukareSchema, type Brukare } from './brukare';
import { readExecution, readExecutions } from './doc-layout/exec-doc';
import { applyVisitEvent } from './doc-layout/exec-write';
import { importEntry, keepsHistory, readJournalEntries } from './doc-layout/journal-doc';
import { writePlannedVisit } from './doc-layout/plan-write';
import { addSignOff, readSignOffs } from './doc-layout/sign-off-doc';
import {
  DEFAULT_SIGN_OFF_SETTINGS,
  SignOffSchema,
  SignOffSettingsSchema,
  isRightToLeft,
  signOffJournalEntry,
  signOffLanguage,
  signOffSummary,
  type SignOff,
} from './sign-off';
import { readTeamDay } from './team-day';
import type { PlannedVisit } from './visit';

const SIGNED: SignOff = {
  id: 'so-1',
  visitId: 'v-0800',
  brukareId: 'norr-b01',
  at: '2026-03-02T07:40:00.000Z',
  caregiverId: 'anna',
  language: 'ar',
  outcome: 'signed',
  items: [
    { insatsId: 'breakfast', done: true },
    { insatsId: 'meds', done: false },
  ],
  mood: 'good',
  wantsToTalk: false,
};

const DECLINED: SignOff = {
  id: 'so-2',
  visitId: 'v-0800',
  brukareId: 'norr-b01',
  at: '2026-03-02T07:45:00.000Z',
  caregiverId: 'bo',
  language: 'sv',
  outcome: 'declined',
  items: [],
  wantsToTalk: true,
};

const TITLES: Record<string, string> = { breakfast: 'Frukost', meds: 'Påminn om medicin', shower: 'Dusch' };
const titleOf = (id: string) => TITLES[id] ?? id;

const PLAN: PlannedVisit = {
  id: 'v-0800',
  teamId: 'norr',
  brukareId: 'norr-b01',
  date: '2026-03-02',
  plannedStart: '08:00',
  plannedEnd: '08:45',
  requiredStaff: 1,
  assignedStaffIds: ['anna'],
  insatser: [
    { id: 'breakfast', type: 'morning_help', title: 'Frukost' },
    { id: 'meds', type: 'medication_reminder', title: 'Påminn om medicin' },
  ],
};

/** Sends every update of `from` that `to` does not have yet. */
function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('storing a sign-off', () => {
  it('reads back a signed and a declined sign-off exactly, oldest first', () => {
    const doc = new Y.Doc();
    expect(addSignOff(doc, DECLINED)).toEqual({ ok: true });
    expect(addSignOff(doc, SIGNED)).toEqual({ ok: true });
    expect(readSignOffs(doc, 'v-0800')).toEqual([SIGNED, DECLINED]);
  });

  it('carries the sign-offs with the visit execution and the team-day', () => {
    const plan = new Y.Doc();
    writePlannedVisit(plan, PLAN);
    writePlannedVisit(plan, { ...PLAN, id: 'v-1200', plannedStart: '12:00', plannedEnd: '12:30' });
    const exec = new Y.Doc();
    applyVisitEvent(exec, 'v-0800', { type: 'check_in' }, { staffId: 'anna', at: '2026-03-02T07:00:00.000Z' });
    addSignOff(exec, SIGNED);
    addSignOff(exec, DECLINED);

    expect(readExecution(exec, 'v-0800')?.signOffs).toEqual([SIGNED, DECLINED]);
    const day = readTeamDay('norr', '2026-03-02', plan, exec, () => ({ name: 'Astrid Andersson', address: 'Björkvägen 3' }));
    const morning = day.visits.find((v) => v.id === 'v-0800');
    expect(morning?.signOffs).toEqual([SIGNED, DECLINED]);
    expect(morning?.status).toBe('in_progress');
    // A visit without a sign-off carries none.
    expect(day.visits.find((v) => v.id === 'v-1200')?.signOffs).toBeUndefined();
  });

  it('makes a visit with only a sign-off visible to readExecution(s)', () => {
    const exec = new Y.Doc();
    addSignOff(exec, SIGNED);
    expect(readExecution(exec, 'v-0800')).toMatchObject({ visitId: 'v-0800', status: 'planned', signOffs: [SIGNED] });
    expect(readExecutions(exec).items.map((e) => e.visitId)).toEqual(['v-0800']);
  });

  it('does not mix in a sign-off of another visit', () => {
    const doc = new Y.Doc();
    addSignOff(doc, SIGNED);
    // Same sign-off id, another visit whose id starts like this one.
    const other: SignOff = { ...DECLINED, id: 'so-1', visitId: 'v-0800-b' };
    expect(addSignOff(doc, other)).toEqual({ ok: true });
    expect(readSignOffs(doc, 'v-0800')).toEqual([SIGNED]);
    expect(readSignOffs(doc, 'v-0800-b')).toEqual([other]);
    expect(readExecution(doc, 'v-0800')?.signOffs).toEqual([SIGNED]);
    expect(readExecution(doc, 'v-0800-b')?.signOffs).toEqual([other]);
  });

  it('adds a second sign-off with a new id alongside the first, in time order', () => {
    const doc = new Y.Doc();
    const later: SignOff = { ...SIGNED, id: 'so-3', at: '2026-03-02T08:10:00.000Z', mood: 'bad', wantsToTalk: true };
    const earlier: SignOff = { ...SIGNED, id: 'so-9', at: '2026-03-02T07:10:00.000Z' };
    expect(addSignOff(doc, later)).toEqual({ ok: true });
    expect(addSignOff(doc, earlier)).toEqual({ ok: true });
    expect(readSignOffs(doc, 'v-0800')).toEqual([earlier, later]);
  });
});

describe('a given sign-off cannot be altered', () => {
  it('refuses a second sign-off with the same id and keeps the first as given', () => {
    const doc = new Y.Doc();
    addSignOff(doc, SIGNED);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const altered: SignOff = { ...SIGNED, items: SIGNED.items.map((i) => ({ ...i, done: true })), mood: 'bad', at: '2026-03-02T09:00:00.000Z' };
    expect(addSignOff(doc, altered)).toMatchObject({ ok: false, error: 'exists' });
    // Even the very same content is not written again.
    expect(addSignOff(doc, SIGNED)).toMatchObject({ ok: false, error: 'exists' });
    expect(updates).toHaveLength(0);
    expect(readSignOffs(doc, 'v-0800')).toEqual([SIGNED]);
  });

  it('refuses turning a signed sign-off into a declined one under the same id', () => {
    const doc = new Y.Doc();
    addSignOff(doc, SIGNED);
    expect(addSignOff(doc, { ...DECLINED, id: SIGNED.id })).toMatchObject({ ok: false, error: 'exists' });
    expect(readSignOffs(doc, 'v-0800')).toEqual([SIGNED]);
  });

  it('is not changed by changing the object that was added or the one that was read', () => {
    const doc = new Y.Doc();
    const given: SignOff = { ...SIGNED, items: SIGNED.items.map((i) => ({ ...i })) };
    addSignOff(doc, given);
    given.mood = 'bad';
    given.items[1]!.done = true;
    const read = readSignOffs(doc, 'v-0800')[0]!;
    read.outcome = 'declined';
    read.items.length = 0;
    const execRead = readExecution(doc, 'v-0800')!.signOffs![0]!;
    execRead.caregiverId = 'mallory';
    expect(readSignOffs(doc, 'v-0800')).toEqual([SIGNED]);
    expect(readExecution(doc, 'v-0800')?.signOffs).toEqual([SIGNED]);
  });

  it('keeps the first sign-off when the same id arrives from another replica that was already written locally', () => {
    // Both replicas were offline; a sign-off added on one is refused on the
    // other after syncing, with the synced one kept.
    const a = new Y.Doc();
    const b = new Y.Doc();
    addSignOff(a, SIGNED);
    sync(a, b);
    expect(addSignOff(b, { ...SIGNED, mood: 'bad' })).toMatchObject({ ok: false, error: 'exists' });
    sync(b, a);
    expect(readSignOffs(a, 'v-0800')).toEqual([SIGNED]);
    expect(readSignOffs(b, 'v-0800')).toEqual([SIGNED]);
  });
});

describe('invalid sign-offs', () => {
  const cases: [string, unknown][] = [
    ['declined with answers', { ...DECLINED, items: [{ insatsId: 'breakfast', done: true }] }],
    ['declined with a mood', { ...DECLINED, mood: 'good' }],
    ['an unknown language', { ...SIGNED, language: 'tr' }],
    ['a language with region', { ...SIGNED, language: 'ar-SA' }],
    ['a bad instant', { ...SIGNED, at: '2026-03-02 07:40' }],
    ['an instant without offset', { ...SIGNED, at: '2026-03-02T07:40:00' }],
    ['an empty id', { ...SIGNED, id: '' }],
    ['an empty visit id', { ...SIGNED, visitId: '' }],
    ['an empty brukare id', { ...SIGNED, brukareId: '' }],
    ['an empty caregiver id', { ...SIGNED, caregiverId: '' }],
    ['an id with a slash', { ...SIGNED, id: 'so/1' }],
    ['an empty insats id', { ...SIGNED, items: [{ insatsId: '', done: true }] }],
    ['an unknown mood', { ...SIGNED, mood: 'great' }],
    ['an unknown outcome', { ...SIGNED, outcome: 'maybe' }],
    ['no wantsToTalk', { ...SIGNED, wantsToTalk: undefined }],
  ];

  it.each(cases)('refuses %s and writes nothing', (_name, input) => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const result = addSignOff(doc, input as SignOff);
    expect(result).toMatchObject({ ok: false, error: 'invalid' });
    expect(result.ok ? '' : result.message).not.toBe('');
    expect(updates).toHaveLength(0);
    expect(doc.getMap('signOffs').size).toBe(0);
    expect(readSignOffs(doc, SIGNED.visitId)).toEqual([]);
    expect(readExecution(doc, SIGNED.visitId)).toBeUndefined();
  });

  it('accepts a declined sign-off where the recipient wants to talk, and a signed one without a mood', () => {
    expect(SignOffSchema.safeParse(DECLINED).success).toBe(true);
    const { mood: _mood, ...noMood } = SIGNED;
    expect(SignOffSchema.safeParse(noMood).success).toBe(true);
  });

  it('leaves a malformed record out when reading, keeping the valid ones', () => {
    const doc = new Y.Doc();
    addSignOff(doc, SIGNED);
    doc.getMap('signOffs').set('v-0800/so-x', { ...SIGNED, id: 'so-x', outcome: 'declined' });
    doc.getMap('signOffs').set('v-0800/so-y', { ...SIGNED, id: 'so-y', visitId: 'v-other' });
    expect(readSignOffs(doc, 'v-0800')).toEqual([SIGNED]);
  });
});

describe('sign-offs made offline on two replicas', () => {
  it('keeps both after syncing both ways, the same on each side', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addSignOff(a, SIGNED);
    addSignOff(b, DECLINED);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readSignOffs(a, 'v-0800')).toEqual([SIGNED, DECLINED]);
    expect(readSignOffs(b, 'v-0800')).toEqual([SIGNED, DECLINED]);
    expect(readExecution(a, 'v-0800')?.signOffs).toEqual([SIGNED, DECLINED]);
    expect(readExecution(b, 'v-0800')?.signOffs).toEqual([SIGNED, DECLINED]);
  });

  it('keeps the sign-offs alongside the check-ins made on each replica', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    applyVisitEvent(a, 'v-0800', { type: 'check_in' }, { staffId: 'anna', at: '2026-03-02T07:00:00.000Z' });
    addSignOff(a, SIGNED);
    applyVisitEvent(b, 'v-0800', { type: 'check_in' }, { staffId: 'bo', at: '2026-03-02T07:05:00.000Z' });
    addSignOff(b, DECLINED);
    sync(a, b);
    sync(b, a);
    for (const doc of [a, b]) {
      expect(readExecution(doc, 'v-0800')).toMatchObject({ status: 'in_progress', signOffs: [SIGNED, DECLINED] });
      expect(readExecution(doc, 'v-0800')?.staffCheckIns).toHaveLength(2);
    }
  });
});

describe('signOffLanguage', () => {
  it.each([
    ['ar', 'ar'],
    ['fa-IR', 'fa'],
    ['FI', 'fi'],
    ['so', 'so'],
    ['en-GB', 'en'],
    ['en_US', 'en'],
    [' sv ', 'sv'],
    ['tr', 'sv'],
    ['bs', 'sv'],
    ['', 'sv'],
    ['-ar', 'sv'],
  ] as const)('maps %j to %s', (preferred, expected) => {
    expect(signOffLanguage(preferred)).toBe(expected);
  });

  it('shows right to left only for Arabic and Persian', () => {
    expect(isRightToLeft('ar')).toBe(true);
    expect(isRightToLeft('fa')).toBe(true);
    for (const language of ['sv', 'en', 'fi', 'so'] as const) expect(isRightToLeft(language)).toBe(false);
  });
});

describe('signOffSummary', () => {
  it('says all was done when the recipient ticked every insats', () => {
    const s: SignOff = { ...SIGNED, items: SIGNED.items.map((i) => ({ ...i, done: true })), mood: undefined };
    expect(signOffSummary(s, titleOf)).toBe('Brukaren signerade besöket. Allt gjort.');
  });

  it('names the insatser the recipient says were not done, and the mood', () => {
    const s: SignOff = { ...SIGNED, items: [...SIGNED.items, { insatsId: 'shower', done: false }] };
    expect(signOffSummary(s, titleOf)).toBe('Brukaren signerade besöket. Inte gjort enligt brukaren: Påminn om medicin, Dusch. Besöket var bra.');
  });

  it.each([
    ['good', 'bra'],
    ['so_so', 'sådär'],
    ['bad', 'dåligt'],
  ] as const)('words the mood %s as "%s"', (mood, word) => {
    const s: SignOff = { ...SIGNED, items: [], mood };
    expect(signOffSummary(s, titleOf)).toBe(`Brukaren signerade besöket. Allt gjort. Besöket var ${word}.`);
  });

  it('says when the recipient wants to talk to someone', () => {
    expect(signOffSummary({ ...SIGNED, items: [], mood: undefined, wantsToTalk: true }, titleOf)).toBe(
      'Brukaren signerade besöket. Allt gjort. Vill prata med någon.',
    );
  });

  it('says the recipient declined, with or without wanting to talk', () => {
    expect(signOffSummary(DECLINED, titleOf)).toBe('Brukaren ville inte signera. Vill prata med någon.');
    expect(signOffSummary({ ...DECLINED, wantsToTalk: false }, titleOf)).toBe('Brukaren ville inte signera.');
  });
});

describe('signOffJournalEntry', () => {
  it('is a signed entry by the caregiver present that reads back verified from a journal doc', () => {
    const entry = signOffJournalEntry(SIGNED, 'Anna Lindqvist', titleOf);
    expect(entry).toMatchObject({
      brukareId: 'norr-b01',
      authorId: 'anna',
      authorName: 'Anna Lindqvist',
      createdAt: SIGNED.at,
      signedAt: SIGNED.at,
      status: 'signed',
      visitId: 'v-0800',
      signOffId: 'so-1',
      text: signOffSummary(SIGNED, titleOf),
    });
    const doc = new Y.Doc({ gc: !keepsHistory('journal:norr-b01:2026-03') });
    importEntry(doc, entry);
    const { items, invalid } = readJournalEntries(doc);
    expect(invalid).toEqual([]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: entry.id,
      status: 'signed',
      verified: true,
      signOffId: 'so-1',
      visitId: 'v-0800',
      authorId: 'anna',
      signedAt: SIGNED.at,
      text: 'Brukaren signerade besöket. Inte gjort enligt brukaren: Påminn om medicin. Besöket var bra.',
    });
  });

  it('gives a declined sign-off its own signed entry next to the first', () => {
    const doc = new Y.Doc({ gc: false });
    importEntry(doc, signOffJournalEntry(SIGNED, 'Anna Lindqvist', titleOf));
    importEntry(doc, signOffJournalEntry(DECLINED, 'Bo Berg', titleOf));
    const items = readJournalEntries(doc).items;
    expect(items.map((e) => [e.signOffId, e.authorId, e.status, e.verified, e.text])).toEqual([
      ['so-1', 'anna', 'signed', true, signOffSummary(SIGNED, titleOf)],
      ['so-2', 'bo', 'signed', true, 'Brukaren ville inte signera. Vill prata med någon.'],
    ]);
    expect(new Set(items.map((e) => e.id)).size).toBe(2);
  });
});

describe('sign-off settings on the brukare', () => {
  const BRUKARE: Brukare = {
    id: 'norr-b01',
    teamId: 'norr',
    name: 'Astrid Andersson',
    birthYear: 1938,
    address: 'Björkvägen 3',
    phone: '070-123 45 67',
    keyInfo: 'Nyckel i kodlåda',
    language: 'ar',
    communicationNeeds: [],
    contacts: [],
    allergies: [],
    risks: [],
    goodToKnow: [],
    carePlan: [],
  };

  it('validates a brukare without settings and one with them', () => {
    expect(BrukareSchema.safeParse(BRUKARE).success).toBe(true);
    const withSettings = { ...BRUKARE, signOff: { digital: false, pictograms: true, readAloud: false, largeText: true } };
    const parsed = BrukareSchema.safeParse(withSettings);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.signOff).toEqual(withSettings.signOff);
  });

  it('refuses settings with a wrong type or a missing field', () => {
    expect(BrukareSchema.safeParse({ ...BRUKARE, signOff: { ...DEFAULT_SIGN_OFF_SETTINGS, digital: 'yes' } }).success).toBe(false);
    expect(BrukareSchema.safeParse({ ...BRUKARE, signOff: { ...DEFAULT_SIGN_OFF_SETTINGS, largeText: 1 } }).success).toBe(false);
    const { readAloud: _readAloud, ...missing } = DEFAULT_SIGN_OFF_SETTINGS;
    expect(BrukareSchema.safeParse({ ...BRUKARE, signOff: missing }).success).toBe(false);
    expect(BrukareSchema.safeParse({ ...BRUKARE, signOff: true }).success).toBe(false);
  });

  it('has defaults that sign digitally with pictograms and read aloud', () => {
    expect(SignOffSettingsSchema.safeParse(DEFAULT_SIGN_OFF_SETTINGS).success).toBe(true);
    expect(DEFAULT_SIGN_OFF_SETTINGS).toEqual({ digital: true, pictograms: true, readAloud: true, largeText: false });
  });
});
