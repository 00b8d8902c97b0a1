// Ending a recipient's service through app.request() (no network), with the
// server's clock injected: devices are given the recipient's docs until the
// retention period after the end has passed (RETENTION_DAYS_AFTER_END, 30 days
// when not set), then not; the planning stops from the end date.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocsResponseSchema, LoginResponseSchema, addDays, brukareDocName, instantOf, journalDocName, monthOf, readBrukare, visitsFromCarePlan } from '../../domain';
import { createApp } from '../app';
import { dummyHash } from '../auth/passwords';
import { createLogger } from '../logger';
import { RoomManager } from '../rooms/room-manager';
import { seedDemo } from '../seed/demo-seed';
import { DEFAULT_SECURITY, createSecurity } from '../security';
import { SqliteStore } from '../store/sqlite-store';

const SECRET = 'test-secret-that-is-long-enough-0123456789';
const TODAY = '2026-03-10';
const RECIPIENT = 'norr-b01';

let dir: string;
let store: SqliteStore;
let rooms: RoomManager;
let fakeHash: string;
/** The server's idea of today (tokens keep their own clock, so they stay valid). */
let today = TODAY;

function build(retentionDaysAfterEnd?: number) {
  const security = createSecurity(store, SECRET, DEFAULT_SECURITY, { now: () => instantOf(TODAY, '09:30') });
  return createApp({
    directory: store,
    rooms,
    security,
    securityStore: store.security,
    orderStore: store.orders,
    log: createLogger('silent'),
    now: () => instantOf(today, '09:30'),
    dummyHash: fakeHash,
    ...(retentionDaysAfterEnd === undefined ? {} : { retentionDaysAfterEnd }),
  });
}

async function call(app: ReturnType<typeof createApp>, path: string, token?: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  const res = await app.request(path, { method: body === undefined ? 'GET' : 'POST', headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

async function login(app: ReturnType<typeof createApp>, username: string): Promise<string> {
  return LoginResponseSchema.parse((await call(app, '/api/login', undefined, { username, password: 'demo' })).body).token;
}

async function listed(app: ReturnType<typeof createApp>, token: string, on: string): Promise<string[]> {
  today = on;
  const names = DocsResponseSchema.parse((await call(app, '/api/docs', token)).body).docs;
  today = TODAY;
  return names.filter((n) => n.includes(RECIPIENT));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slinga-recipient-test-'));
  store = new SqliteStore(dir);
  await seedDemo(store, store, TODAY);
  rooms = new RoomManager(store, createLogger('silent'), 500);
  fakeHash = await dummyHash();
}, 120_000);

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ending a recipient service, over app.request()', () => {
  const on = addDays(TODAY, 1);

  it('the end date stops planning; devices keep the docs for the retention period after it, then not', async () => {
    const app = build(3);
    const planner = await login(app, 'planerare-norr');
    const anna = await login(app, 'anna');
    expect((await call(app, `/api/recipients/${RECIPIENT}/end`, planner, { reason: 'deceased', on })).status).toBe(200);

    const brukare = await rooms.read(brukareDocName(RECIPIENT), (doc) => readBrukare(doc));
    if (!brukare.ok) throw new Error(brukare.error);
    expect(brukare.value.serviceEnded).toMatchObject({ reason: 'deceased', on, by: 'planerare-norr' });
    expect(visitsFromCarePlan(brukare.value, TODAY).length).toBeGreaterThan(0);
    expect(visitsFromCarePlan(brukare.value, on)).toEqual([]);

    // Listed (brukare and journal docs) until three days after the end, for caregivers and schedulers alike.
    for (const token of [anna, planner]) {
      expect(await listed(app, token, addDays(on, 2))).toEqual([brukareDocName(RECIPIENT), journalDocName(RECIPIENT, '2026-02'), journalDocName(RECIPIENT, monthOf(TODAY))]);
      expect(await listed(app, token, addDays(on, 3))).toEqual([]);
    }
    // The default, 30 days.
    const byDefault = build();
    const annaAgain = await login(byDefault, 'anna');
    expect(await listed(byDefault, annaAgain, addDays(on, 29))).toContain(brukareDocName(RECIPIENT));
    expect(await listed(byDefault, annaAgain, addDays(on, 30))).toEqual([]);

    // Past the retention period the ending stays; before it, it can be undone.
    today = addDays(on, 3);
    expect((await call(app, `/api/recipients/${RECIPIENT}/resume`, planner, {})).status).toBe(409);
    today = TODAY;
    expect((await call(app, `/api/recipients/${RECIPIENT}/resume`, planner, {})).status).toBe(200);
    expect(await listed(app, anna, addDays(on, 100))).toContain(brukareDocName(RECIPIENT));
  });
});
