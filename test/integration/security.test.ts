// The security suite of issue 6, against the real server over real HTTP and
// real WebSockets. Every probe is a case; a leak is a probe that got data or
// an effect it should not have (a success status or content for a refused
// request, any document byte on a socket that must be refused, a write that
// reached the server). The suite prints its tally and fails on any leak.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLOSE_CODES,
  MUX_KIND,
  addDays,
  brukareDocName,
  deviationsDocName,
  execDocName,
  journalDocName,
  messagesDocName,
  monthOf,
  phrasesDocName,
  planDocName,
  readBrukare,
  readPlannedVisits,
  writeBrukare,
  writePlannedVisit,
  type LoginResponse,
} from '../../domain';
import { ROOT, startTestServer, type TestServer } from '../fixtures/server';
import {
  closedWithin,
  connectProvider,
  delay,
  localChange,
  rawConnect,
  stopServer,
  syncMessage,
  syncStep1Message,
  syncUpdateMessage,
  syncUrl,
  today,
  upgrade,
  waitFor,
  waitSynced,
  type ProviderClient,
} from './helpers';
import { JUNK_TOKENS, forgedTokens, http, issuedSecrets, jwtParts, muxClient, muxUrl, refresh, signIn, type HttpOptions, type HttpReply } from './security-helpers';

const REFUSAL_TIMEOUT_MS = 5_000;
const SYNC_STEP_2 = 1;
const MARKER = 'skrivet-av-undersköterska-probe';

// --- The tally ----------------------------------------------------------------------

const tally = { cases: 0, leaks: [] as string[] };
const startedAt = Date.now();

function record(label: string, leaked: boolean, detail = ''): void {
  tally.cases++;
  if (leaked) tally.leaks.push(detail ? `${label} (${detail})` : label);
}

afterAll(() => {
  console.log(`security suite: ${tally.cases} cases tried, ${tally.leaks.length} leaked (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
  for (const leak of tally.leaks) console.log(`  LEAK: ${leak}`);
  expect(tally.leaks).toEqual([]);
});

// --- Probes ---------------------------------------------------------------------------

type Route = { method: 'GET' | 'POST'; path: string; body?: string };
type Expected = { status: number; code?: string };

const routeLabel = (r: Route) => `${r.method} ${r.path.split('?')[0]}`;

function auditUpload(id: string, brukareId = 'norr-b01'): string {
  return JSON.stringify({ events: [{ id, action: 'recipient_opened', brukareId, at: new Date().toISOString() }] });
}

/** Every API route, each with a request that would succeed for someone allowed. */
function apiRoutes(witnessDeviceId: string): Route[] {
  const d = today();
  const from = addDays(d, -7);
  return [
    { method: 'GET', path: '/api/me' },
    { method: 'GET', path: '/api/docs' },
    { method: 'GET', path: `/api/days/norr/${d}` },
    { method: 'GET', path: `/api/brukare/norr-b01/journal?from=${from}&to=${d}` },
    { method: 'GET', path: '/api/teams/norr/staff' },
    { method: 'GET', path: `/api/teams/norr/delivered.csv?from=${from}&to=${d}` },
    { method: 'POST', path: '/api/audit/events', body: auditUpload('probe-unauthorised') },
    { method: 'GET', path: '/api/audit/brukare/norr-b01' },
    { method: 'GET', path: '/api/audit/export' },
    { method: 'GET', path: '/api/audit/verify' },
    { method: 'GET', path: '/api/admin/users' },
    { method: 'POST', path: '/api/admin/users/kalle/revoke' },
    { method: 'POST', path: '/api/admin/users/kalle/restore' },
    { method: 'GET', path: '/api/admin/devices' },
    { method: 'POST', path: `/api/admin/devices/${witnessDeviceId}/revoke` },
    { method: 'POST', path: '/api/logout' },
    { method: 'GET', path: '/api/no-such-endpoint' },
  ];
}

/** One document of every kind for team norr. */
function norrDocs(): string[] {
  const d = today();
  const m = monthOf(d);
  return [planDocName('norr', d), execDocName('norr', d), brukareDocName('norr-b01'), journalDocName('norr-b01', m), deviationsDocName('norr', m), messagesDocName('norr', m), phrasesDocName('norr')];
}

/** A body that says no more than why: `error`, perhaps `code` and `requestId`. */
function onlyAnError(reply: HttpReply): boolean {
  const body = reply.json;
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).every((k) => k === 'error' || k === 'code' || k === 'requestId');
}

/** A request that must be refused with `expected`: a success status, or a body with more than an error, is a leak. */
async function refusedHttp(server: TestServer, label: string, route: Route, options: HttpOptions, expected: Expected): Promise<HttpReply> {
  const reply = await http(server, route.method, route.path, { ...options, ...(route.body ? { body: route.body } : {}) });
  record(`${label}: ${routeLabel(route)}`, reply.status < 400 || !onlyAnError(reply), `${reply.status} ${reply.text.slice(0, 120)}`);
  expect.soft(reply.status, `${label}: ${routeLabel(route)} ${reply.text.slice(0, 200)}`).toBe(expected.status);
  if (expected.code) expect.soft((reply.json as { code?: string }).code, `${label}: ${routeLabel(route)}`).toBe(expected.code);
  return reply;
}

/** A per-doc socket that must be closed with `expectedCode` before a single message. */
async function refusedSocket(label: string, url: string, expectedCode: number): Promise<void> {
  const client = rawConnect(url);
  if ((await client.opened) && client.ws.readyState === WebSocket.OPEN) client.send(syncStep1Message(new Y.Doc()));
  const closed = await closedWithin(client, REFUSAL_TIMEOUT_MS).catch(() => undefined);
  if (!closed) client.ws.terminate();
  record(label, client.messages.length > 0 || !closed, closed ? `close ${closed.code} after ${client.messages.length} messages` : 'still open');
  expect.soft(closed?.code, label).toBe(expectedCode);
}

/** A mux socket that must be closed with `expectedCode`: it asks for `docs` at once and must get nothing. */
async function refusedMux(server: TestServer, label: string, token: string | undefined, docs: string[], expectedCode: number): Promise<void> {
  const mux = muxClient(rawConnect(muxUrl(server, token)));
  if ((await mux.raw.opened) && mux.raw.ws.readyState === WebSocket.OPEN) {
    for (const doc of docs) {
      mux.open(doc);
      mux.send(doc, syncStep1Message(new Y.Doc()));
    }
  }
  const closed = await closedWithin(mux.raw, REFUSAL_TIMEOUT_MS).catch(() => undefined);
  if (!closed) mux.raw.ws.terminate();
  record(`${label}: mux socket`, mux.raw.messages.length > 0 || !closed, closed ? `close ${closed.code} after ${mux.raw.messages.length} frames` : 'still open');
  expect.soft(closed?.code, `${label}: mux socket`).toBe(expectedCode);
}

/** Channels on a live mux socket that must each be closed with 4403 (or `expectedCode`) and carry nothing. */
async function refusedChannels(server: TestServer, label: string, token: string, docs: string[], expectedCode: number = CLOSE_CODES.forbidden): Promise<void> {
  const mux = muxClient(rawConnect(muxUrl(server, token, true)));
  expect(await mux.raw.opened, `${label}: the mux socket opens`).toBe(true);
  for (const doc of docs) {
    mux.open(doc);
    mux.send(doc, syncStep1Message(new Y.Doc()));
  }
  const closedFor = (doc: string) => mux.framesFor(doc).some((f) => f.kind === MUX_KIND.close);
  await waitFor(() => docs.every(closedFor) || mux.raw.closeInfo() !== undefined, `${label}: close frames`, REFUSAL_TIMEOUT_MS).catch(() => undefined);
  await delay(100); // anything the server would still send after its refusal
  for (const doc of docs) {
    const frames = mux.framesFor(doc);
    const close = frames.find((f) => f.kind === MUX_KIND.close);
    record(`${label}: mux channel ${doc}`, frames.some((f) => f.kind !== MUX_KIND.close), frames.map((f) => f.kind).join(','));
    expect.soft(close?.kind === MUX_KIND.close ? close.code : undefined, `${label}: mux channel ${doc}`).toBe(expectedCode);
  }
  record(`${label}: undecodable frames`, mux.frames().some((f) => f === null));
  mux.raw.ws.terminate();
}

/** Every API route, every norr doc kind per socket, and the mux socket, with one token: all refused. */
async function refusedEverywhere(server: TestServer, label: string, token: string | undefined, witnessDeviceId: string, expected: Expected, wsCode: number): Promise<void> {
  for (const route of apiRoutes(witnessDeviceId)) await refusedHttp(server, label, route, token === undefined ? {} : { token }, expected);
  await Promise.all(
    norrDocs().map((doc) => refusedSocket(`${label}: /sync/${doc}`, syncUrl(server, doc, token === undefined ? {} : { token }), wsCode)),
  );
  await refusedMux(server, label, token, norrDocs(), wsCode);
}

function hasClient(doc: Y.Doc, clientId: number): boolean {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).has(clientId);
}

/** Opens `docName` fresh as `token` and says whether the server holds anything from `clientId` or the marker. */
async function serverHolds(server: TestServer, docName: string, token: string, clientId: number): Promise<boolean> {
  const fresh = connectProvider(server, docName, token);
  try {
    await waitSynced(fresh);
    return hasClient(fresh.doc, clientId) || fresh.doc.getMap('probe').has('marker');
  } finally {
    fresh.destroy();
  }
}


/** NDJSON audit export as rows. */
async function auditRows(server: TestServer, adminToken: string): Promise<Array<Record<string, unknown>>> {
  const reply = await http(server, 'GET', '/api/audit/export', { token: adminToken });
  expect(reply.status).toBe(200);
  return reply.text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function expectServing(server: TestServer, label: string): Promise<void> {
  const alive = server.alive();
  const health = alive ? (await http(server, 'GET', '/healthz')).status : 0;
  record(`${label}: the server stopped serving`, !alive || health !== 200, `alive ${alive}, healthz ${health}`);
  expect(alive).toBe(true);
  expect(health).toBe(200);
}

/** No token or refresh token handed out may appear in the server's output, although socket URLs carry them. */
function checkLogs(server: TestServer, label: string): void {
  const out = server.output();
  expect(out.length).toBeGreaterThan(0);
  for (const secret of issuedSecrets) {
    const leaked = out.includes(secret) || (secret.includes('.') && out.includes(jwtParts(secret).signature));
    record(`${label}: a token in the server's log`, leaked, `${secret.slice(0, 12)}…`);
  }
  record(`${label}: a token parameter in the server's log`, /token=/.test(out));
  record(`${label}: a password in the server's log`, out.includes('wrong-password') || out.includes('"demo"'));
}

// --- Servers --------------------------------------------------------------------------

let main: TestServer;
let expiring: TestServer;
let bruteForce: TestServer;
let limited: TestServer;
let expiredSessions: LoginResponse[] = [];

beforeAll(async () => {
  [main, expiring, bruteForce, limited] = await Promise.all([
    // The general limits are probed on servers of their own, so that hundreds of probes here are not throttled.
    startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1000000', LOGIN_MAX_FAILURES_PER_ADDRESS: '10000' } }),
    // The shortest token lifetime the config allows: 0.001 h = 3.6 s.
    startTestServer({ env: { TOKEN_TTL_HOURS: '0.001', RATE_LIMIT_PER_MINUTE: '1000000' } }),
    startTestServer(),
    startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '20' } }),
  ]);
  // Signed in now, expired by the time their tests run.
  expiredSessions = await Promise.all(['planerare-norr', 'admin'].map((u) => signIn(expiring, u)));
}, 120_000);

afterAll(async () => {
  await Promise.all([stopServer(main), stopServer(expiring), stopServer(bruteForce), stopServer(limited)]);
});

// --- Main server ----------------------------------------------------------------------

describe('authentication, permissions and hostile input (one server)', () => {
  let anna: LoginResponse;
  let cecilia: LoginResponse;
  let plannerNorr: LoginResponse;
  let plannerSoder: LoginResponse;
  let admin: LoginResponse;
  /** A session no probe may end: its device is the target of the admin routes probed. */
  let witness: LoginResponse;

  beforeAll(async () => {
    [anna, cecilia, plannerNorr, plannerSoder, admin, witness] = await Promise.all([
      signIn(main, 'anna'),
      signIn(main, 'cecilia'),
      signIn(main, 'planerare-norr'),
      signIn(main, 'planerare-soder'),
      signIn(main, 'admin'),
      signIn(main, 'goran'),
    ]);
  });

  /** None of the refused admin calls took effect: kalle is not revoked, the witness's device and session still work, no probe event was recorded. */
  async function expectNoEffects(label: string): Promise<void> {
    const users = await http(main, 'GET', '/api/admin/users', { token: admin.token });
    expect(users.status).toBe(200);
    const kalle = (users.json as { users: Array<{ id: string; revokedAt: string | null }> }).users.find((u) => u.id === 'kalle');
    record(`${label}: kalle revoked by a refused request`, kalle?.revokedAt !== null);
    const witnessMe = await http(main, 'GET', '/api/me', { token: witness.token });
    record(`${label}: the witness's device revoked or session ended by a refused request`, witnessMe.status !== 200, String(witnessMe.status));
    const adminMe = await http(main, 'GET', '/api/me', { token: admin.token });
    record(`${label}: the admin signed out by a refused request`, adminMe.status !== 200, String(adminMe.status));
    const rows = await auditRows(main, admin.token);
    record(`${label}: an audit event uploaded by a refused request`, rows.some((r) => String(r.event_id).endsWith('/probe-unauthorised')));
  }

  it('refuses every route and doc without a token (401 invalid_token, socket 4401)', async () => {
    const invalid = { status: 401, code: 'invalid_token' };
    await refusedEverywhere(main, 'no token', undefined, witness.deviceId, invalid, CLOSE_CODES.unauthorized);
    await refusedEverywhere(main, 'empty token', '', witness.deviceId, invalid, CLOSE_CODES.unauthorized);
    // The API takes the token from the Authorization header only: one in the query string, or another scheme, is no token.
    for (const route of apiRoutes(witness.deviceId).slice(0, 4)) {
      const sep = route.path.includes('?') ? '&' : '?';
      await refusedHttp(main, 'token in the query string', { ...route, path: `${route.path}${sep}token=${encodeURIComponent(admin.token)}` }, {}, invalid);
      await refusedHttp(main, 'Basic instead of Bearer', route, { headers: { authorization: `Basic ${Buffer.from('admin:demo').toString('base64')}` } }, invalid);
    }
    await expectNoEffects('no token');
  });

  it('refuses forged, tampered and junk tokens everywhere', async () => {
    const invalid = { status: 401, code: 'invalid_token' };
    const variants: Array<[string, string]> = [
      ...(await forgedTokens(plannerNorr.token, anna.token)).map(([l, t]): [string, string] => [`scheduler's token ${l}`, t]),
      ...(await forgedTokens(admin.token, anna.token)).map(([l, t]): [string, string] => [`admin's token ${l}`, t]),
      ...(await forgedTokens(anna.token, admin.token)).map(([l, t]): [string, string] => [`caregiver's token ${l}`, t]),
      ...JUNK_TOKENS,
    ];
    for (const [label, token] of variants) await refusedEverywhere(main, label, token, witness.deviceId, invalid, CLOSE_CODES.unauthorized);
    await expectNoEffects('forged tokens');
    await expectServing(main, 'forged tokens');
  });

  it("refuses another team's users norr's routes and docs, and other roles the admin and team-lead routes", async () => {
    const d = today();
    const from = addDays(d, -7);
    const forbidden = { status: 403 };
    const teamData: Route[] = [
      { method: 'GET', path: `/api/days/norr/${d}` },
      { method: 'GET', path: `/api/brukare/norr-b01/journal?from=${from}&to=${d}` },
      { method: 'GET', path: '/api/teams/norr/staff' },
      { method: 'GET', path: `/api/teams/norr/delivered.csv?from=${from}&to=${d}` },
    ];
    const teamLead: Route = { method: 'GET', path: '/api/audit/brukare/norr-b01' };
    const adminOnly = apiRoutes(witness.deviceId).filter((r) => r.path.startsWith('/api/admin') || r.path === '/api/audit/export' || r.path === '/api/audit/verify');
    const cases: Array<[string, LoginResponse, Route[]]> = [
      ['cecilia (söder caregiver)', cecilia, [...teamData, teamLead, ...adminOnly]],
      ['planerare-soder', plannerSoder, [...teamData, teamLead, ...adminOnly]],
      ['admin (no team)', admin, teamData],
      ['anna (norr caregiver)', anna, [teamData[3]!, teamLead, ...adminOnly]],
      ['planerare-norr', plannerNorr, adminOnly],
    ];
    for (const [label, session, routes] of cases) {
      for (const route of routes) await refusedHttp(main, label, route, { token: session.token }, forbidden);
    }
    // Their own doc lists hold nothing of norr.
    for (const [label, session] of [['cecilia', cecilia], ['planerare-soder', plannerSoder]] as const) {
      const docs = await http(main, 'GET', '/api/docs', { token: session.token });
      expect(docs.status).toBe(200);
      const names = (docs.json as { docs: string[] }).docs;
      expect(names.length).toBeGreaterThan(0);
      record(`${label}: /api/docs lists norr docs`, names.some((n) => n.includes('norr')));
    }
    // The socket: every norr doc kind, per-doc and multiplexed; anna the other way round.
    const soderDocs = [planDocName('soder', d), execDocName('soder', d), brukareDocName('soder-b01'), journalDocName('soder-b01', monthOf(d)), phrasesDocName('soder')];
    const socketCases: Array<[string, LoginResponse, string[]]> = [
      ['cecilia', cecilia, norrDocs()],
      ['planerare-soder', plannerSoder, norrDocs()],
      ['admin', admin, norrDocs()],
      ['anna', anna, soderDocs],
      ['planerare-norr, unknown recipient', plannerNorr, [brukareDocName('norr-b99'), journalDocName('norr-b99', monthOf(d))]],
    ];
    for (const [label, session, docs] of socketCases) {
      await Promise.all(docs.map((doc) => refusedSocket(`${label}: /sync/${doc}`, syncUrl(main, doc, { token: session.token }), CLOSE_CODES.forbidden)));
      await refusedChannels(main, label, session.token, docs);
    }
    // A message for a channel that was never opened (or was refused) is dropped.
    const mux = muxClient(rawConnect(muxUrl(main, anna.token)));
    expect(await mux.raw.opened).toBe(true);
    const stranger = new Y.Doc();
    stranger.getMap('probe').set('marker', MARKER);
    mux.send(planDocName('soder', d), syncUpdateMessage(Y.encodeStateAsUpdate(stranger)));
    mux.send(planDocName('soder', d), syncStep1Message(new Y.Doc()));
    await delay(300);
    record('anna: a message on a mux channel never opened was answered', mux.raw.messages.length > 0);
    mux.raw.ws.terminate();
    record("anna's update on an unopened soder channel reached the server", await serverHolds(main, planDocName('soder', d), plannerSoder.token, stranger.clientID));
  });

  it("a caregiver's writes to the plan and to a care plan never reach the server", async () => {
    const d = today();
    const refusals = (docName: string) => main.output().split('\n').filter((l) => l.includes('"write_refused"') && l.includes(`"${docName}"`)).length;
    const clients: ProviderClient[] = [];
    try {
      for (const docName of [planDocName('norr', d), brukareDocName('norr-b02')]) {
        const planner = connectProvider(main, docName, plannerNorr.token);
        const annaClient = connectProvider(main, docName, anna.token, { ack: true });
        clients.push(planner, annaClient);
        await Promise.all([waitSynced(planner), waitSynced(annaClient)]);
        const before = refusals(docName);
        localChange(annaClient, (doc) => {
          if (docName.startsWith('plan:')) {
            const visit = readPlannedVisits(doc).items[0];
            if (!visit) throw new Error('no planned visit today');
            writePlannedVisit(doc, { ...visit, assignedStaffIds: ['anna'], insatser: visit.insatser.map((i) => ({ ...i, title: MARKER })) });
          } else {
            const brukare = readBrukare(doc);
            if (!brukare.ok) throw new Error(brukare.error);
            writeBrukare(doc, { ...brukare.value, keyInfo: MARKER });
          }
          doc.getMap('probe').set('marker', MARKER);
        });
        const annaId = annaClient.doc.clientID;
        // Refused (logged), or applied and passed on: whichever comes first.
        await waitFor(() => refusals(docName) > before || hasClient(planner.doc, annaId), `the server to refuse anna's write to ${docName}`);
        await delay(300);
        record(`anna's write to ${docName}: reached a connected scheduler`, hasClient(planner.doc, annaId) || planner.doc.getMap('probe').has('marker'));
        // Reconnecting, the stock client sends its whole state again: refused again.
        annaClient.provider.disconnect();
        annaClient.provider.connect();
        await waitSynced(annaClient);
        await waitFor(() => refusals(docName) > before + 1, `the server to refuse anna's write to ${docName} after she reconnected`, 3_000).catch(() => undefined);
        await delay(200);
        record(`anna's write to ${docName}: reached a connected scheduler after she reconnected`, hasClient(planner.doc, annaId));
        record(`anna's write to ${docName}: held by the server after she reconnected`, await serverHolds(main, docName, plannerNorr.token, annaId));
      }
      const day = await http(main, 'GET', `/api/days/norr/${d}`, { token: plannerNorr.token });
      expect(day.status).toBe(200);
      record("anna's write to the plan: served by the API", day.text.includes(MARKER));

      // The same writes by hand: as an update and as a sync step 2, per-doc and multiplexed.
      for (const docName of [planDocName('norr', d), brukareDocName('norr-b03')]) {
        for (const [how, subType] of [['update', 2], ['sync step 2', SYNC_STEP_2]] as const) {
          const doc = new Y.Doc();
          doc.getMap('probe').set('marker', MARKER);
          const message = syncMessage(subType, Y.encodeStateAsUpdate(doc));
          const raw = rawConnect(syncUrl(main, docName, { token: anna.token }));
          expect(await raw.opened).toBe(true);
          await waitFor(() => raw.messages.length > 0, 'sync step 1 from the server');
          const before = refusals(docName);
          raw.send(message);
          await waitFor(() => refusals(docName) > before, `the refusal of a raw ${how}`, 3_000).catch(() => undefined);
          raw.close();
          record(`anna's raw ${how} to /sync/${docName}: held by the server`, await serverHolds(main, docName, plannerNorr.token, doc.clientID));

          const other = new Y.Doc();
          other.getMap('probe').set('marker', MARKER);
          const mux = muxClient(rawConnect(muxUrl(main, anna.token)));
          expect(await mux.raw.opened).toBe(true);
          mux.open(docName);
          await waitFor(() => mux.framesFor(docName).length >= 2, 'the channel to open');
          const beforeMux = refusals(docName);
          mux.send(docName, syncMessage(subType, Y.encodeStateAsUpdate(other)));
          await waitFor(() => refusals(docName) > beforeMux, `the refusal of a multiplexed ${how}`, 3_000).catch(() => undefined);
          mux.raw.ws.terminate();
          record(`anna's multiplexed ${how} to ${docName}: held by the server`, await serverHolds(main, docName, plannerNorr.token, other.clientID));
        }
      }
    } finally {
      for (const c of clients) c.destroy();
    }
  });

  it('a revoked device: its open sockets close at once with 4410; API 401 revoked, sockets 4410, refresh refused', async () => {
    const bo = await signIn(main, 'bo');
    const exec = execDocName('norr', today());
    const provider = connectProvider(main, exec, bo.token);
    const mux = muxClient(rawConnect(muxUrl(main, bo.token)));
    try {
      await waitSynced(provider);
      expect(await mux.raw.opened).toBe(true);
      mux.open(exec);
      await waitFor(() => mux.framesFor(exec).length >= 2, 'the mux channel to open');
      const revoked = await http(main, 'POST', `/api/admin/devices/${bo.deviceId}/revoke`, { token: admin.token });
      expect(revoked.status).toBe(200);
      expect(revoked.json).toEqual({ changed: true });
      const muxClosed = await closedWithin(mux.raw, 2_000).catch(() => undefined);
      await waitFor(() => provider.closeCodes.length > 0, 'the provider socket to close', 2_000).catch(() => undefined);
      record('revoked device: its open mux socket stayed open', muxClosed?.code !== CLOSE_CODES.revoked, String(muxClosed?.code));
      record('revoked device: its open per-doc socket stayed open', provider.closeCodes[0] !== CLOSE_CODES.revoked, provider.closeCodes.join(','));
      await refusedEverywhere(main, 'revoked device', bo.token, witness.deviceId, { status: 401, code: 'revoked' }, CLOSE_CODES.revoked);
      await refusedHttp(main, 'revoked device: refresh', { method: 'POST', path: '/api/session/refresh', body: JSON.stringify({ refreshToken: bo.refreshToken }) }, {}, { status: 401, code: 'revoked' });
      // Signing in again on that device gives it a new identity; the revoked one stays revoked.
      const again = await signIn(main, 'bo', { deviceId: bo.deviceId });
      expect(again.deviceId).not.toBe(bo.deviceId);
      const devices = await http(main, 'GET', '/api/admin/devices', { token: admin.token });
      const listed = (devices.json as { devices: Array<{ id: string; revokedAt: string | null }> }).devices.find((x) => x.id === bo.deviceId);
      expect(listed?.revokedAt).not.toBeNull();
    } finally {
      provider.destroy();
      mux.raw.ws.terminate();
    }
  });

  it('a revoked user: every session ends at once (4410), sign-in 403 revoked; restored, old sessions stay dead', async () => {
    const first = await signIn(main, 'dalia');
    const second = await signIn(main, 'dalia');
    expect(second.deviceId).not.toBe(first.deviceId);
    const exec = execDocName('norr', today());
    const provider = connectProvider(main, exec, first.token);
    const mux = muxClient(rawConnect(muxUrl(main, second.token)));
    try {
      await waitSynced(provider);
      expect(await mux.raw.opened).toBe(true);
      mux.open(exec);
      await waitFor(() => mux.framesFor(exec).length >= 2, 'the mux channel to open');
      const revoked = await http(main, 'POST', '/api/admin/users/dalia/revoke', { token: admin.token });
      expect(revoked.json).toEqual({ changed: true });
      const muxClosed = await closedWithin(mux.raw, 2_000).catch(() => undefined);
      await waitFor(() => provider.closeCodes.length > 0, 'the provider socket to close', 2_000).catch(() => undefined);
      record('revoked user: open mux socket of her second device stayed open', muxClosed?.code !== CLOSE_CODES.revoked, String(muxClosed?.code));
      record('revoked user: open per-doc socket of her first device stayed open', provider.closeCodes[0] !== CLOSE_CODES.revoked, provider.closeCodes.join(','));
      for (const [label, session] of [['revoked user, first device', first], ['revoked user, second device', second]] as const) {
        await refusedEverywhere(main, label, session.token, witness.deviceId, { status: 401, code: 'revoked' }, CLOSE_CODES.revoked);
        await refusedHttp(main, `${label}: refresh`, { method: 'POST', path: '/api/session/refresh', body: JSON.stringify({ refreshToken: session.refreshToken }) }, {}, { status: 401, code: 'revoked' });
      }
      const login = { method: 'POST' as const, path: '/api/login', body: JSON.stringify({ username: 'dalia', password: 'demo' }) };
      await refusedHttp(main, 'revoked user, right password', login, {}, { status: 403, code: 'revoked' });
      await refusedHttp(main, 'revoked user, right password, known device', { ...login, body: JSON.stringify({ username: 'dalia', password: 'demo', deviceId: first.deviceId }) }, {}, { status: 403, code: 'revoked' });

      const restored = await http(main, 'POST', '/api/admin/users/dalia/restore', { token: admin.token });
      expect(restored.json).toEqual({ changed: true });
      const back = await signIn(main, 'dalia');
      expect((await http(main, 'GET', '/api/me', { token: back.token })).status).toBe(200);
      await refusedHttp(main, 'restored user, old session', { method: 'GET', path: '/api/me' }, { token: first.token }, { status: 401, code: 'revoked' });
      await refusedSocket(`restored user, old session: /sync/${exec}`, syncUrl(main, exec, { token: first.token }), CLOSE_CODES.revoked);
      await refusedHttp(main, 'restored user, old session: refresh', { method: 'POST', path: '/api/session/refresh', body: JSON.stringify({ refreshToken: second.refreshToken }) }, {}, { status: 401, code: 'revoked' });
      // An admin cannot lock themselves out.
      expect((await http(main, 'POST', '/api/admin/users/admin/revoke', { token: admin.token })).status).toBe(400);
    } finally {
      provider.destroy();
      mux.raw.ws.terminate();
    }
  });

  it('a signed-out session: its sockets close with 4401; API 401 session_ended, refresh refused', async () => {
    const erik = await signIn(main, 'erik');
    const provider = connectProvider(main, execDocName('norr', today()), erik.token);
    try {
      await waitSynced(provider);
      expect((await http(main, 'POST', '/api/logout', { token: erik.token })).status).toBe(204);
      await waitFor(() => provider.closeCodes.length > 0, 'the socket to close', 2_000).catch(() => undefined);
      record('signed out: the open socket stayed open', provider.closeCodes[0] !== CLOSE_CODES.unauthorized, provider.closeCodes.join(','));
      await refusedEverywhere(main, 'signed out', erik.token, witness.deviceId, { status: 401, code: 'session_ended' }, CLOSE_CODES.unauthorized);
      await refusedHttp(main, 'signed out: refresh', { method: 'POST', path: '/api/session/refresh', body: JSON.stringify({ refreshToken: erik.refreshToken }) }, {}, { status: 401, code: 'session_ended' });
    } finally {
      provider.destroy();
    }
  });

  it('names with path traversal and SQL in them crash nothing, leak nothing, and the users table survives', async () => {
    const d = today();
    const usersBefore = (await http(main, 'GET', '/api/admin/users', { token: admin.token })).json as { users: unknown[] };
    const hostileDocNames = [
      '../../etc/passwd',
      '..\\..\\slinga.sqlite',
      "brukare:x'; DROP TABLE users;--",
      "brukare:norr-b01' OR '1'='1",
      `plan:norr:${d}'--`,
      `plan:norr' OR 1=1--:${d}`,
      'journal:norr-b01:2026-01\u0000',
      'brukare:norr-b01\u0000',
      'brukare:%',
      'brukare:_',
      `plan:..:${d}`,
      `exec:norr:${d}/../../soder`,
      'b'.repeat(5000),
    ];
    for (const name of hostileDocNames) {
      await refusedSocket(`hostile doc name ${JSON.stringify(name.slice(0, 40))}`, syncUrl(main, encodeURIComponent(name), { token: plannerNorr.token }), CLOSE_CODES.forbidden);
    }
    // A name that is not even valid percent-encoding.
    await refusedSocket('doc name with broken percent-encoding', `${main.wsUrl}/%E0%A4%A?token=${encodeURIComponent(plannerNorr.token)}`, CLOSE_CODES.forbidden);
    // The same names as mux channels (those that fit a frame); and frames whose name bytes lie.
    await refusedChannels(main, 'hostile mux names', plannerNorr.token, hostileDocNames.filter((n) => n.length <= 120 && /^[\x20-\x7e]*$/.test(n)));
    for (const [label, frame] of [
      ['a name with control bytes', Uint8Array.from([0, 5, 0x62, 0x00, 0x0a, 0x2e, 0x2e])],
      ['a name with non-ASCII bytes', Uint8Array.from([0, 4, 0xc3, 0xa5, 0xc3, 0xa4])],
      ['a name length past the frame', Uint8Array.from([0, 90, 0x61, 0x62])],
      ['a zero-length name', Uint8Array.from([0, 0])],
    ] as const) {
      const raw = rawConnect(muxUrl(main, plannerNorr.token));
      expect(await raw.opened).toBe(true);
      raw.send(frame);
      const closed = await closedWithin(raw, REFUSAL_TIMEOUT_MS).catch(() => undefined);
      if (!closed) raw.ws.terminate();
      record(`mux frame with ${label}`, raw.messages.length > 0, `${raw.messages.length} frames`);
      expect.soft(closed?.code, `mux frame with ${label}`).toBe(CLOSE_CODES.malformedMessage);
    }

    const from = addDays(d, -7);
    const bad = { status: 400 };
    const hostileRoutes: Array<[string, Route, string, Expected | { status: number[] }]> = [
      ['journal of ../..', { method: 'GET', path: `/api/brukare/..%2F..%2F/journal?from=${from}&to=${d}` }, plannerNorr.token, { status: [400, 404] }],
      ['journal with SQL', { method: 'GET', path: `/api/brukare/norr-b01'%20OR%20'1'%3D'1/journal?from=${from}&to=${d}` }, plannerNorr.token, bad],
      ['journal with SQL in the range', { method: 'GET', path: `/api/brukare/norr-b01/journal?from=${from}'--&to=${d}` }, plannerNorr.token, bad],
      ["day of norr'--", { method: 'GET', path: "/api/days/norr'--/2026-01-01" }, plannerNorr.token, bad],
      ['day with OR 1=1', { method: 'GET', path: `/api/days/norr%27%20OR%201%3D1--/${d}` }, plannerNorr.token, bad],
      ['day of ../soder', { method: 'GET', path: `/api/days/..%2Fsoder/${d}` }, plannerNorr.token, bad],
      ['day with SQL in the date', { method: 'GET', path: `/api/days/norr/${d}'%20OR%20'1'='1` }, plannerNorr.token, bad],
      ['staff with DROP TABLE', { method: 'GET', path: "/api/teams/norr'%3B%20DROP%20TABLE%20users%3B--/staff" }, plannerNorr.token, bad],
      ['delivered.csv of ../soder', { method: 'GET', path: `/api/teams/..%2Fsoder/delivered.csv?from=${from}&to=${d}` }, plannerNorr.token, bad],
      ['audit lookup with SQL', { method: 'GET', path: "/api/audit/brukare/x'%20OR%20'1'%3D'1" }, admin.token, bad],
      ['revoke a user named with DROP TABLE', { method: 'POST', path: "/api/admin/users/x'%3B%20DROP%20TABLE%20users%3B--/revoke" }, admin.token, bad],
      ['revoke every user by OR 1=1', { method: 'POST', path: "/api/admin/users/anna'%20OR%20'1'%3D'1/revoke" }, admin.token, bad],
      ['revoke a device named with DROP TABLE', { method: 'POST', path: "/api/admin/devices/dev-x'%3B%20DROP%20TABLE%20devices%3B--/revoke" }, admin.token, bad],
      ['revoke a device by LIKE', { method: 'POST', path: '/api/admin/devices/dev-%25%25%25%25%25%25%25%25%25%25%25%25%25%25%25%25/revoke' }, admin.token, bad],
      ['audit upload with SQL in the recipient', { method: 'POST', path: '/api/audit/events', body: auditUpload('probe-sql-00001', "x'); DROP TABLE audit_log;--") }, anna.token, bad],
      ['sign-in as admin\'--', { method: 'POST', path: '/api/login', body: JSON.stringify({ username: "admin'--", password: "x' OR '1'='1" }) }, '', { status: 401 }],
      ["sign-in as ' OR 1=1--", { method: 'POST', path: '/api/login', body: JSON.stringify({ username: "' OR 1=1--", password: 'demo' }) }, '', { status: 401 }],
      ['refresh with a LIKE pattern', { method: 'POST', path: '/api/session/refresh', body: JSON.stringify({ refreshToken: "' OR '1'='1' OR refresh_hash LIKE '%" }) }, '', { status: 401 }],
    ];
    for (const [label, route, token, expected] of hostileRoutes) {
      const reply = await http(main, route.method, route.path, { ...(token ? { token } : {}), ...(route.body ? { body: route.body } : {}) });
      record(`hostile route: ${label}`, reply.status < 400 || !onlyAnError(reply), `${reply.status} ${reply.text.slice(0, 120)}`);
      const statuses = Array.isArray(expected.status) ? expected.status : [expected.status];
      expect.soft(statuses, `hostile route: ${label}: ${reply.status} ${reply.text.slice(0, 200)}`).toContain(reply.status);
    }
    // Static files: nothing outside the app's folder, with the path sent exactly as written.
    for (const path of [
      '/../../../../etc/passwd',
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/%2e%2e%2fpackage.json',
      '/..%2f..%2fsync-server%2fsecret.ts',
      `/..%2f..%2f..%2f..%2f..%2f${encodeURIComponent(main.dataDir.slice(1))}%2fslinga.sqlite`,
      `/..%2f..%2f..%2f..%2f..%2f${encodeURIComponent(main.dataDir.slice(1))}%2fsecret.key`,
    ]) {
      const reply = await http(main, 'GET', path);
      const leaked = /root:.*:0:0:/.test(reply.text) || reply.text.includes('"better-sqlite3"') || reply.text.includes('SQLite format 3') || reply.text.includes('loadOrCreateSecret') || (reply.status === 200 && !reply.text.includes('<!doctype html') && !reply.text.includes('<!DOCTYPE html'));
      record(`static path ${path.slice(0, 60)}`, leaked, `${reply.status} ${reply.text.slice(0, 80)}`);
    }
    await expectServing(main, 'hostile names');
    // The users table and everything in it are still there: sign-in works, nobody was revoked.
    const fresh = await signIn(main, 'johanna');
    record('after SQL in names: sign-in fails', (await http(main, 'GET', '/api/me', { token: fresh.token })).status !== 200);
    const usersAfter = (await http(main, 'GET', '/api/admin/users', { token: admin.token })).json as { users: Array<{ id: string; revokedAt: string | null }> };
    record('after SQL in names: users lost', usersAfter.users.length !== usersBefore.users.length, `${usersBefore.users.length} → ${usersAfter.users.length}`);
    record('after SQL in names: a user revoked', usersAfter.users.some((u) => u.revokedAt !== null && u.id !== 'dalia'));
    const verify = await http(main, 'GET', '/api/audit/verify', { token: admin.token });
    expect(verify.json).toMatchObject({ ok: true });
  });

  it('oversized bodies get 413 and oversized socket messages close (4413, or 1009 past the socket limit) without being applied', async () => {
    const big = (bytes: number) => JSON.stringify({ username: 'anna', password: 'x'.repeat(bytes) });
    const bodies: Array<[string, Route, HttpOptions]> = [
      ['sign-in with 300 KB', { method: 'POST', path: '/api/login', body: big(300 * 1024) }, {}],
      ['sign-in with 300 KB, chunked', { method: 'POST', path: '/api/login', body: big(300 * 1024) }, { chunked: true }],
      ['refresh with 1 MB', { method: 'POST', path: '/api/session/refresh', body: JSON.stringify({ refreshToken: 'r'.repeat(1024 * 1024) }) }, {}],
      ['audit upload with 300 KB', { method: 'POST', path: '/api/audit/events', body: JSON.stringify({ events: [], pad: 'x'.repeat(300 * 1024) }) }, { token: anna.token }],
      ['audit upload with 300 KB, chunked', { method: 'POST', path: '/api/audit/events', body: JSON.stringify({ events: [], pad: 'x'.repeat(300 * 1024) }) }, { token: anna.token, chunked: true }],
    ];
    for (const [label, route, options] of bodies) await refusedHttp(main, label, route, options, { status: 413 });

    // A valid update too large to take, per-doc and multiplexed; and one past the socket's own cap.
    const date = addDays(today(), 3);
    const docName = execDocName('norr', date);
    const hugeUpdate = (mebibytes: number) => {
      const doc = new Y.Doc();
      doc.getMap('probe').set('marker', MARKER + 'x'.repeat(mebibytes * 1024 * 1024));
      return { clientId: doc.clientID, message: syncUpdateMessage(Y.encodeStateAsUpdate(doc)) };
    };
    for (const [mebibytes, codes] of [[3, [CLOSE_CODES.messageTooLarge]], [9, [1009, CLOSE_CODES.messageTooLarge]]] as const) {
      const { clientId, message } = hugeUpdate(mebibytes);
      const raw = rawConnect(syncUrl(main, docName, { token: anna.token }));
      expect(await raw.opened).toBe(true);
      await waitFor(() => raw.messages.length > 0, 'sync step 1');
      raw.send(message);
      const closed = await closedWithin(raw).catch(() => undefined);
      expect.soft(codes as readonly number[], `${mebibytes} MiB per-doc`).toContain(closed?.code);
      record(`${mebibytes} MiB update per-doc: held by the server`, await serverHolds(main, docName, anna.token, clientId));
    }
    const { clientId, message } = hugeUpdate(3);
    const mux = muxClient(rawConnect(muxUrl(main, anna.token)));
    expect(await mux.raw.opened).toBe(true);
    mux.open(docName);
    await waitFor(() => mux.framesFor(docName).length >= 2, 'the channel to open');
    mux.send(docName, message);
    await waitFor(() => mux.framesFor(docName).some((f) => f.kind === MUX_KIND.close) || mux.raw.closeInfo() !== undefined, 'the oversized channel to close').catch(() => undefined);
    const close = mux.framesFor(docName).find((f) => f.kind === MUX_KIND.close);
    expect.soft(close?.kind === MUX_KIND.close ? close.code : mux.raw.closeInfo()?.code, '3 MiB multiplexed').toBe(CLOSE_CODES.messageTooLarge);
    mux.raw.ws.terminate();
    record('3 MiB update multiplexed: held by the server', await serverHolds(main, docName, anna.token, clientId));
    await expectServing(main, 'oversized input');
  });

  it('a mux socket may not open more than 1000 docs: the 1001st channel is closed with 4429 and carries nothing', async () => {
    const names = Array.from({ length: 1001 }, (_, i) => planDocName('norr', addDays('2001-01-01', i)));
    const mux = muxClient(rawConnect(muxUrl(main, plannerNorr.token)));
    try {
      expect(await mux.raw.opened).toBe(true);
      for (const name of names) mux.open(name);
      const last = names[1000]!;
      await waitFor(() => mux.framesFor(last).length > 0 || mux.raw.closeInfo() !== undefined, 'an answer for the 1001st doc', 30_000);
      const frames = mux.framesFor(last);
      record('the 1001st doc on one connection', frames.some((f) => f.kind !== MUX_KIND.close), frames.map((f) => f.kind).join(','));
      expect(frames[0]?.kind === MUX_KIND.close ? frames[0].code : undefined).toBe(CLOSE_CODES.tooManyDocs);
      expect(mux.framesFor(names[999]!)[0]?.kind).toBe(MUX_KIND.open);
    } finally {
      mux.raw.ws.terminate();
    }
  });

  it('a socket that floods the server is closed with 1013; upgrades from another site get 403', async () => {
    const raw = rawConnect(syncUrl(main, execDocName('norr', today()), { token: anna.token }));
    expect(await raw.opened).toBe(true);
    const awareness = Uint8Array.from([1, 0]);
    for (let i = 0; i < 6_000 && raw.ws.readyState === WebSocket.OPEN; i++) raw.send(awareness);
    const closed = await closedWithin(raw).catch(() => undefined);
    record('6000 messages in a burst were all taken', closed?.code !== CLOSE_CODES.tryAgainLater, String(closed?.code));

    const perDoc = syncUrl(main, execDocName('norr', today()), { token: anna.token });
    for (const url of [perDoc, muxUrl(main, anna.token)]) {
      for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${main.port}.evil.example`]) {
        const result = await upgrade(url, { origin });
        record(`upgrade from ${origin} to ${url.includes('/sync?') ? '/sync' : '/sync/<doc>'}`, result === 'open', String(result));
        expect.soft(result).toBe(403);
      }
    }
  });

  it("never writes a token to the server's log", async () => {
    await expectServing(main, 'the end');
    checkLogs(main, 'main server');
  });
});

// --- Expired tokens -------------------------------------------------------------------

describe('expired tokens (TOKEN_TTL_HOURS=0.001)', () => {
  it('are refused by every route (401 invalid_token) and doc (4401); refreshing the session still works', async () => {
    const last = Math.max(...expiredSessions.map((s) => Date.parse(s.expiresAt)));
    await delay(Math.max(0, last - Date.now() + 1_100));
    const witness = await signIn(expiring, 'goran');
    for (const session of expiredSessions) {
      const who = session.user.id;
      await refusedEverywhere(expiring, `expired token of ${who}`, session.token, witness.deviceId, { status: 401, code: 'invalid_token' }, CLOSE_CODES.unauthorized);
      const forged = (await forgedTokens(session.token, witness.token)).filter(([label]) => label.includes('exp a day later'));
      for (const [label, token] of forged) await refusedEverywhere(expiring, `expired token of ${who}, ${label}`, token, witness.deviceId, { status: 401, code: 'invalid_token' }, CLOSE_CODES.unauthorized);
    }
    // The session outlives its access tokens: a refresh gives a working token.
    const planner = expiredSessions[0]!;
    const refreshed = await refresh(expiring, planner.refreshToken);
    expect(refreshed.status).toBe(200);
    const token = (refreshed.json as { token: string }).token;
    expect((await http(expiring, 'GET', `/api/days/norr/${today()}`, { token })).status).toBe(200);
    checkLogs(expiring, 'expiring server');
  });
});

// --- Brute force and the audit log ------------------------------------------------------

describe('brute-force sign-in (default limits) and a tampered audit log', () => {
  let admin: LoginResponse;
  let restarted: TestServer | undefined;
  const login = (username: string, password: string, localAddress?: string) =>
    http(bruteForce, 'POST', '/api/login', { body: JSON.stringify({ username, password }), ...(localAddress ? { localAddress } : {}) });

  beforeAll(async () => {
    admin = await signIn(bruteForce, 'admin');
  });

  afterAll(async () => {
    await stopServer(restarted);
  });

  it('locks an account after 5 wrong passwords, refuses the right one while locked, and records the lock-out', async () => {
    for (let i = 1; i <= 5; i++) {
      const reply = await login('anna', `wrong-password-${i}`);
      record(`wrong password #${i}`, reply.status < 400);
      expect.soft(reply.status).toBe(401);
    }
    const locked = await login('anna', 'wrong-password-6');
    record('wrong password #6', locked.status < 400);
    expect(locked.status).toBe(429);
    expect(locked.json).toMatchObject({ code: 'locked' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    for (const [label, address] of [['same address', undefined], ['another address', '127.0.0.2']] as const) {
      const right = await login('anna', 'demo', address);
      record(`right password while locked, ${label}`, right.status < 400, String(right.status));
      expect.soft(right.status).toBe(429);
    }
    // Other accounts from the same address are still served.
    expect((await login('bo', 'demo')).status).toBe(200);

    const rows = await auditRows(bruteForce, admin.token);
    const about = (action: string) => rows.filter((r) => r.action === action && r.subject_id === 'anna');
    expect(about('sign_in_failed')).toHaveLength(5);
    expect(about('sign_in_locked')).toHaveLength(1);
    expect(JSON.parse(String(about('sign_in_locked')[0]?.detail))).toMatchObject({ scope: 'account' });
    expect(about('sign_in_refused_locked').length).toBeGreaterThanOrEqual(3);
    const exported = rows.map((r) => JSON.stringify(r)).join('\n');
    record('a password in the audit log', exported.includes('wrong-password') || exported.includes('"demo"'));
    record('a client address in the audit log', exported.includes('127.0.0.'));
  });

  it('throttles unknown usernames, and a whole address after 20 failures', async () => {
    for (let i = 1; i <= 5; i++) expect.soft((await login('mallory', `wrong-password-${i}`)).status).toBe(401);
    const mallory = await login('mallory', 'wrong-password-6');
    expect(mallory.status).toBe(429);
    expect(mallory.json).toMatchObject({ code: 'locked' });
    // 10 failures so far from this address: 10 more usernames, once each.
    for (let i = 1; i <= 10; i++) expect.soft((await login(`user-${i}`, 'wrong-password')).status).toBe(401);
    const right = await login('bo', 'demo');
    record('right password from a locked address', right.status < 400, String(right.status));
    expect(right.status).toBe(429);
    expect(right.json).toMatchObject({ code: 'locked' });
    // Another address is served.
    expect((await login('bo', 'demo', '127.0.0.2')).status).toBe(200);
    const rows = await auditRows(bruteForce, admin.token);
    expect(rows.some((r) => r.action === 'sign_in_locked' && JSON.parse(String(r.detail)).scope === 'address')).toBe(true);
    checkLogs(bruteForce, 'brute-force server');
  });

  it('catches a tampered audit log: the CLI names the record and the server reports it', async () => {
    const rows = await auditRows(bruteForce, admin.token);
    const lockOut = rows.find((r) => r.action === 'sign_in_locked' && r.subject_id === 'anna');
    const seq = Number(lockOut?.seq);
    expect(seq).toBeGreaterThan(0);
    await stopServer(bruteForce, { keepData: true });
    const dataDir = bruteForce.dataDir;
    const verifyCli = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/audit/verify-cli.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir, SLINGA_SECRET: '' },
        encoding: 'utf8',
      });
    const intact = verifyCli();
    expect(intact.stdout).toMatch(/audit log intact: \d+ records/);
    expect(intact.status).toBe(0);

    const db = new Database(join(dataDir, 'slinga.sqlite'));
    try {
      // The triggers refuse it first; someone with the file drops them and hides the lock-out.
      let refused = false;
      try {
        db.prepare('UPDATE audit_log SET action = ? WHERE seq = ?').run('sign_in', seq);
      } catch (err) {
        refused = err instanceof Error && err.message.includes('append-only');
      }
      record('UPDATE of the audit log with its triggers in place', !refused);
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare("UPDATE audit_log SET action = 'sign_in', detail = '{}' WHERE seq = ?").run(seq);
    } finally {
      db.close();
    }
    const broken = verifyCli();
    record('tampered audit log passed the CLI', broken.status === 0, broken.stdout);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`BROKEN at record ${seq}`);

    restarted = await startTestServer({ dataDir });
    // The admin's session is in the same file: its token still works after the restart.
    const verify = await http(restarted, 'GET', '/api/audit/verify', { token: admin.token });
    expect(verify.status).toBe(200);
    record('tampered audit log passed /api/audit/verify', (verify.json as { ok: boolean }).ok !== false);
    expect(verify.json).toMatchObject({ ok: false, firstBrokenSeq: seq });
    checkLogs(restarted, 'restarted brute-force server');
  });
});

// --- Request rate ---------------------------------------------------------------------

describe('requests per address (RATE_LIMIT_PER_MINUTE=20)', () => {
  it('answers 429 past the limit, while other addresses, /healthz and the sync socket are still served', async () => {
    const anna = await signIn(limited, 'anna'); // request 1 of 20
    for (let n = 2; n <= 25; n++) {
      const reply = await http(limited, 'GET', '/api/me', { token: anna.token });
      if (n <= 20) {
        expect(reply.status, `request ${n}`).toBe(200);
      } else {
        record(`request ${n} of 20 a minute`, reply.status < 400, String(reply.status));
        expect.soft(reply.status).toBe(429);
        expect.soft(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    const login = await http(limited, 'POST', '/api/login', { body: JSON.stringify({ username: 'anna', password: 'demo' }) });
    record('sign-in past the limit', login.status < 400, String(login.status));
    const anonymous = await http(limited, 'GET', '/api/me');
    record('anonymous request past the limit', anonymous.status < 400, String(anonymous.status));
    expect.soft(anonymous.status).toBe(429);

    expect((await http(limited, 'GET', '/healthz')).status).toBe(200);
    expect((await http(limited, 'GET', '/api/me', { token: anna.token, localAddress: '127.0.0.2' })).status).toBe(200);
    const client = connectProvider(limited, execDocName('norr', today()), anna.token);
    try {
      await waitSynced(client);
    } finally {
      client.destroy();
    }
    await expectServing(limited, 'rate limit');
    checkLogs(limited, 'rate-limited server');
  });
});
