// Hostile or broken input on the sync socket closes that one connection with a
// clear code and leaves the server serving everybody else; and the ack
// extension tells a client exactly when its change is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ACK_PARAM,
  addDays,
  CLOSE_CODES,
  MESSAGE_TYPE,
  applyVisitEvent,
  changeRangesOfUpdate,
  execDocName,
  isCovered,
  planDocName,
  readExecution,
  readExecutions,
  setTaskDone,
  type Visit,
} from '../../domain';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import {
  applySyncMessages,
  binaryMessages,
  closedWithin,
  connectProvider,
  decodeMessage,
  getJson,
  randomBytes,
  rawConnect,
  seededRandom,
  stamp,
  stopServer,
  syncMessage,
  syncStep1Message,
  syncUpdateMessage,
  syncUrl,
  teamDay,
  today,
  waitFor,
  waitSynced,
  type Closed,
  type RawClient,
} from './helpers';

const RANDOM_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const MUTATION_SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** A real update (a ticked task on a fresh doc), for truncating and corrupting. */
function sampleUpdate(): Uint8Array {
  const doc = new Y.Doc();
  setTaskDone(doc, 'norr-b01-2024-01-01-0700', 'norr-b01-i1', true, stamp('anna'));
  return Y.encodeStateAsUpdate(doc);
}

describe('robustness of the sync socket', () => {
  let server: TestServer;
  let annaToken: string;
  let visits: Visit[];
  const execName = () => execDocName('norr', today());

  beforeAll(async () => {
    server = await startTestServer();
    annaToken = (await login(server.url, 'anna')).token;
    visits = (await teamDay(server, 'norr', today(), annaToken)).visits;
  });

  afterAll(async () => {
    await stopServer(server);
  });

  /** Connects as anna, waits until the session is live (sync step 1 arrived), and sends `data`. */
  async function sendOnFreshConnection(data: Uint8Array | string, docName = execName()): Promise<RawClient> {
    const client = rawConnect(syncUrl(server, docName, { token: annaToken }));
    expect(await client.opened).toBe(true);
    await waitFor(() => client.messages.length > 0, 'the server to open the sync session');
    client.send(data);
    return client;
  }

  /**
   * After the input, asks for the doc: either the connection is closed, or the
   * server treated the input as a valid message and still answers.
   */
  async function outcome(client: RawClient): Promise<{ closed: Closed } | { answered: true }> {
    if (client.ws.readyState === client.ws.OPEN) client.send(syncStep1Message(new Y.Doc()));
    const answered = () =>
      binaryMessages(client).some((m) => {
        const d = decodeMessage(m);
        return d.type === 'sync' && d.subType === SYNC_STEP_2;
      });
    await waitFor(() => client.closeInfo() !== undefined || answered(), 'a close or an answer');
    const closed = client.closeInfo();
    if (closed) return { closed };
    client.close();
    return { answered: true };
  }

  async function expectServerHealthy(): Promise<void> {
    expect(server.alive()).toBe(true);
    expect((await getJson(server, '/healthz')).status).toBe(200);
  }

  const update = sampleUpdate();
  const malformed: Array<[string, () => Uint8Array | string]> = [
    ['an empty message', () => new Uint8Array(0)],
    ['a text frame', () => 'hello server'],
    ['an unknown message type', () => new Uint8Array([5, 1, 2, 3])],
    ['a server-only ack message', () => new Uint8Array([MESSAGE_TYPE.ack, 0])],
    ['an auth message', () => new Uint8Array([MESSAGE_TYPE.auth, 0])],
    ['a varint that never ends', () => new Uint8Array([0xff, 0xff, 0xff, 0xff])],
    ['a sync message without a sub type', () => new Uint8Array([MESSAGE_TYPE.sync])],
    ['a sync message with an unknown sub type', () => syncMessage(7, new Uint8Array([0, 0]))],
    ['a sync update without payload', () => new Uint8Array([MESSAGE_TYPE.sync, SYNC_UPDATE])],
    ['a sync update whose length is longer than the message', () => new Uint8Array([MESSAGE_TYPE.sync, SYNC_UPDATE, 50, 1, 2, 3])],
    ['a sync update truncated to half', () => syncUpdateMessage(update.slice(0, Math.floor(update.length / 2)))],
    ['a sync update missing its last byte', () => syncUpdateMessage(update.slice(0, update.length - 1))],
    ['a sync update of garbage', () => syncUpdateMessage(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02]))],
    ['a sync step 2 of garbage', () => syncMessage(SYNC_STEP_2, new Uint8Array([0x07, 0x80, 0x80, 0x01]))],
    ['a sync step 1 with a broken state vector', () => syncMessage(0, new Uint8Array([5, 1]))],
    ['an awareness message without payload', () => new Uint8Array([MESSAGE_TYPE.awareness])],
  ];

  it.each(malformed)('closes the connection with 4400 on %s', async (_label, data) => {
    const client = await sendOnFreshConnection(data());
    const result = await outcome(client);
    expect(result).toEqual({ closed: { code: CLOSE_CODES.malformedMessage, reason: 'malformed message' } });
    await expectServerHealthy();
  });

  it('closes with 4400 on a garbage update to a read-only doc too', async () => {
    const client = await sendOnFreshConnection(syncUpdateMessage(update.slice(0, update.length - 3)), planDocName('norr', today()));
    expect(await outcome(client)).toEqual({ closed: { code: CLOSE_CODES.malformedMessage, reason: 'malformed message' } });
    await expectServerHealthy();
  });

  it.each(RANDOM_SEEDS)('survives random bytes (seed %i): closes with 4400 or treats them as a valid message', async (seed) => {
    const rnd = seededRandom(seed);
    // Half the inputs start like a sync message, so that the decoder gets past the type byte.
    const body = randomBytes(rnd, 1 + Math.floor(rnd() * 400));
    const data = seed % 2 === 0 ? new Uint8Array([MESSAGE_TYPE.sync, Math.floor(rnd() * 3), ...body]) : body;
    const client = await sendOnFreshConnection(data);
    const result = await outcome(client);
    if ('closed' in result) expect(result.closed.code).toBe(CLOSE_CODES.malformedMessage);
    await expectServerHealthy();
  });

  it('survives corrupted copies of a valid update and still serves that day over HTTP', async () => {
    const date = addDays(today(), 2);
    const docName = execDocName('norr', date);
    const outcomes = { closed: 0, answered: 0 };
    for (const seed of MUTATION_SEEDS) {
      const rnd = seededRandom(seed);
      const mutated = update.slice();
      const flips = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < flips; k++) mutated[Math.floor(rnd() * mutated.length)] = Math.floor(rnd() * 256);
      const result = await outcome(await sendOnFreshConnection(syncUpdateMessage(mutated), docName));
      if ('closed' in result) {
        expect(result.closed.code, `seed ${seed}`).toBe(CLOSE_CODES.malformedMessage);
        outcomes.closed++;
      } else outcomes.answered++;
    }
    await expectServerHealthy();
    // Whatever Yjs accepted is stored; reading the day must still work.
    const day = await getJson(server, `/api/days/norr/${date}`, annaToken);
    expect(day.status).toBe(200);
    expect(outcomes.closed + outcomes.answered).toBe(MUTATION_SEEDS.length);
  });

  it.each([3, 9])('closes an oversized message (%i MiB) with 4413 or 1009', async (mebibytes) => {
    const big = new Uint8Array(mebibytes * 1024 * 1024);
    big.set(syncUpdateMessage(update).subarray(0, 8));
    const client = await sendOnFreshConnection(big);
    const closed = await closedWithin(client);
    expect([CLOSE_CODES.messageTooLarge, 1009]).toContain(closed.code);
    await expectServerHealthy();
  });

  it('after all of that, the doc is intact and a normal client still syncs', async () => {
    await expectServerHealthy();
    const a = connectProvider(server, execName(), annaToken);
    const b = connectProvider(server, execName(), (await login(server.url, 'bo')).token);
    try {
      await Promise.all([waitSynced(a), waitSynced(b)]);
      expect(readExecutions(a.doc).invalid).toEqual([]);
      const visit = visits[0]!;
      applyVisitEvent(a.doc, visit.id, { type: 'check_in' }, stamp('anna'));
      await waitFor(() => readExecution(b.doc, visit.id)?.status === 'in_progress', 'the check-in on the other client');
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('acks a raw client that asked with ?ack=1 once its update is stored, with a payload that covers it', async () => {
    const client = rawConnect(syncUrl(server, execName(), { token: annaToken, [ACK_PARAM]: '1' }));
    try {
      expect(await client.opened).toBe(true);
      const doc = new Y.Doc();
      client.send(syncStep1Message(doc));
      const decoded = () => binaryMessages(client).map(decodeMessage);
      await waitFor(() => decoded().some((d) => d.type === 'sync' && d.subType === SYNC_STEP_2), 'the doc from the server');
      await waitFor(() => decoded().some((d) => d.type === 'ack'), 'the ack sent on join');
      applySyncMessages(doc, binaryMessages(client));

      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin !== 'server') updates.push(u);
      });
      const visit = visits[1]!;
      setTaskDone(doc, visit.id, visit.insatser[0]!.id, true, stamp('anna'));
      expect(updates).toHaveLength(1);
      const change = changeRangesOfUpdate(updates[0]!);
      const acksBefore = decoded().filter((d) => d.type === 'ack');
      expect(acksBefore.some((d) => d.type === 'ack' && isCovered(change, d.state))).toBe(false);

      client.send(syncUpdateMessage(updates[0]!));
      await waitFor(() => decoded().filter((d) => d.type === 'ack').length > acksBefore.length, 'an ack after the update');
      const ack = decoded().filter((d) => d.type === 'ack').at(-1);
      expect(ack?.type).toBe('ack');
      if (ack?.type !== 'ack') return;
      expect(isCovered(change, ack.state)).toBe(true);
      expect(ack.state.sv.get(doc.clientID)).toBe(Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID));

      // Covered means stored: a fresh client sees it.
      const fresh = connectProvider(server, execName(), annaToken);
      try {
        await waitSynced(fresh);
        expect(readExecution(fresh.doc, visit.id)?.tasks[visit.insatser[0]!.id]?.done).toBe(true);
      } finally {
        fresh.destroy();
      }
    } finally {
      client.close();
    }
  });

  it('does not send acks to a raw client that did not ask', async () => {
    const client = rawConnect(syncUrl(server, execName(), { token: annaToken }));
    try {
      expect(await client.opened).toBe(true);
      const doc = new Y.Doc();
      client.send(syncStep1Message(doc));
      await waitFor(() => binaryMessages(client).some((m) => { const d = decodeMessage(m); return d.type === 'sync' && d.subType === SYNC_STEP_2; }), 'the doc from the server');
      applySyncMessages(doc, binaryMessages(client));
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin !== 'server') updates.push(u);
      });
      const visit = visits[2]!;
      setTaskDone(doc, visit.id, visit.insatser[0]!.id, true, stamp('anna'));
      client.send(syncUpdateMessage(updates[0]!));
      // The update is stored (another client sees it) but this one got no ack.
      const other = connectProvider(server, execName(), annaToken);
      try {
        await waitSynced(other);
        await waitFor(() => readExecution(other.doc, visit.id)?.tasks[visit.insatser[0]!.id]?.done === true, 'the update on another client');
      } finally {
        other.destroy();
      }
      expect(binaryMessages(client).map((m) => m[0])).not.toContain(MESSAGE_TYPE.ack);
    } finally {
      client.close();
    }
  });
});
