// Open sockets follow changes in the staff register (issue 7): a scheduler
// made a caregiver has her plan document closed with 1013 on both transports
// and, reopened, can no longer write it; moved to another team, she gets 4403
// for the old team's documents. The server re-checks every
// PERMISSION_RECHECK_SECONDS (0.2 here, 60 by default).
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACK_PARAM, MUX_KIND, StaffRegisterSchema, decodeMuxFrame, encodeMuxOpen, planDocName, readPlannedVisits, type StaffRegisterEntry } from '../../domain';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import { closedWithin, connectProvider, delay, getJson, rawConnect, stopServer, syncUrl, today, waitFor, waitSynced, type RawClient } from './helpers';

let server: TestServer;
let admin: string;
let planner: string;
const PLAN = () => planDocName('norr', today());

beforeAll(async () => {
  server = await startTestServer({ env: { PERMISSION_RECHECK_SECONDS: '0.2' } });
  admin = (await login(server.url, 'admin')).token;
  planner = (await login(server.url, 'planerare-norr')).token;
});

afterAll(async () => {
  await stopServer(server);
});

async function change(update: (entry: StaffRegisterEntry) => StaffRegisterEntry): Promise<void> {
  const register = StaffRegisterSchema.parse((await getJson(server, '/api/staff', admin)).body);
  const entry = register.staff.find((s) => s.id === 'planerare-norr');
  if (!entry) throw new Error('planerare-norr not in the register');
  const { id: _id, username: _username, ...fields } = update(entry);
  const res = await fetch(`${server.url}/api/staff/planerare-norr`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify(fields),
  });
  expect(res.status).toBe(200);
}

function muxCloseCode(raw: RawClient, docName: string): number | undefined {
  for (const m of raw.messages) {
    if (typeof m === 'string') continue;
    const frame = decodeMuxFrame(m);
    if (frame?.kind === MUX_KIND.close && frame.docName === docName) return frame.code;
  }
  return undefined;
}

function muxOpened(raw: RawClient, docName: string): boolean {
  return raw.messages.some((m) => typeof m !== 'string' && decodeMuxFrame(m)?.kind === MUX_KIND.open && decodeMuxFrame(m)?.docName === docName);
}

describe('open sockets follow the staff register', () => {
  it('a scheduler made caregiver: her plan doc is closed with 1013 and, reopened, read-only; moved team: 4403', async () => {
    const single = rawConnect(syncUrl(server, PLAN(), { token: planner }));
    expect(await single.opened).toBe(true);
    const mux = rawConnect(`${server.wsUrl}?${new URLSearchParams({ token: planner, [ACK_PARAM]: '1' })}`);
    expect(await mux.opened).toBe(true);
    mux.send(encodeMuxOpen(PLAN()));
    await waitFor(() => muxOpened(mux, PLAN()), 'the plan channel to open');

    await change((e) => ({ ...e, role: 'caregiver' }));
    expect((await closedWithin(single, 5_000)).code).toBe(1013);
    await waitFor(() => muxCloseCode(mux, PLAN()) !== undefined, 'the plan channel to close');
    expect(muxCloseCode(mux, PLAN())).toBe(1013);

    // Reopened with the access she has now: reading works, writing changes nothing on the server.
    const client = connectProvider(server, PLAN(), planner);
    await waitSynced(client);
    const before = readPlannedVisits(client.doc).items.length;
    client.doc.getMap('visits').set('not-allowed', new Y.Map());
    await delay(500);
    client.destroy();
    const anna = connectProvider(server, PLAN(), (await login(server.url, 'anna')).token);
    await waitSynced(anna);
    expect(anna.doc.getMap('visits').has('not-allowed')).toBe(false);
    expect(readPlannedVisits(anna.doc).items.length).toBe(before);
    anna.destroy();

    // Moved to another team: the old team's documents are refused on the open sockets.
    const again = rawConnect(syncUrl(server, PLAN(), { token: planner }));
    expect(await again.opened).toBe(true);
    mux.send(encodeMuxOpen(PLAN()));
    await waitFor(() => mux.messages.filter((m) => typeof m !== 'string' && decodeMuxFrame(m)?.kind === MUX_KIND.open).length >= 2, 'the plan channel to open again');
    const closesBefore = mux.messages.length;
    await change((e) => ({ ...e, teamIds: ['soder'] }));
    expect((await closedWithin(again, 5_000)).code).toBe(4403);
    await waitFor(() => muxCloseCode({ ...mux, messages: mux.messages.slice(closesBefore) }, PLAN()) === 4403, 'a 4403 for the old team’s plan');
    mux.close();
  });
});
