// Caregivers read the plan and the recipients' records but may not change them:
// the server sends the content and drops any change they send back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { brukareDocName, isCovered, planDocName, readBrukare, readPlannedVisit, readPlannedVisits, writeBrukare, writePlannedVisit, type PlannedVisit } from '../../domain';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import { connectProvider, delay, localChange, stopServer, teamDay, today, waitFor, waitSynced, type ProviderClient } from './helpers';

const PROBE_TITLE = 'Ändrad på undersköterskans surfplatta';

describe('read-only documents for caregivers', () => {
  let server: TestServer;
  let annaToken: string;
  let plannerToken: string;
  const clients: ProviderClient[] = [];

  const connect = (docName: string, token: string) => {
    const client = connectProvider(server, docName, token, { ack: true });
    clients.push(client);
    return client;
  };

  /** The server logs a refused write once per connection; waiting for it means the change has been seen and dropped. */
  const refusalsLogged = (docName: string) =>
    server
      .output()
      .split('\n')
      .filter((line) => line.includes('"write_refused"') && line.includes(`"${docName}"`)).length;

  beforeAll(async () => {
    server = await startTestServer();
    annaToken = (await login(server.url, 'anna')).token;
    plannerToken = (await login(server.url, 'planerare-norr')).token;
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });

  afterAll(async () => {
    await stopServer(server);
  });

  it("anna receives today's plan but her edits to it never reach the server or anyone else", async () => {
    const docName = planDocName('norr', today());
    const planner = connect(docName, plannerToken);
    const anna = connect(docName, annaToken);
    await Promise.all([waitSynced(planner), waitSynced(anna)]);

    // She gets the existing plan, the same as the scheduler's.
    const plan = readPlannedVisits(anna.doc);
    expect(plan.items.length).toBeGreaterThan(0);
    expect(plan.items.some((v) => v.assignedStaffIds.includes('anna'))).toBe(true);
    expect(plan.items.length).toBe(readPlannedVisits(planner.doc).items.length);

    const original = plan.items.find((v) => !v.assignedStaffIds.includes('anna')) ?? plan.items[0]!;
    const edited: PlannedVisit = {
      ...original,
      assignedStaffIds: ['anna'],
      insatser: original.insatser.map((i, n) => (n === 0 ? { ...i, title: PROBE_TITLE } : i)),
    };
    const extra: PlannedVisit = { ...original, id: 'probe-visit-by-caregiver', assignedStaffIds: ['anna'] };
    const before = refusalsLogged(docName);
    const change = localChange(anna, (doc) => {
      writePlannedVisit(doc, edited);
      writePlannedVisit(doc, extra);
    });
    // Locally the edit is there (the stock client cannot know better)...
    expect(readPlannedVisit(anna.doc, original.id)?.insatser[0]?.title).toBe(PROBE_TITLE);

    // ...the server saw it and refused it...
    await waitFor(() => refusalsLogged(docName) > before, 'the server to refuse the write');
    // ...so no ack covers it, and the scheduler connected at the same time never gets it.
    await delay(300);
    expect(anna.acks.length).toBeGreaterThan(0);
    expect(anna.acks.some((ack) => isCovered(change, ack))).toBe(false);
    expect(readPlannedVisit(planner.doc, original.id)).toEqual(original);
    expect(readPlannedVisit(planner.doc, extra.id)).toBeUndefined();

    // A fresh client connecting afterwards gets the unchanged plan.
    const fresh = connect(docName, plannerToken);
    await waitSynced(fresh);
    expect(readPlannedVisit(fresh.doc, original.id)).toEqual(original);
    expect(readPlannedVisit(fresh.doc, extra.id)).toBeUndefined();
    expect(readPlannedVisits(fresh.doc).items.length).toBe(plan.items.length);

    // And so does the HTTP API.
    const day = await teamDay(server, 'norr', today(), plannerToken);
    const served = day.visits.find((v) => v.id === original.id);
    expect(served?.insatser[0]?.title).toBe(original.insatser[0]?.title);
    expect(served?.assignedStaffIds).toEqual(original.assignedStaffIds);
    expect(day.visits.some((v) => v.id === extra.id)).toBe(false);
    expect(JSON.stringify(day)).not.toContain(PROBE_TITLE);
  });

  it('the same edit by the scheduler is applied and reaches anna', async () => {
    const docName = planDocName('norr', today());
    const planner = connect(docName, plannerToken);
    const anna = connect(docName, annaToken);
    await Promise.all([waitSynced(planner), waitSynced(anna)]);
    const original = readPlannedVisits(planner.doc).items.find((v) => !v.assignedStaffIds.includes('anna'))!;
    const edited: PlannedVisit = { ...original, assignedStaffIds: ['anna'] };
    writePlannedVisit(planner.doc, edited);
    await waitFor(() => readPlannedVisit(anna.doc, original.id)?.assignedStaffIds[0] === 'anna', "the scheduler's change on anna's tablet");
    const day = await teamDay(server, 'norr', today(), annaToken);
    expect(day.visits.find((v) => v.id === original.id)?.assignedStaffIds).toEqual(['anna']);
  });

  it("anna reads a recipient's record but cannot change it", async () => {
    const docName = brukareDocName('norr-b01');
    const anna = connect(docName, annaToken);
    await waitSynced(anna);
    const brukare = readBrukare(anna.doc);
    if (!brukare.ok) throw new Error(`recipient did not sync: ${brukare.error}`);
    const before = refusalsLogged(docName);
    const change = localChange(anna, (doc) => writeBrukare(doc, { ...brukare.value, keyInfo: 'Nyckeln under mattan' }));
    await waitFor(() => refusalsLogged(docName) > before, 'the server to refuse the write');
    expect(anna.acks.some((ack) => isCovered(change, ack))).toBe(false);

    const planner = connect(docName, plannerToken);
    await waitSynced(planner);
    const seen = readBrukare(planner.doc);
    expect(seen.ok && seen.value).toEqual(brukare.value);
  });
});
