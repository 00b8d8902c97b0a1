// GET /api/teams/<teamId>/delivered.csv through app.request(): the team's
// schedulers get planned vs delivered per visit and staff member.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, instantOf } from '../domain';
import { createApp } from './app';
import { dummyHash } from './auth/passwords';
import { DEFAULT_SECURITY, createSecurity } from './security';
import { DELIVERED_CSV_HEADER } from './http/delivered-csv';
import { createLogger } from './logger';
import { RoomManager } from './rooms/room-manager';
import { seedDemo } from './seed/demo-seed';
import { SqliteStore } from './store/sqlite-store';

const TODAY = '2026-03-10';
let dir: string;
let store: SqliteStore;
let app: ReturnType<typeof createApp>;

async function tokenOf(username: string): Promise<string> {
  const res = await app.request('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slinga-csv-'));
  store = new SqliteStore(dir);
  await seedDemo(store, store, TODAY);
  const log = createLogger('silent');
  app = createApp({
    directory: store,
    rooms: new RoomManager(store, log, 500),
    security: createSecurity(store, 'test-secret-that-is-long-enough-0123456789', DEFAULT_SECURITY, { now: () => instantOf(TODAY, '09:30') }),
    securityStore: store.security, orderStore: store.orders,
    log,
    now: () => instantOf(TODAY, '09:30'),
    dummyHash: await dummyHash(),
  });
}, 60_000);

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('delivered.csv', () => {
  it("gives the team's scheduler one row per visit and staff member, with actual times for past days", async () => {
    const token = await tokenOf('planerare-norr');
    const from = addDays(TODAY, -2);
    const to = addDays(TODAY, -1);
    const res = await app.request(`/api/teams/norr/delivered.csv?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(DELIVERED_CSV_HEADER.join(','));
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set([from, to]));
    const done = rows.filter((r) => r[10] === 'done');
    expect(done.length).toBeGreaterThan(50);
    expect(done.every((r) => r[7] !== '' && r[8] !== '' && Number(r[9]) > 0)).toBe(true);
  });

  it('refuses caregivers, other teams and bad ranges', async () => {
    const anna = await tokenOf('anna');
    const soder = await tokenOf('planerare-soder');
    const norr = await tokenOf('planerare-norr');
    const get = (token: string, query: string) => app.request(`/api/teams/norr/delivered.csv${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get(anna, `?from=${TODAY}&to=${TODAY}`)).status).toBe(403);
    expect((await get(soder, `?from=${TODAY}&to=${TODAY}`)).status).toBe(403);
    expect((await get(norr, '?from=2026-03-10')).status).toBe(400);
    expect((await get(norr, '?from=2026-03-10&to=2026-03-01')).status).toBe(400);
    expect((await app.request(`/api/teams/norr/delivered.csv?from=${TODAY}&to=${TODAY}`)).status).toBe(401);
  });
});

describe('team staff', () => {
  it("lists the team's staff with names and competences, for members of the team only", async () => {
    const anna = await tokenOf('anna');
    const res = await app.request('/api/teams/norr/staff', { headers: { authorization: `Bearer ${anna}` } });
    expect(res.status).toBe(200);
    const { staff } = (await res.json()) as { staff: Array<{ id: string; name: string; role: string; competences: string[] }> };
    expect(staff.map((s) => s.id)).toContain('bo');
    expect(staff.find((s) => s.id === 'planerare-norr')).toMatchObject({ role: 'scheduler' });
    expect(staff.some((s) => s.id === 'cecilia')).toBe(false);
    expect(JSON.stringify(staff)).not.toContain('scrypt');
    // Working hours feed the planning check "outside the person's working hours".
    expect(staff.find((s) => s.id === 'anna')).toMatchObject({ workHours: { start: '07:00', end: '16:00' } });
    expect(staff.find((s) => s.id === 'hanna')).toMatchObject({ workHours: { start: '15:00', end: '22:00' } });
    expect((await app.request('/api/teams/soder/staff', { headers: { authorization: `Bearer ${anna}` } })).status).toBe(403);
  });
});
