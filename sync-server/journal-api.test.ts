// GET /api/brukare/:brukareId/journal through app.request() (no network), over
// a real SQLite store in a temp dir holding the demo data set: the entries a
// team member may read for a date range, each signed one checked against its
// signature, and every refusal with its status and a clear message.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ErrorResponseSchema,
  LoginResponseSchema,
  addDays,
  createCorrection,
  createDraft,
  instantOf,
  journalDocName,
  localDate,
  monthOf,
} from '../domain';
import { createApp } from './app';
import { dummyHash } from './auth/passwords';
import { DEFAULT_SECURITY, createSecurity } from './security';
import { createLogger } from './logger';
import { RoomManager } from './rooms/room-manager';
import { seedDemo } from './seed/demo-seed';
import { SqliteStore } from './store/sqlite-store';

const SECRET = 'test-secret-that-is-long-enough-0123456789';
const TODAY = '2026-03-10';
const NOW = instantOf(TODAY, '09:30');
const TTL_SECONDS = 3600;
/** The demo data set has signed notes for the 14 days before TODAY (2026-02-24 … 2026-03-09). */
const SEEDED_FROM = addDays(TODAY, -14);
const SEEDED_TO = addDays(TODAY, -1);

let dir: string;
let store: SqliteStore;
let rooms: RoomManager;
let app: ReturnType<typeof createApp>;
let annaToken: string;

type Entry = {
  id: string;
  authorId: string;
  authorName: string;
  time: string;
  lifeArea: string | null;
  text: string;
  status: 'draft' | 'signed';
  signedAt: string | null;
  correctsId: string | null;
  visitId: string | null;
  verified?: boolean;
};
type Reply = { status: number; body: unknown };

const ENTRY_KEYS = ['authorId', 'authorName', 'correctsId', 'id', 'lifeArea', 'signedAt', 'status', 'text', 'time', 'visitId'];

async function get(path: string, token?: string): Promise<Reply> {
  const res = await app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : JSON.parse(text) };
}

async function login(username: string): Promise<string> {
  const res = await app.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  expect(res.status).toBe(200);
  return LoginResponseSchema.parse(await res.json()).token;
}

const journalPath = (brukareId: string, from?: string, to?: string) => {
  const query = new URLSearchParams({ ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }).toString();
  return `/api/brukare/${brukareId}/journal${query ? `?${query}` : ''}`;
};

async function journal(brukareId: string, from: string, to: string, token = annaToken): Promise<Entry[]> {
  const res = await get(journalPath(brukareId, from, to), token);
  expect(res.status).toBe(200);
  expect(Object.keys(res.body as object)).toEqual(['entries']);
  return (res.body as { entries: Entry[] }).entries;
}

function errorOf(reply: Reply): string {
  return ErrorResponseSchema.parse(reply.body).error;
}

/** Norr recipients with seeded notes, most notes first. */
let withNotes: { brukareId: string; entries: Entry[] }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slinga-journal-api-test-'));
  store = new SqliteStore(dir);
  await seedDemo(store, store, TODAY);
  rooms = new RoomManager(store, createLogger('silent'), 500);
  app = createApp({ directory: store, rooms, security: createSecurity(store, SECRET, { ...DEFAULT_SECURITY, tokenTtlSeconds: TTL_SECONDS }, { now: () => NOW }), securityStore: store.security, orderStore: store.orders, log: createLogger('silent'), now: () => NOW, dummyHash: await dummyHash() });
  annaToken = await login('anna');
  for (const brukareId of store.recipientsOfTeam('norr')) {
    const entries = await journal(brukareId, SEEDED_FROM, SEEDED_TO);
    if (entries.length > 0) withNotes.push({ brukareId, entries });
  }
  withNotes = withNotes.sort((a, b) => b.entries.length - a.entries.length);
}, 120_000);

afterAll(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/brukare/:brukareId/journal', () => {
  it("returns a recipient's signed notes of the past two weeks, each with the journal fields and verified", async () => {
    expect(withNotes.length).toBeGreaterThanOrEqual(2);
    const { brukareId, entries } = withNotes[0]!;
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual([...ENTRY_KEYS, 'verified'].sort());
      // Seeded notes belong to a visit and are signed at check-out.
      expect(e.id).toBe(`j-${e.visitId}`);
      expect(e).toMatchObject({ status: 'signed', verified: true, signedAt: e.time, correctsId: null });
      expect(e.visitId).toContain(brukareId);
      expect(e.text).toMatch(/\S/);
      expect(e.authorName).toMatch(/\S/);
      expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      const day = localDate(new Date(e.time));
      expect(day >= SEEDED_FROM && day <= SEEDED_TO).toBe(true);
    }
    const times = entries.map((e) => e.time);
    expect(times).toEqual([...times].sort());
  });

  it('returns the same notes as are stored in the journal docs, across the month boundary', async () => {
    // 2026-02-24 … 2026-03-09 spans two journal docs; ids read straight from them must all be there.
    const stored: string[] = [];
    const returned: string[] = [];
    for (const { brukareId } of withNotes) {
      for (const month of [monthOf(SEEDED_FROM), monthOf(SEEDED_TO)]) {
        stored.push(...(await rooms.read(journalDocName(brukareId, month), (doc) => [...doc.getMap('entries').keys()])));
      }
      returned.push(...(await journal(brukareId, SEEDED_FROM, SEEDED_TO)).map((e) => e.id));
    }
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.sort()).toEqual(stored.sort());
    expect(returned.some((id) => id.includes('2026-02-'))).toBe(true);
    expect(returned.some((id) => id.includes('2026-03-'))).toBe(true);
  });

  it('gives a scheduler of the team the same entries as a caregiver', async () => {
    const { brukareId, entries } = withNotes[0]!;
    expect(await journal(brukareId, SEEDED_FROM, SEEDED_TO, await login('planerare-norr'))).toEqual(entries);
  });

  it('returns only the entries written on the days asked for', async () => {
    const { brukareId, entries } = withNotes[0]!;
    const days = [...new Set(entries.map((e) => localDate(new Date(e.time))))].sort();
    const day = days[0]!;
    const oneDay = await journal(brukareId, day, day);
    expect(oneDay.map((e) => e.id)).toEqual(entries.filter((e) => localDate(new Date(e.time)) === day).map((e) => e.id));
    expect(oneDay.length).toBeGreaterThan(0);
    const fromSecond = days[1] ?? addDays(day, 1);
    expect((await journal(brukareId, fromSecond, SEEDED_TO)).map((e) => e.id)).not.toContain(oneDay[0]!.id);
    // Today and the week ahead have no notes yet.
    expect(await journal(brukareId, TODAY, addDays(TODAY, 7))).toEqual([]);
  });

  it('filters by the day in Stockholm, not in UTC', async () => {
    // 2026-03-01T23:30Z is 00:30 on 2 March in Stockholm.
    // A recipient without seeded notes, so that no other test sees this entry.
    const brukareId = store.recipientsOfTeam('norr').find((id) => !withNotes.some((w) => w.brukareId === id));
    if (!brukareId) throw new Error('expected a norr recipient without notes');
    const entryId = 'j-after-midnight';
    const doc = new Y.Doc({ gc: false });
    createDraft(doc, { id: entryId, brukareId, authorId: 'hanna', authorName: 'Hanna Öberg', createdAt: '2026-03-01T23:30:00.000Z', text: 'Larm strax efter midnatt.' });
    expect(await rooms.write(journalDocName(brukareId, '2026-03'), Y.encodeStateAsUpdate(doc))).toBe('applied');
    expect((await journal(brukareId, '2026-03-02', '2026-03-02')).map((e) => e.id)).toContain(entryId);
    expect((await journal(brukareId, '2026-03-01', '2026-03-01')).map((e) => e.id)).not.toContain(entryId);
  });

  it('returns drafts and corrections with status and links, and no verified flag on a draft', async () => {
    const { brukareId, entries } = withNotes[1]!;
    const corrected = entries[0]!;
    const month = monthOf(localDate(new Date(corrected.time)));
    const docName = journalDocName(brukareId, month);
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, await rooms.read(docName, (d) => Y.encodeStateAsUpdate(d)));
    const sv = Y.encodeStateVector(doc);
    const at = new Date(Date.parse(corrected.time) + 60_000).toISOString();
    expect(
      createCorrection(doc, corrected.id, { id: 'j-correction', brukareId, authorId: corrected.authorId, authorName: corrected.authorName, createdAt: at, lifeArea: 'health', text: 'Rättelse: det var vänster knä.' }),
    ).toEqual({ ok: true });
    expect(await rooms.write(docName, Y.encodeStateAsUpdate(doc, sv))).toBe('applied');
    const day = localDate(new Date(at));
    const correction = (await journal(brukareId, day, day)).find((e) => e.id === 'j-correction');
    expect(correction).toEqual({
      id: 'j-correction',
      authorId: corrected.authorId,
      authorName: corrected.authorName,
      time: at,
      lifeArea: 'health',
      text: 'Rättelse: det var vänster knä.',
      status: 'draft',
      signedAt: null,
      correctsId: corrected.id,
      visitId: null,
    });
    // The corrected entry itself is unchanged and still verified.
    expect((await journal(brukareId, day, day)).find((e) => e.id === corrected.id)).toEqual(corrected);
  });

  it('does not keep the journal docs it read loaded', async () => {
    await journal(withNotes[0]!.brukareId, SEEDED_FROM, SEEDED_TO);
    await vi.waitFor(() => expect(rooms.loadedCount).toBe(0));
  });

  it('answers a full year, leap day included, with 200', async () => {
    const { brukareId } = withNotes[0]!;
    expect(await journal(brukareId, '2024-01-01', '2024-12-31')).toEqual([]);
    const year = await journal(brukareId, addDays(TODAY, -365), TODAY);
    expect(year.map((e) => e.id)).toEqual(expect.arrayContaining(withNotes[0]!.entries.map((e) => e.id)));
  });
});

describe('GET /api/brukare/:brukareId/journal refusals', () => {
  it('answers 401 without a token and with a garbage token, before looking at the recipient', async () => {
    const none = await get(journalPath('soder-b01', SEEDED_FROM, SEEDED_TO));
    expect(none.status).toBe(401);
    expect(errorOf(none)).toMatch(/\S/);
    expect((await get(journalPath('norr-b01', SEEDED_FROM, SEEDED_TO), 'not-a-token')).status).toBe(401);
    expect((await get(journalPath('norr-b99', SEEDED_FROM, SEEDED_TO))).status).toBe(401);
  });

  it.each([
    ['from is missing', undefined, '2026-03-09', /from/],
    ['to is missing', '2026-03-01', undefined, /to/],
    ['both are missing', undefined, undefined, /from.*to/],
    ['February 30', '2026-02-30', '2026-03-09', /from/],
    ['a word', '2026-03-01', 'igår', /to/],
    ['a Swedish-style date', '01-03-2026', '2026-03-09', /from/],
    ['a date with a time', '2026-03-01', '2026-03-09T10:00', /to/],
  ])('answers 400 when %s, naming the parameter', async (_label, from, to, field) => {
    const res = await get(journalPath('norr-b01', from, to), annaToken);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatch(/^invalid query: /);
    expect(errorOf(res)).toMatch(field);
  });

  it('answers 400 when from is after to', async () => {
    const res = await get(journalPath('norr-b01', '2026-03-09', '2026-03-01'), annaToken);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toBe('from must not be after to');
    // One day, from equal to to, is fine.
    expect((await get(journalPath('norr-b01', '2026-03-09', '2026-03-09'), annaToken)).status).toBe(200);
  });

  it('answers 400 for more than 366 days at a time', async () => {
    const res = await get(journalPath('norr-b01', addDays(TODAY, -367), TODAY), annaToken);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toBe('at most 366 days at a time');
    const decade = await get(journalPath('norr-b01', '2016-01-01', '2026-01-01'), annaToken);
    expect(decade.status).toBe(400);
  });

  it('answers 400 for a malformed recipient id, naming brukareId', async () => {
    const res = await get(journalPath('Norr-B01', SEEDED_FROM, SEEDED_TO), annaToken);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatch(/^brukareId/);
  });

  it('answers 404 for an unknown recipient', async () => {
    const res = await get(journalPath('norr-b99', SEEDED_FROM, SEEDED_TO), annaToken);
    expect(res.status).toBe(404);
    expect(errorOf(res)).toBe('no such recipient');
  });

  it("answers 403 for another team's recipient, to a caregiver, a scheduler and an admin without teams", async () => {
    for (const token of [annaToken, await login('planerare-norr'), await login('admin')]) {
      const res = await get(journalPath('soder-b01', SEEDED_FROM, SEEDED_TO), token);
      expect(res.status).toBe(403);
      expect(errorOf(res)).toBe("no access to this recipient's journal");
      expect(JSON.stringify(res.body)).not.toMatch(/j-/);
    }
    // While that team's own scheduler may read it.
    expect((await get(journalPath('soder-b01', SEEDED_FROM, SEEDED_TO), await login('planerare-soder'))).status).toBe(200);
  });
});

describe('a signed entry altered after signing', () => {
  it('is returned with its original text and verified: false, the others still verified', async () => {
    // The last recipient with notes: no other test writes to its journal.
    expect(withNotes.length).toBeGreaterThanOrEqual(3);
    const { brukareId, entries } = withNotes[withNotes.length - 1]!;
    const victim = entries[0]!;
    const docName = journalDocName(brukareId, monthOf(localDate(new Date(victim.time))));
    const attacker = new Y.Doc({ gc: false });
    Y.applyUpdate(attacker, await rooms.read(docName, (doc) => Y.encodeStateAsUpdate(doc)));
    const sv = Y.encodeStateVector(attacker);
    const record = attacker.getMap<unknown>('entries').get(victim.id);
    expect(record).toBeInstanceOf(Y.Map);
    (record as Y.Map<unknown>).set('signedText', 'Vägrade all hjälp och var otrevlig.');
    expect(await rooms.write(docName, Y.encodeStateAsUpdate(attacker, sv))).toBe('applied');

    const after = await journal(brukareId, SEEDED_FROM, SEEDED_TO);
    expect(after.find((e) => e.id === victim.id)).toEqual({ ...victim, verified: false });
    expect(after.filter((e) => e.id !== victim.id)).toEqual(entries.filter((e) => e.id !== victim.id));
    expect(JSON.stringify(after)).not.toContain('Vägrade all hjälp');
  });
});
