// Two caregivers on the same team-day converge through the real server, with
// stock y-websocket providers in Node. Each test works on its own visits.
import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_TYPE, applyVisitEvent, execDocName, isCovered, readExecution, readExecutions, setTaskDone, type Visit } from '../../domain';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import { connectProvider, localChange, stamp, stopServer, teamDay, today, waitFor, waitForAck, waitSynced, type ProviderClient } from './helpers';

const CONVERGE_MS = 5_000;

describe('sync between two caregivers', () => {
  let server: TestServer;
  let annaToken: string;
  let boToken: string;
  let pool: Visit[];
  const clients: ProviderClient[] = [];
  const docName = () => execDocName('norr', today());

  const connect = (token: string, ack: boolean) => {
    const client = connectProvider(server, docName(), token, { ack });
    clients.push(client);
    return client;
  };
  /** A visit no other test touches (with at least `insatser` planned insatser if there is one). */
  const takeVisit = (insatser = 1): Visit => {
    const index = Math.max(0, pool.findIndex((v) => v.insatser.length >= insatser));
    const [visit] = pool.splice(index, 1);
    if (!visit) throw new Error('ran out of visits for the tests');
    return visit;
  };

  beforeAll(async () => {
    server = await startTestServer();
    annaToken = (await login(server.url, 'anna')).token;
    boToken = (await login(server.url, 'bo')).token;
    pool = (await teamDay(server, 'norr', today(), annaToken)).visits;
    expect(pool.length).toBeGreaterThanOrEqual(6);
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });

  afterAll(async () => {
    await stopServer(server);
  });

  it('a check-in by anna reaches bo, and a ticked task by bo reaches anna', async () => {
    const anna = connect(annaToken, true);
    const bo = connect(boToken, true);
    await Promise.all([waitSynced(anna), waitSynced(bo)]);
    const visit = takeVisit();
    const insats = visit.insatser[0]!;
    expect(readExecution(bo.doc, visit.id)?.status ?? 'planned').toBe('planned');

    const checkIn = stamp('anna');
    expect(applyVisitEvent(anna.doc, visit.id, { type: 'check_in' }, checkIn)).toEqual({ ok: true });
    await waitFor(() => readExecution(bo.doc, visit.id)?.status === 'in_progress', "anna's check-in on bo's tablet", CONVERGE_MS);
    expect(readExecution(bo.doc, visit.id)?.checkIn).toEqual(checkIn);

    const done = stamp('bo');
    setTaskDone(bo.doc, visit.id, insats.id, true, done);
    await waitFor(() => readExecution(anna.doc, visit.id)?.tasks[insats.id]?.done === true, "bo's ticked task on anna's tablet", CONVERGE_MS);
    const onAnna = readExecution(anna.doc, visit.id);
    expect(onAnna?.status).toBe('in_progress');
    expect(onAnna?.checkIn).toEqual(checkIn);
    expect(onAnna?.tasks[insats.id]).toEqual({ done: true, staffId: 'bo', at: done.at });
    expect(readExecution(bo.doc, visit.id)).toEqual(onAnna);
  });

  it('concurrent edits of one visit on both tablets keep both sides and end identical', async () => {
    const anna = connect(annaToken, true);
    const bo = connect(boToken, true);
    await Promise.all([waitSynced(anna), waitSynced(bo)]);
    const visit = takeVisit(2);
    const first = visit.insatser[0]!;
    const second = visit.insatser[1] ?? first;

    // All written in the same tick: neither tablet has seen the other's change.
    applyVisitEvent(anna.doc, visit.id, { type: 'check_in' }, stamp('anna'));
    setTaskDone(anna.doc, visit.id, first.id, true, stamp('anna'));
    setTaskDone(bo.doc, visit.id, second.id, true, stamp('bo'));
    applyVisitEvent(bo.doc, visit.id, { type: 'check_in' }, stamp('bo'));

    await waitFor(
      () => {
        const a = readExecution(anna.doc, visit.id);
        return isDeepStrictEqual(a, readExecution(bo.doc, visit.id)) && a?.tasks[second.id]?.staffId === 'bo' && a?.tasks[first.id] !== undefined;
      },
      () => `both tablets to hold the same merged visit; anna has ${JSON.stringify(readExecution(anna.doc, visit.id))}, bo has ${JSON.stringify(readExecution(bo.doc, visit.id))}`,
      CONVERGE_MS,
    );
    const merged = readExecution(anna.doc, visit.id);
    expect(merged?.status).toBe('in_progress');
    expect(merged?.tasks[first.id]?.done).toBe(true);
    expect(merged?.tasks[second.id]?.done).toBe(true);
    expect(readExecutions(anna.doc).invalid).toEqual([]);
  });

  it('acknowledges a persisted change to a client that asked for acks', async () => {
    const anna = connect(annaToken, true);
    await waitSynced(anna);
    // The server acks on join, so the client learns what is already safe.
    await waitFor(() => anna.acks.length > 0, 'the ack sent on join');
    const visit = takeVisit();
    const change = localChange(anna, (doc) => setTaskDone(doc, visit.id, visit.insatser[0]!.id, true, stamp('anna')));
    expect(anna.acks.some((ack) => isCovered(change, ack))).toBe(false);
    await waitForAck(anna, change, CONVERGE_MS);
  });

  it('a stock provider with only a token (no ack) gets existing content, syncs both ways and never gets an ack message', async () => {
    const visit = takeVisit();
    // Something already on the server before the stock provider connects.
    const writer = connect(boToken, true);
    await waitSynced(writer);
    const checkIn = stamp('bo');
    await waitForAck(writer, localChange(writer, (doc) => applyVisitEvent(doc, visit.id, { type: 'check_in' }, checkIn)), CONVERGE_MS);
    writer.destroy();

    const stock = connect(annaToken, false);
    const other = connect(boToken, true);
    await Promise.all([waitSynced(stock), waitSynced(other)]);
    await waitFor(() => readExecution(stock.doc, visit.id)?.status === 'in_progress', 'the existing check-in on the stock provider', CONVERGE_MS);
    expect(readExecution(stock.doc, visit.id)?.checkIn).toEqual(checkIn);

    const cancelled = takeVisit();
    applyVisitEvent(stock.doc, cancelled.id, { type: 'cancel', reason: 'Brukaren är på sjukhus' }, stamp('anna'));
    await waitFor(() => readExecution(other.doc, cancelled.id)?.status === 'cancelled', "the stock provider's change on the other tablet", CONVERGE_MS);
    expect(readExecution(other.doc, cancelled.id)?.statusReason).toBe('Brukaren är på sjukhus');
    applyVisitEvent(other.doc, cancelled.id, { type: 'reopen' }, stamp('bo'));
    await waitFor(() => readExecution(stock.doc, cancelled.id)?.status === 'planned', 'the reopen on the stock provider', CONVERGE_MS);
    expect(readExecution(stock.doc, cancelled.id)?.statusReason).toBeUndefined();

    expect(stock.messageTypes).toContain(MESSAGE_TYPE.sync);
    expect(stock.messageTypes).not.toContain(MESSAGE_TYPE.ack);
    expect(other.messageTypes).toContain(MESSAGE_TYPE.ack);
  });

  it('what a tablet synced is what GET /api/days reports', async () => {
    const anna = connect(annaToken, true);
    await waitSynced(anna);
    const visit = takeVisit();
    const checkIn = stamp('anna');
    const change = localChange(anna, (doc) => {
      applyVisitEvent(doc, visit.id, { type: 'check_in' }, checkIn);
      setTaskDone(doc, visit.id, visit.insatser[0]!.id, true, checkIn);
    });
    await waitForAck(anna, change, CONVERGE_MS);
    const day = await teamDay(server, 'norr', today(), boToken);
    const seen = day.visits.find((v) => v.id === visit.id);
    expect(seen?.status).toBe('in_progress');
    expect(seen?.checkIn).toEqual(checkIn);
    expect(seen?.tasks[visit.insatser[0]!.id]).toEqual({ done: true, staffId: 'anna', at: checkIn.at });
  });
});
