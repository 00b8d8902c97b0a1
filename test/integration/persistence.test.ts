// What the server acknowledged survives a hard kill, and what a tablet wrote
// while the server was down reaches the others once it is back.
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyVisitEvent,
  createDraft,
  execDocName,
  journalDocName,
  monthOf,
  readExecution,
  readJournalEntry,
  setTaskDone,
  signEntry,
  type Visit,
} from '../../domain';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import { connectProvider, getJson, localChange, stamp, stopServer, teamDay, today, waitFor, waitForAck, waitSynced, type ProviderClient } from './helpers';

const RECONNECT_MS = 15_000;

describe('persistence across server restarts', () => {
  let server: TestServer | undefined;
  const clients: ProviderClient[] = [];

  const connect = (docName: string, token: string, ack = false) => {
    if (!server) throw new Error('no server');
    const client = connectProvider(server, docName, token, { ack });
    clients.push(client);
    return client;
  };

  /** SIGKILL, then a new process on the same data directory and port. */
  async function killAndRestart(): Promise<TestServer> {
    if (!server) throw new Error('no server');
    const { dataDir, port } = server;
    await server.kill();
    expect(server.alive()).toBe(false);
    server = await startTestServer({ dataDir, port });
    return server;
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    const s = server;
    server = undefined;
    await stopServer(s);
  });

  it('an acknowledged change survives kill -9', async () => {
    server = await startTestServer();
    const { token: annaToken } = await login(server.url, 'anna');
    const date = today();
    const visit: Visit = (await teamDay(server, 'norr', date, annaToken)).visits.find((v) => v.assignedStaffIds.includes('anna'))!;
    const insats = visit.insatser[0]!;
    const checkIn = stamp('anna');
    const entryId = 'persist-probe-entry';
    const journalName = journalDocName(visit.brukareId, monthOf(date));

    const exec = connect(execDocName('norr', date), annaToken, true);
    const journal = connect(journalName, annaToken, true);
    await Promise.all([waitSynced(exec), waitSynced(journal)]);
    const execChange = localChange(exec, (doc) => {
      applyVisitEvent(doc, visit.id, { type: 'check_in' }, checkIn);
      setTaskDone(doc, visit.id, insats.id, true, checkIn);
    });
    const journalChange = localChange(journal, (doc) => {
      const created = createDraft(doc, {
        id: entryId,
        brukareId: visit.brukareId,
        authorId: 'anna',
        authorName: 'Anna Lindqvist',
        createdAt: checkIn.at,
        visitId: visit.id,
        text: 'Brukaren mådde bra och åt hela frukosten.',
      });
      expect(created).toEqual({ ok: true });
      expect(signEntry(doc, entryId, 'anna', checkIn.at)).toEqual({ ok: true });
    });
    await Promise.all([waitForAck(exec, execChange), waitForAck(journal, journalChange)]);

    // The tablets go away with their copies, so nothing can be re-sent after the restart.
    for (const c of clients.splice(0)) c.destroy();
    const restarted = await killAndRestart();
    expect((await getJson(restarted, '/healthz')).status).toBe(200);

    const { token: boToken } = await login(restarted.url, 'bo');
    const freshExec = connect(execDocName('norr', date), boToken);
    // The token issued before the kill is still valid (the secret is kept in DATA_DIR).
    const freshJournal = connect(journalName, annaToken);
    await Promise.all([waitSynced(freshExec), waitSynced(freshJournal)]);
    expect(readExecution(freshExec.doc, visit.id)).toEqual({
      visitId: visit.id,
      status: 'in_progress',
      checkIn,
      tasks: { [insats.id]: { done: true, staffId: 'anna', at: checkIn.at } },
    });
    expect(readJournalEntry(freshJournal.doc, entryId)).toMatchObject({ status: 'signed', text: 'Brukaren mådde bra och åt hela frukosten.', authorId: 'anna' });

    const day = await teamDay(restarted, 'norr', date, boToken);
    expect(day.visits.find((v) => v.id === visit.id)?.status).toBe('in_progress');
  });

  it('a change made while the server is down reaches the other tablet after the restart', async () => {
    server = await startTestServer();
    const date = today();
    const { token: annaToken } = await login(server.url, 'anna');
    const { token: boToken } = await login(server.url, 'bo');
    const [first, second] = (await teamDay(server, 'norr', date, annaToken)).visits;
    if (!first || !second) throw new Error('need two visits');
    const docName = execDocName('norr', date);
    const a = connect(docName, annaToken);
    const b = connect(docName, boToken);
    await Promise.all([waitSynced(a), waitSynced(b)]);

    const dataDir = server.dataDir;
    const port = server.port;
    await server.kill();
    await waitFor(() => !a.provider.wsconnected && !b.provider.wsconnected, 'both tablets to notice the server is gone');

    // Offline: anna checks in to one visit, bo ticks a task on another.
    const checkIn = stamp('anna');
    expect(applyVisitEvent(a.doc, first.id, { type: 'check_in' }, checkIn)).toEqual({ ok: true });
    const ticked = stamp('bo');
    setTaskDone(b.doc, second.id, second.insatser[0]!.id, true, ticked);
    expect(readExecution(b.doc, first.id)).toBeUndefined();

    server = await startTestServer({ dataDir, port });
    await waitFor(() => readExecution(b.doc, first.id)?.status === 'in_progress', "anna's offline check-in on bo's tablet", RECONNECT_MS);
    await waitFor(() => readExecution(a.doc, second.id)?.tasks[second.insatser[0]!.id]?.done === true, "bo's offline tick on anna's tablet", RECONNECT_MS);
    expect(readExecution(b.doc, first.id)?.checkIn).toEqual(checkIn);
    expect(readExecution(a.doc, second.id)?.tasks[second.insatser[0]!.id]).toEqual({ done: true, staffId: 'bo', at: ticked.at });

    // And the server holds both now.
    const day = await teamDay(server, 'norr', date, annaToken);
    expect(day.visits.find((v) => v.id === first.id)?.status).toBe('in_progress');
    expect(day.visits.find((v) => v.id === second.id)?.tasks[second.insatser[0]!.id]?.done).toBe(true);
  });

  it('a graceful stop with tablets connected exits promptly, and they resume against the restarted server', async () => {
    server = await startTestServer();
    const date = today();
    const { token: annaToken } = await login(server.url, 'anna');
    const { token: boToken } = await login(server.url, 'bo');
    const visit = (await teamDay(server, 'norr', date, annaToken)).visits[0]!;
    const docName = execDocName('norr', date);
    const a = connect(docName, annaToken, true);
    const b = connect(docName, boToken);
    await Promise.all([waitSynced(a), waitSynced(b)]);
    const checkIn = stamp('anna');
    await waitForAck(a, localChange(a, (doc) => applyVisitEvent(doc, visit.id, { type: 'check_in' }, checkIn)));

    const { dataDir, port } = server;
    const stopping = server;
    server = undefined;
    await stopServer(stopping, { keepData: true });
    // "Going away": a transient close, after which the tablets keep trying.
    await waitFor(() => a.closeCodes.length > 0 && b.closeCodes.length > 0, 'both tablets to see the close');
    expect(a.closeCodes[0]).toBe(1001);
    expect(b.closeCodes[0]).toBe(1001);

    server = await startTestServer({ dataDir, port });
    await Promise.all([waitSynced(a, 'anna to reconnect', RECONNECT_MS), waitSynced(b, 'bo to reconnect', RECONNECT_MS)]);
    // Bo, the second caregiver on the visit, checks in and out himself (each person's own times are kept).
    expect(applyVisitEvent(b.doc, visit.id, { type: 'check_in' }, stamp('bo'))).toEqual({ ok: true });
    const out = stamp('bo');
    expect(applyVisitEvent(b.doc, visit.id, { type: 'check_out' }, out)).toEqual({ ok: true });
    await waitFor(() => readExecution(a.doc, visit.id)?.status === 'done', "bo's check-out on anna's tablet");
    expect(readExecution(a.doc, visit.id)).toMatchObject({ checkIn, checkOut: out, status: 'done' });
  });
});
