// The multiplexed sync socket (WS /sync?token=…&ack=1, frames in domain/mux.ts)
// against the real server process: first with a raw `ws` client speaking the
// frames by hand, then with the PWA's own client (pwa/sync/mux-socket.ts)
// under stock y-websocket providers, as the PWA runs it.
import * as decoding from 'lib0/decoding';
import WsWebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ACK_PARAM,
  CLOSE_CODES,
  MESSAGE_TYPE,
  MUX_KIND,
  brukareDocName,
  changeRangesOfUpdate,
  createDraft,
  decodeAckPayload,
  decodeMuxFrame,
  encodeMuxClose,
  encodeMuxMessage,
  encodeMuxOpen,
  execDocName,
  isCovered,
  journalDocName,
  monthOf,
  planDocName,
  readBrukare,
  readExecution,
  readJournalEntry,
  setTaskDone,
  type ChangeRanges,
  type MuxFrame,
  type ServerState,
  type Visit,
} from '../../domain';
import { MuxConnection } from '../../pwa/sync/mux-socket';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import {
  applySyncMessages,
  closedWithin,
  connectProvider,
  decodeMessage,
  delay,
  getJson,
  randomBytes,
  rawConnect,
  seededRandom,
  stamp,
  stopServer,
  syncStep1Message,
  syncUpdateMessage,
  teamDay,
  today,
  waitFor,
  waitSynced,
  type ProviderClient,
  type RawClient,
} from './helpers';

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const CONVERGE_MS = 5_000;

function muxUrl(server: TestServer, token: string, ack = true): string {
  const params = new URLSearchParams({ token });
  if (ack) params.set(ACK_PARAM, '1');
  return `${server.wsUrl}?${params.toString()}`;
}

/** A raw client of the mux socket: sends frames by hand, decodes every frame it receives. */
type MuxClient = {
  raw: RawClient;
  /** Every binary frame received, decoded, in order; an undecodable one fails the test. */
  frames(): MuxFrame[];
  framesFor(docName: string): MuxFrame[];
  /** The y-websocket messages received on one channel, in order. */
  bodiesFor(docName: string): Uint8Array[];
  open(docName: string): void;
  close(docName: string, code?: number, reason?: string): void;
  send(docName: string, message: Uint8Array): void;
};

function muxClient(raw: RawClient): MuxClient {
  const frames = (): MuxFrame[] =>
    raw.messages.map((m, i) => {
      if (typeof m === 'string') throw new Error(`message ${i} from the server is a text frame: ${m}`);
      const frame = decodeMuxFrame(m);
      if (!frame) throw new Error(`message ${i} from the server is not a mux frame: [${[...m.subarray(0, 32)].join(',')}]`);
      return frame;
    });
  const framesFor = (docName: string) => frames().filter((f) => f.docName === docName);
  return {
    raw,
    frames,
    framesFor,
    bodiesFor: (docName) => framesFor(docName).flatMap((f) => (f.kind === MUX_KIND.message ? [f.body] : [])),
    open: (docName) => raw.send(encodeMuxOpen(docName)),
    close: (docName, code = 1000, reason = 'closed by client') => raw.send(encodeMuxClose(docName, code, reason)),
    send: (docName, message) => raw.send(encodeMuxMessage(docName, message)),
  };
}

function syncSubTypes(bodies: Uint8Array[]): number[] {
  return bodies.flatMap((b) => {
    const d = decodeMessage(b);
    return d.type === 'sync' ? [d.subType] : [];
  });
}

function acksIn(bodies: Uint8Array[]): ServerState[] {
  return bodies.flatMap((b) => {
    const d = decodeMessage(b);
    return d.type === 'ack' ? [d.state] : [];
  });
}

function describeFrames(client: MuxClient): string {
  return JSON.stringify(
    client.frames().map((f) => (f.kind === MUX_KIND.message ? { kind: f.kind, docName: f.docName, type: f.body[0] } : f)),
  );
}

/** Waits until the channel has at least `count` sync messages of `subType`. */
async function waitForSync(client: MuxClient, docName: string, subType: number, count = 1): Promise<void> {
  await waitFor(
    () => syncSubTypes(client.bodiesFor(docName)).filter((t) => t === subType).length >= count,
    () => `sync message ${subType} #${count} on ${docName}; frames so far: ${describeFrames(client)}`,
  );
}

/**
 * Brings `doc` up to the server's state over an open channel: sends sync step 1
 * and applies what the server answers (its step 2 and any updates so far).
 */
async function pullChannel(client: MuxClient, docName: string, doc: Y.Doc): Promise<void> {
  const before = syncSubTypes(client.bodiesFor(docName)).filter((t) => t === SYNC_STEP_2).length;
  client.send(docName, syncStep1Message(doc));
  await waitForSync(client, docName, SYNC_STEP_2, before + 1);
  applySyncMessages(doc, client.bodiesFor(docName));
}

/** Runs `write` on `doc` and returns the update it produced. */
function captureUpdate(doc: Y.Doc, write: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array) => updates.push(u);
  doc.on('update', collect);
  try {
    write();
  } finally {
    doc.off('update', collect);
  }
  if (updates.length === 0) throw new Error('the write changed nothing');
  return Y.mergeUpdates(updates);
}

describe('multiplexed sync socket (WS /sync)', () => {
  let server: TestServer;
  let annaToken: string;
  let boToken: string;
  let pool: Visit[];
  const raws: RawClient[] = [];
  const execToday = () => execDocName('norr', today());

  const connectMux = async (token: string, ack = true): Promise<MuxClient> => {
    const raw = rawConnect(muxUrl(server, token, ack));
    raws.push(raw);
    expect(await raw.opened).toBe(true);
    return muxClient(raw);
  };

  /** Opens a channel and waits for the server's open frame and its sync step 1. */
  const openChannel = async (client: MuxClient, docName: string): Promise<void> => {
    client.open(docName);
    await waitForSync(client, docName, SYNC_STEP_1);
  };

  /** A visit (with at least one insats) that no other test touches. */
  const takeVisit = (): Visit => {
    const index = pool.findIndex((v) => v.insatser.length > 0);
    const [visit] = pool.splice(Math.max(0, index), 1);
    if (!visit?.insatser[0]) throw new Error('ran out of visits with insatser for the tests');
    return visit;
  };

  beforeAll(async () => {
    server = await startTestServer();
    annaToken = (await login(server.url, 'anna')).token;
    boToken = (await login(server.url, 'bo')).token;
    pool = (await teamDay(server, 'norr', today(), annaToken)).visits;
    expect(pool.length).toBeGreaterThanOrEqual(4);
  });

  afterEach(() => {
    for (const raw of raws.splice(0)) raw.ws.terminate();
  });

  afterAll(async () => {
    await stopServer(server);
  });

  it('opens two channels on one socket: each gets an open frame, then sync step 1 in message frames', async () => {
    const anna = await connectMux(annaToken);
    const exec = execToday();
    const brukare = brukareDocName('norr-b01');
    anna.open(exec);
    anna.open(brukare);
    await waitForSync(anna, exec, SYNC_STEP_1);
    await waitForSync(anna, brukare, SYNC_STEP_1);

    for (const docName of [exec, brukare]) {
      const [first, second] = anna.framesFor(docName);
      expect(first).toEqual({ kind: MUX_KIND.open, docName });
      expect(second?.kind).toBe(MUX_KIND.message);
      expect(second?.kind === MUX_KIND.message && decodeMessage(second.body)).toMatchObject({ type: 'sync', subType: SYNC_STEP_1 });
      // No ack before the client has asked for the server's content.
      expect(acksIn(anna.bodiesFor(docName))).toEqual([]);
    }
    expect(anna.frames().every((f) => f.kind !== MUX_KIND.close)).toBe(true);

    // Each channel carries its own document: the recipient's profile arrives on the brukare channel only.
    const brukareDoc = new Y.Doc();
    const execDoc = new Y.Doc();
    await pullChannel(anna, brukare, brukareDoc);
    await pullChannel(anna, exec, execDoc);
    // ack=1: after its step 2 the server says what it holds, so an acked doc is a synced doc.
    for (const docName of [exec, brukare]) {
      await waitFor(() => acksIn(anna.bodiesFor(docName)).length > 0, `the first ack on ${docName}`);
      const kinds = anna.bodiesFor(docName).map((b) => decodeMessage(b));
      const step2 = kinds.findIndex((d) => d.type === 'sync' && d.subType === SYNC_STEP_2);
      const ack = kinds.findIndex((d) => d.type === 'ack');
      expect(step2).toBeGreaterThan(-1);
      expect(ack).toBeGreaterThan(step2);
    }
    const profile = readBrukare(brukareDoc);
    expect(profile.ok && profile.value.id).toBe('norr-b01');
    expect(readBrukare(execDoc).ok).toBe(false);
    expect(anna.raw.ws.readyState).toBe(WsWebSocket.OPEN);
  });

  it("a change sent on one channel reaches bo's separate mux socket, and anna's channel gets the ack", async () => {
    const exec = execToday();
    const visit = takeVisit();
    const insats = visit.insatser[0]!;
    const journal = journalDocName(visit.brukareId, monthOf(today()));

    const anna = await connectMux(annaToken, true);
    const bo = await connectMux(boToken, false);
    await openChannel(anna, journal);
    await openChannel(anna, exec);
    await openChannel(bo, exec);
    const annaDoc = new Y.Doc();
    const boDoc = new Y.Doc();
    await pullChannel(anna, exec, annaDoc);
    await pullChannel(bo, exec, boDoc);
    expect(readExecution(boDoc, visit.id)?.tasks[insats.id]).toBeUndefined();

    const ticked = stamp('anna');
    const update = captureUpdate(annaDoc, () => setTaskDone(annaDoc, visit.id, insats.id, true, ticked));
    const change: ChangeRanges = changeRangesOfUpdate(update);
    anna.send(exec, syncUpdateMessage(update));

    await waitFor(() => syncSubTypes(bo.bodiesFor(exec)).includes(SYNC_UPDATE), () => `anna's update on bo's socket; frames: ${describeFrames(bo)}`, CONVERGE_MS);
    applySyncMessages(boDoc, bo.bodiesFor(exec));
    expect(readExecution(boDoc, visit.id)?.tasks[insats.id]).toEqual({ done: true, staffId: 'anna', at: ticked.at });

    await waitFor(() => acksIn(anna.bodiesFor(exec)).some((state) => isCovered(change, state)), 'an ack covering the change on the exec channel', CONVERGE_MS);
    // The ack came on the channel the change was sent on, not on the other one.
    expect(acksIn(anna.bodiesFor(journal)).some((state) => isCovered(change, state))).toBe(false);
    // bo asked for no acks and gets none.
    expect(acksIn(bo.bodiesFor(exec))).toEqual([]);
  });

  it('a channel for another team gets close 4403 on that channel only; the other channel keeps working', async () => {
    const anna = await connectMux(annaToken);
    const exec = execToday();
    const soderPlan = planDocName('soder', today());
    await openChannel(anna, exec);

    anna.open(soderPlan);
    await waitFor(() => anna.framesFor(soderPlan).length > 0, 'an answer to the soder channel');
    expect(anna.framesFor(soderPlan)).toEqual([
      { kind: MUX_KIND.close, docName: soderPlan, code: CLOSE_CODES.forbidden, reason: 'no access to this document' },
    ]);

    // Same socket, afterwards: the exec channel still answers, and a new channel still opens.
    const execDoc = new Y.Doc();
    await pullChannel(anna, exec, execDoc);
    const brukare = brukareDocName('norr-b01');
    await openChannel(anna, brukare);
    expect(anna.framesFor(brukare)[0]).toEqual({ kind: MUX_KIND.open, docName: brukare });
    // No data of the forbidden doc ever arrived, and the socket is still open.
    expect(anna.framesFor(soderPlan)).toHaveLength(1);
    expect(anna.raw.closeInfo()).toBeUndefined();
    expect(anna.raw.ws.readyState).toBe(WsWebSocket.OPEN);

    // cecilia (soder) may open the same doc.
    const { token: ceciliaToken } = await login(server.url, 'cecilia');
    const cecilia = await connectMux(ceciliaToken);
    await openChannel(cecilia, soderPlan);
    expect(cecilia.framesFor(soderPlan)[0]).toEqual({ kind: MUX_KIND.open, docName: soderPlan });
  });

  it.each([
    ['an invalid token', 'not-a-token'],
    ['an empty token', ''],
    ['a token with a forged signature', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJl'],
  ])('%s closes the whole socket with 4401 before any frame is sent', async (_what, token) => {
    const raw = rawConnect(muxUrl(server, token));
    raws.push(raw);
    raw.ws.once('open', () => {
      raw.send(encodeMuxOpen(execToday()));
      raw.send(encodeMuxMessage(execToday(), syncStep1Message(new Y.Doc())));
    });
    const closed = await closedWithin(raw);
    expect(closed.code).toBe(CLOSE_CODES.unauthorized);
    expect(raw.messages).toEqual([]);
  });

  it('a socket without a token is closed with 4401 too', async () => {
    const raw = rawConnect(`${server.wsUrl}?${ACK_PARAM}=1`);
    raws.push(raw);
    expect((await closedWithin(raw)).code).toBe(CLOSE_CODES.unauthorized);
    expect(raw.messages).toEqual([]);
  });

  /** Random byte strings that are not a mux frame (found by seed, so a failure can be reproduced). */
  const garbage: Array<[string, Uint8Array | string]> = [];
  for (let seed = 1; garbage.length < 5; seed++) {
    const rnd = seededRandom(seed);
    const bytes = randomBytes(rnd, 1 + Math.floor(rnd() * 64));
    if (decodeMuxFrame(bytes) === null) garbage.push([`random bytes (seed ${seed}, ${bytes.length} bytes)`, bytes]);
  }
  garbage.push(
    ['an empty binary frame', new Uint8Array(0)],
    ['a message frame without a body', Uint8Array.from([MUX_KIND.message, 1, 0x78])],
    ['an open frame whose name runs past the end', Uint8Array.from([MUX_KIND.open, 40, 0x78])],
    ['a text frame', 'hello'],
    ['a text frame holding a valid frame as text', String.fromCharCode(...encodeMuxOpen('exec:norr:2026-01-01'))],
  );

  it.each(garbage)('%s closes the socket with 4400; the server keeps serving', async (_what, data) => {
    const bystander = await connectMux(boToken);
    await openChannel(bystander, execToday());
    const anna = await connectMux(annaToken);
    await openChannel(anna, execToday());

    anna.raw.send(data);
    const closed = await closedWithin(anna.raw);
    expect(closed.code).toBe(CLOSE_CODES.malformedMessage);

    expect(await getJson(server, '/healthz')).toEqual({ status: 200, body: { ok: true } });
    // Another user's socket is untouched and still syncs.
    await pullChannel(bystander, execToday(), new Y.Doc());
    expect(bystander.raw.closeInfo()).toBeUndefined();
    // And a new socket works.
    const again = await connectMux(annaToken);
    await openChannel(again, execToday());
  });

  it('a malformed sync message inside a well-formed frame closes that channel with 4400; the socket and its other channels stay', async () => {
    const anna = await connectMux(annaToken);
    const exec = execToday();
    const brukare = brukareDocName('norr-b01');
    await openChannel(anna, exec);
    await openChannel(anna, brukare);

    anna.send(brukare, Uint8Array.of(42)); // message type 42 does not exist
    await waitFor(() => anna.framesFor(brukare).some((f) => f.kind === MUX_KIND.close), 'a close frame on the brukare channel');
    expect(anna.framesFor(brukare).at(-1)).toEqual({ kind: MUX_KIND.close, docName: brukare, code: CLOSE_CODES.malformedMessage, reason: 'malformed message' });

    await pullChannel(anna, exec, new Y.Doc());
    expect(anna.raw.closeInfo()).toBeUndefined();
    // The closed channel can be opened again.
    const framesBefore = anna.framesFor(brukare).length;
    anna.open(brukare);
    await waitFor(() => anna.framesFor(brukare).length > framesBefore, 'the brukare channel to re-open');
    expect(anna.framesFor(brukare)[framesBefore]).toEqual({ kind: MUX_KIND.open, docName: brukare });
  });

  it('a channel closed with a close frame gets nothing more, and re-opening it on the same socket syncs what it missed', async () => {
    const exec = execToday();
    const visit = takeVisit();
    const insats = visit.insatser[0]!;
    const brukare = brukareDocName('norr-b01');

    const anna = await connectMux(annaToken);
    await openChannel(anna, exec);
    const annaDoc = new Y.Doc();
    await pullChannel(anna, exec, annaDoc);
    anna.close(exec);
    const framesBeforeClose = anna.framesFor(exec).length;

    // bo ticks a task while anna's channel is closed; bo's ack means the server has broadcast it.
    const bo = await connectMux(boToken, true);
    await openChannel(bo, exec);
    const boDoc = new Y.Doc();
    await pullChannel(bo, exec, boDoc);
    const ticked = stamp('bo');
    const update = captureUpdate(boDoc, () => setTaskDone(boDoc, visit.id, insats.id, true, ticked));
    bo.send(exec, syncUpdateMessage(update));
    await waitFor(() => acksIn(bo.bodiesFor(exec)).some((s) => isCovered(changeRangesOfUpdate(update), s)), "the ack of bo's change", CONVERGE_MS);
    // A round trip on anna's socket: anything sent to her before it has arrived by now.
    await openChannel(anna, brukare);
    expect(anna.framesFor(exec)).toHaveLength(framesBeforeClose);

    // Re-open on the same socket: a fresh open frame and step 1, and the missed change comes with step 2.
    anna.open(exec);
    await waitFor(() => anna.framesFor(exec).length > framesBeforeClose + 1, 'the re-opened channel to answer');
    const reopened = anna.framesFor(exec).slice(framesBeforeClose);
    expect(reopened[0]).toEqual({ kind: MUX_KIND.open, docName: exec });
    const second = reopened[1];
    expect(second?.kind === MUX_KIND.message && decodeMessage(second.body)).toMatchObject({ type: 'sync', subType: SYNC_STEP_1 });
    await pullChannel(anna, exec, annaDoc);
    expect(readExecution(annaDoc, visit.id)?.tasks[insats.id]).toEqual({ done: true, staffId: 'bo', at: ticked.at });

    // And live updates flow again on the re-opened channel.
    const unticked = stamp('bo');
    const updatesBefore = syncSubTypes(anna.bodiesFor(exec)).filter((t) => t === SYNC_UPDATE).length;
    bo.send(exec, syncUpdateMessage(captureUpdate(boDoc, () => setTaskDone(boDoc, visit.id, insats.id, false, unticked))));
    await waitForSync(anna, exec, SYNC_UPDATE, updatesBefore + 1);
    applySyncMessages(annaDoc, anna.bodiesFor(exec));
    expect(readExecution(annaDoc, visit.id)?.tasks[insats.id]).toEqual({ done: false, staffId: 'bo', at: unticked.at });
    expect(anna.raw.closeInfo()).toBeUndefined();
  });

  describe('the PWA client (MuxConnection) under stock y-websocket providers', () => {
    /** Every real WebSocket the client code opened, in order. */
    const realSockets: Array<{ url: string; socket: { readonly readyState: number } }> = [];
    const urlsSince = (start: number) => realSockets.slice(start).map((s) => s.url);
    const savedGlobals = new Map<string, PropertyDescriptor | undefined>();
    const setGlobal = (name: string, value: unknown) => {
      savedGlobals.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
    };

    beforeAll(() => {
      type SocketClass = new (url: string | URL, protocols?: string | string[]) => object;
      // Node 20 has no global WebSocket: the `ws` one stands in (a browser's, where there is one).
      const Base = ((globalThis as { WebSocket?: unknown }).WebSocket ?? WsWebSocket) as SocketClass;
      class CountingWebSocket extends Base {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          realSockets.push({ url: String(url), socket: this as unknown as { readonly readyState: number } });
        }
      }
      setGlobal('WebSocket', CountingWebSocket);
      if (typeof (globalThis as { CloseEvent?: unknown }).CloseEvent !== 'function') {
        class CloseEventShim extends Event {
          readonly code: number;
          readonly reason: string;
          readonly wasClean: boolean;
          constructor(type: string, init: { code?: number; reason?: string; wasClean?: boolean } = {}) {
            super(type);
            this.code = init.code ?? 0;
            this.reason = init.reason ?? '';
            this.wasClean = init.wasClean ?? false;
          }
        }
        setGlobal('CloseEvent', CloseEventShim);
      }
    });

    afterAll(() => {
      for (const [name, descriptor] of savedGlobals) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else Reflect.deleteProperty(globalThis, name);
      }
    });

    type AnnaProvider = { doc: Y.Doc; provider: WebsocketProvider; acks: ServerState[]; closes: Array<{ code: number } | null> };

    /** A stock provider as the PWA makes one (pwa/sync/doc-sync.ts): the mux socket class as WebSocketPolyfill, acks recorded. */
    const muxProvider = (connection: MuxConnection, docName: string, token: string): AnnaProvider => {
      const doc = new Y.Doc();
      const acks: ServerState[] = [];
      const closes: Array<{ code: number } | null> = [];
      const provider = new WebsocketProvider(server.wsUrl, docName, doc, {
        params: { token },
        WebSocketPolyfill: connection.socketClass(),
        disableBc: true,
      });
      provider.messageHandlers[MESSAGE_TYPE.ack] = (_encoder, decoder) => {
        acks.push(decodeAckPayload(decoding.readVarUint8Array(decoder)));
      };
      provider.on('connection-close', (event) => closes.push(event ? { code: event.code } : null));
      return { doc, provider, acks, closes };
    };

    it('two docs sync over one real socket, keep syncing with bo, and reconnect together after the socket closes', async () => {
      const visit = takeVisit();
      const insats = visit.insatser[0]!;
      const exec = execToday();
      const journal = journalDocName(visit.brukareId, monthOf(today()));
      const url = muxUrl(server, annaToken);
      const connection = new MuxConnection(() => url);
      const socketsBefore = realSockets.length;
      const annaExec = muxProvider(connection, exec, annaToken);
      const annaJournal = muxProvider(connection, journal, annaToken);
      const bo: ProviderClient[] = [connectProvider(server, exec, boToken), connectProvider(server, journal, boToken)];
      const [boExec, boJournal] = bo as [ProviderClient, ProviderClient];
      try {
        await waitFor(() => annaExec.provider.synced && annaJournal.provider.synced, 'both of anna’s docs to sync over the mux');
        await Promise.all(bo.map((c) => waitSynced(c)));
        expect(urlsSince(socketsBefore)).toEqual([url]);

        // bo's changes (over his own per-doc sockets) reach both of anna's docs.
        const ticked = stamp('bo');
        setTaskDone(boExec.doc, visit.id, insats.id, true, ticked);
        const entryId = `mux-probe-${visit.id}`;
        expect(
          createDraft(boJournal.doc, { id: entryId, brukareId: visit.brukareId, authorId: 'bo', authorName: 'Bo', createdAt: ticked.at, text: 'Åt frukost.' }),
        ).toEqual({ ok: true });
        await waitFor(() => readExecution(annaExec.doc, visit.id)?.tasks[insats.id]?.done === true, "bo's tick in anna's exec doc", CONVERGE_MS);
        await waitFor(() => readJournalEntry(annaJournal.doc, entryId)?.text === 'Åt frukost.', "bo's draft in anna's journal doc", CONVERGE_MS);

        // anna's change goes out over the mux and is acknowledged on its channel.
        const unticked = stamp('anna');
        const annaUpdate = captureUpdate(annaExec.doc, () => setTaskDone(annaExec.doc, visit.id, insats.id, false, unticked));
        const annaChange = changeRangesOfUpdate(annaUpdate);
        await waitFor(() => readExecution(boExec.doc, visit.id)?.tasks[insats.id]?.done === false, "anna's untick on bo's tablet", CONVERGE_MS);
        await waitFor(() => annaExec.acks.some((s) => isCovered(annaChange, s)), "the ack of anna's change", CONVERGE_MS);
        expect(realSockets.length - socketsBefore).toBe(1);

        // The real socket goes away: both providers see their channel close and come back over one new socket.
        connection.close();
        await waitFor(() => annaExec.closes.length > 0 && annaJournal.closes.length > 0, 'both channels to report the close');
        await waitFor(
          () => annaExec.provider.synced && annaJournal.provider.synced && realSockets.length - socketsBefore === 2,
          () => `both providers to resync; real sockets: ${realSockets.length - socketsBefore}`,
        );
        await delay(300);
        expect(urlsSince(socketsBefore)).toEqual([url, url]);
        expect(annaExec.provider.shouldConnect && annaJournal.provider.shouldConnect).toBe(true);

        const retick = stamp('bo');
        setTaskDone(boExec.doc, visit.id, insats.id, true, retick);
        await waitFor(() => readExecution(annaExec.doc, visit.id)?.tasks[insats.id]?.at === retick.at, "bo's new tick after the reconnect", CONVERGE_MS);
        const entry2 = `${entryId}-2`;
        expect(
          createDraft(boJournal.doc, { id: entry2, brukareId: visit.brukareId, authorId: 'bo', authorName: 'Bo', createdAt: retick.at, text: 'Promenad.' }),
        ).toEqual({ ok: true });
        await waitFor(() => readJournalEntry(annaJournal.doc, entry2)?.text === 'Promenad.', "bo's second draft after the reconnect", CONVERGE_MS);

        // Closing one provider closes its channel only: the other keeps syncing on the same real socket.
        const journalCloses = annaJournal.closes.length;
        annaExec.provider.destroy();
        const entry3 = `${entryId}-3`;
        expect(
          createDraft(boJournal.doc, { id: entry3, brukareId: visit.brukareId, authorId: 'bo', authorName: 'Bo', createdAt: stamp('bo').at, text: 'Dusch.' }),
        ).toEqual({ ok: true });
        await waitFor(() => readJournalEntry(annaJournal.doc, entry3)?.text === 'Dusch.', "bo's third draft with one provider left", CONVERGE_MS);
        expect(annaJournal.closes.length).toBe(journalCloses);
        expect(realSockets.length - socketsBefore).toBe(2);
      } finally {
        annaExec.provider.destroy();
        annaJournal.provider.destroy();
        connection.close();
        for (const c of bo) c.destroy();
      }
    });

    // The PWA's setOnline(false) disconnects every provider (the last channel
    // to go closes the real socket); setOnline(true) reconnects them, which may
    // happen before the old socket has finished closing.
    it('going offline and straight back online: the docs reconnect over a new socket and stay connected', async () => {
      const visit = takeVisit();
      const insats = visit.insatser[0]!;
      const exec = execToday();
      const journal = journalDocName(visit.brukareId, monthOf(today()));
      const connection = new MuxConnection(() => muxUrl(server, annaToken));
      const socketsBefore = realSockets.length;
      const anna = [muxProvider(connection, exec, annaToken), muxProvider(connection, journal, annaToken)];
      const [annaExec] = anna as [AnnaProvider, AnnaProvider];
      const boExec = connectProvider(server, exec, boToken);
      try {
        await waitFor(() => anna.every((a) => a.provider.synced), 'both docs to sync');
        await waitSynced(boExec);
        const firstSocket = realSockets[socketsBefore]!.socket;

        for (const a of anna) a.provider.disconnect();
        for (const a of anna) a.provider.connect();
        await waitFor(() => anna.every((a) => a.provider.synced), 'both docs to sync again');
        expect(realSockets.length - socketsBefore).toBe(2);
        // Once the old socket has closed, nothing changes for the docs riding on the new one.
        await waitFor(() => firstSocket.readyState === WsWebSocket.CLOSED, 'the old socket to close');
        await delay(50);
        expect(anna.map((a) => [...a.closes])).toEqual([[null], [null]]); // only the local disconnect
        expect(anna.map((a) => a.provider.wsconnected)).toEqual([true, true]);

        const ticked = stamp('bo');
        setTaskDone(boExec.doc, visit.id, insats.id, true, ticked);
        await waitFor(() => readExecution(annaExec.doc, visit.id)?.tasks[insats.id]?.at === ticked.at, "bo's tick after going back online", CONVERGE_MS);
      } finally {
        for (const a of anna) a.provider.destroy();
        connection.close();
        boExec.destroy();
      }
    });
  });
});
