// The HTTP API through app.request() (no network), over a real SQLite store in
// a temp dir holding the demo data set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DocsResponseSchema,
  ErrorResponseSchema,
  LoginResponseSchema,
  MeResponseSchema,
  TeamDaySchema,
  addDays,
  brukareDocName,
  execDocName,
  instantOf,
  journalDocName,
  planDocName,
  syncWindow,
} from '../domain';
import { createApp } from './app';
import { dummyHash } from './auth/passwords';
import { createTokens } from './auth/tokens';
import { DEFAULT_SECURITY, createSecurity } from './security';
import { createLogger } from './logger';
import { RoomManager } from './rooms/room-manager';
import { seedDemo } from './seed/demo-seed';
import { SqliteStore } from './store/sqlite-store';

const SECRET = 'test-secret-that-is-long-enough-0123456789';
const TODAY = '2026-03-10';
const NOW = instantOf(TODAY, '09:30');
const TTL_SECONDS = 3600;

let dir: string;
let store: SqliteStore;
let rooms: RoomManager;
let fakeHash: string;
let app: ReturnType<typeof createApp>;

function build(tokens = createTokens(SECRET, TTL_SECONDS)) {
  const security = createSecurity(store, SECRET, { ...DEFAULT_SECURITY, tokenTtlSeconds: TTL_SECONDS }, { now: () => NOW, tokens });
  return createApp({ directory: store, rooms, security, securityStore: store.security, orderStore: store.orders, log: createLogger('silent'), now: () => NOW, dummyHash: fakeHash });
}

type Reply = { status: number; body: unknown };

async function request(target: ReturnType<typeof createApp>, path: string, init: { token?: string; body?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await target.request(path, { method: init.body === undefined ? 'GET' : 'POST', headers, body: init.body });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : JSON.parse(text) };
}

const get = (path: string, token?: string) => request(app, path, { token });
const post = (path: string, body: string) => request(app, path, { body });

async function login(username: string, password = 'demo', target = app): Promise<string> {
  const res = await request(target, '/api/login', { body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  return LoginResponseSchema.parse(res.body).token;
}

function errorOf(reply: Reply): string {
  return ErrorResponseSchema.parse(reply.body).error;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slinga-app-test-'));
  store = new SqliteStore(dir);
  await seedDemo(store, store, TODAY);
  rooms = new RoomManager(store, createLogger('silent'), 500);
  fakeHash = await dummyHash();
  app = build();
}, 120_000);

afterAll(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('GET /healthz', () => {
  it('answers 200', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { ok: true } });
  });
});

describe('POST /api/login', () => {
  it('signs anna in with her token and user, and nothing secret', async () => {
    const res = await post('/api/login', JSON.stringify({ username: 'anna', password: 'demo' }));
    expect(res.status).toBe(200);
    const body = LoginResponseSchema.parse(res.body);
    expect(body.token.split('.')).toHaveLength(3);
    expect(body.user).toEqual({ id: 'anna', name: 'Anna Lindqvist', role: 'caregiver', teamIds: ['norr'] });
    const expiresIn = new Date(body.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan((TTL_SECONDS - 60) * 1000);
    expect(expiresIn).toBeLessThanOrEqual(TTL_SECONDS * 1000);
    expect(JSON.stringify(res.body)).not.toMatch(/hash|scrypt|password|competence/i);
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrong = await post('/api/login', JSON.stringify({ username: 'anna', password: 'not-demo' }));
    const unknown = await post('/api/login', JSON.stringify({ username: 'nobody', password: 'demo' }));
    expect(wrong.status).toBe(401);
    expect(unknown).toEqual(wrong);
    expect(errorOf(wrong)).toBe('wrong username or password');
  });

  it('answers malformed JSON with 400 saying the body must be JSON', async () => {
    const res = await post('/api/login', '{"username": "anna", ');
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatch(/valid JSON/);
  });

  it('answers {"username": 1} with 400 naming both wrong fields', async () => {
    const res = await post('/api/login', JSON.stringify({ username: 1 }));
    expect(res.status).toBe(400);
    const error = errorOf(res);
    expect(error).toContain('username: expected string');
    expect(error).toContain('password: expected string');
  });

  it('answers an empty username and a JSON array with 400 and a message', async () => {
    expect(errorOf(await post('/api/login', JSON.stringify({ username: '', password: 'demo' })))).toMatch(/username/);
    const array = await post('/api/login', '[]');
    expect(array.status).toBe(400);
    expect(errorOf(array)).toMatch(/expected object/);
  });
});

describe('authentication', () => {
  it('answers /api/me with 401 without a token and with a garbage token', async () => {
    const none = await get('/api/me');
    expect(none.status).toBe(401);
    expect(errorOf(none)).toMatch(/sign in again/);
    expect((await get('/api/me', 'not-a-token')).status).toBe(401);
  });

  it('answers /api/me with the signed-in user', async () => {
    const token = await login('planerare-norr');
    const res = await get('/api/me', token);
    expect(res.status).toBe(200);
    expect(MeResponseSchema.parse(res.body).user).toEqual({ id: 'planerare-norr', name: 'Maria Sjöberg', role: 'scheduler', teamIds: ['norr'] });
  });

  it('refuses an expired token with 401', async () => {
    // Tokens that lived one second, issued a minute ago.
    const expiring = build(createTokens(SECRET, 1, () => Date.now() - 60_000));
    const token = await login('anna', 'demo', expiring);
    const res = await request(expiring, '/api/me', { token });
    expect(res.status).toBe(401);
    // The same app still accepts a fresh token.
    expect((await get('/api/me', await login('anna'))).status).toBe(200);
  });

  it('refuses a token signed with another secret', async () => {
    const res = await request(app, '/api/login', { body: JSON.stringify({ username: 'anna', password: 'demo' }) });
    const real = LoginResponseSchema.parse(res.body);
    const claims = JSON.parse(Buffer.from(real.token.split('.')[1] ?? '', 'base64url').toString()) as { sid: string };
    const forged = await createTokens('another-secret-that-is-long-enough-9876543210', TTL_SECONDS).issue('anna', claims.sid, real.deviceId);
    expect((await get('/api/me', forged.token)).status).toBe(401);
  });

  it('refuses a valid token of a user who no longer exists', async () => {
    const orphan = await createTokens(SECRET, TTL_SECONDS).issue('ghost', 'no-such-session', 'dev-0000000000000000');
    expect((await get('/api/me', orphan.token)).status).toBe(401);
  });
});

describe('GET /api/docs', () => {
  it("lists anna's team's plan and exec docs for nine days, and its brukare and journal docs", async () => {
    const res = await get('/api/docs', await login('anna'));
    expect(res.status).toBe(200);
    const { docs, window } = DocsResponseSchema.parse(res.body);
    const { dates } = syncWindow(TODAY);
    expect(dates).toHaveLength(9);
    expect(window).toEqual({ from: addDays(TODAY, -1), to: addDays(TODAY, 7) });
    expect(docs.filter((d) => d.startsWith('plan:'))).toEqual(dates.map((d) => planDocName('norr', d)));
    expect(docs.filter((d) => d.startsWith('exec:'))).toEqual(dates.map((d) => execDocName('norr', d)));
    const recipients = store.recipientsOfTeam('norr');
    expect(recipients.length).toBeGreaterThan(0);
    expect(docs.filter((d) => d.startsWith('brukare:')).sort()).toEqual(recipients.map((id) => brukareDocName(id)).sort());
    for (const id of recipients) {
      expect(docs).toContain(journalDocName(id, '2026-02'));
      expect(docs).toContain(journalDocName(id, '2026-03'));
    }
    expect(docs.filter((d) => d.includes('soder'))).toEqual([]);
  });

  it("gives a scheduler two weeks back (continuity, planned vs delivered) and two weeks ahead (planning)", async () => {
    const res = await get('/api/docs', await login('planerare-norr'));
    expect(res.status).toBe(200);
    const { docs, window } = DocsResponseSchema.parse(res.body);
    expect(window).toEqual({ from: addDays(TODAY, -14), to: addDays(TODAY, 14) });
    const plans = docs.filter((d) => d.startsWith('plan:'));
    expect(plans).toHaveLength(29);
    expect(plans[0]).toBe(planDocName('norr', addDays(TODAY, -14)));
    expect(plans).toContain(planDocName('norr', addDays(TODAY, 14)));
  });
});

describe('GET /api/days/:teamId/:date', () => {
  it("returns today's visits for norr, valid, in time order, with names, some of them anna's", async () => {
    const res = await get(`/api/days/norr/${TODAY}`, await login('anna'));
    expect(res.status).toBe(200);
    const day = TeamDaySchema.parse(res.body);
    expect(day.teamId).toBe('norr');
    expect(day.date).toBe(TODAY);
    expect(day.visits.length).toBeGreaterThan(0);
    expect(day.visits.some((v) => v.assignedStaffIds.includes('anna'))).toBe(true);
    for (const v of day.visits) {
      expect(v).toMatchObject({ teamId: 'norr', date: TODAY });
      expect(v.brukareName).toMatch(/\S/);
      expect(v.address).toMatch(/\S/);
    }
    const starts = day.visits.map((v) => v.plannedStart);
    expect(starts).toEqual([...starts].sort());
  });

  it("shows yesterday's carried-out visits with their check-ins", async () => {
    const res = await get(`/api/days/norr/${addDays(TODAY, -1)}`, await login('anna'));
    const day = TeamDaySchema.parse(res.body);
    const done = day.visits.filter((v) => v.status === 'done');
    expect(done.length).toBeGreaterThan(0);
    for (const v of done) expect(v.checkIn?.at).toBeDefined();
  });

  it('does not keep the docs it read loaded', async () => {
    await get(`/api/days/norr/${TODAY}`, await login('anna'));
    await vi.waitFor(() => expect(rooms.loadedCount).toBe(0));
  });

  it("refuses anna another team's day with 403", async () => {
    const res = await get(`/api/days/soder/${TODAY}`, await login('anna'));
    expect(res.status).toBe(403);
    expect(errorOf(res)).toBe('no access to this team');
    // While that team's own scheduler may read it.
    expect((await get(`/api/days/soder/${TODAY}`, await login('planerare-soder'))).status).toBe(200);
  });

  it.each(['2026-13-01', '2026-02-30', 'today', '10-03-2026'])('answers the bad date %s with 400 naming the date', async (date) => {
    const res = await get(`/api/days/norr/${date}`, await login('anna'));
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatch(/^date/);
  });

  it('answers a bad team id with 400 naming teamId', async () => {
    const res = await get(`/api/days/NORR/${TODAY}`, await login('anna'));
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatch(/^teamId/);
  });

  it('answers 401 without a token, before looking at the team', async () => {
    expect((await get(`/api/days/soder/${TODAY}`)).status).toBe(401);
  });
});

describe('unknown API paths', () => {
  it('answer 404 with a JSON message', async () => {
    const res = await get('/api/nope', await login('anna'));
    expect(res.status).toBe(404);
    expect(errorOf(res)).toBe('no such endpoint');
  });
});
