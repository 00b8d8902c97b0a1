// 10,000 random and mutated protocol messages against a live server, over real
// sockets on both sync routes (/sync/<doc> and the multiplexed /sync), while
// two stock y-websocket clients keep syncing a document of their own. The
// seeds are fixed (FUZZ_SEED overrides), so a failing input can be replayed.
//
// Every fuzz message is followed by a sentinel: an awareness message with a
// unique payload, which the server echoes to its sender only. The echo (or
// the close the fuzz message caused) says the server has handled the message,
// so each one is processed rather than dropped unread behind a closed socket.
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLOSE_CODES,
  MESSAGE_TYPE,
  MUX_KIND,
  addDays,
  applyVisitEvent,
  brukareDocName,
  decodeMuxFrame,
  encodeMuxClose,
  encodeMuxMessage,
  encodeMuxOpen,
  execDocName,
  journalDocName,
  messagesDocName,
  monthOf,
  planDocName,
  readExecution,
  setTaskDone,
  writePlannedVisit,
  type LoginResponse,
} from '../../domain';
import { startTestServer, type TestServer } from '../fixtures/server';
import { connectProvider, delay, randomBytes, seededRandom, stopServer, syncStep1Message, syncUpdateMessage, syncUrl, teamDay, today, waitFor, waitSynced, type ProviderClient } from './helpers';
import { http, muxUrl, signIn } from './security-helpers';

const TOTAL_MESSAGES = 10_000;
/** Shares of the total: per-doc sockets, mux channel bodies, whole mux frames. */
const SHARES = { perDoc: 0.4, muxBody: 0.4, muxFrame: 0.2 } as const;
const WORKERS = { perDoc: 4, muxBody: 3, muxFrame: 2 } as const;
/** Messages over the server's 2 MiB limit among them (each must close with 4413). */
const OVERSIZED = 6;
const ANSWER_TIMEOUT_MS = 5_000;
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20_261_124);
/** Close codes the server may answer hostile input with; anything else (1011, 1006) is a failure. */
const EXPECTED_CLOSES = new Set<number>([CLOSE_CODES.malformedMessage, CLOSE_CODES.messageTooLarge, CLOSE_CODES.tryAgainLater, CLOSE_CODES.forbidden, CLOSE_CODES.tooManyDocs]);

type Rnd = () => number;
const int = (rnd: Rnd, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: Rnd, items: readonly T[]): T => items[int(rnd, items.length)]!;

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function varUint(n: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}

// --- A socket that resolves waits on events, not by polling ---------------------------

type Outcome = 'answered' | 'closed' | 'timeout';

class FuzzSocket {
  readonly ws: WebSocket;
  closeCode: number | undefined;
  readonly #waits = new Set<{ match: (m: Uint8Array) => boolean; done: (o: Outcome) => void }>();

  private constructor(url: string, watch?: (m: Uint8Array) => void) {
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('error', () => undefined);
    this.ws.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return;
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      watch?.(bytes);
      for (const w of this.#waits) if (w.match(bytes)) w.done('answered');
    });
    this.ws.on('close', (code) => {
      this.closeCode = code;
      for (const w of this.#waits) w.done('closed');
    });
  }

  /** `watch` sees every binary message. */
  static async open(url: string, watch?: (m: Uint8Array) => void): Promise<FuzzSocket> {
    const socket = new FuzzSocket(url, watch);
    await new Promise<void>((resolve) => {
      socket.ws.once('open', () => resolve());
      socket.ws.once('close', () => resolve());
    });
    return socket;
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(data: Uint8Array | string): void {
    if (this.open) this.ws.send(data);
  }

  /** Until a message matches, the socket closes, or the time is up. */
  until(match: (m: Uint8Array) => boolean, timeoutMs = ANSWER_TIMEOUT_MS): Promise<Outcome> {
    if (!this.open) return Promise.resolve('closed');
    return new Promise((resolve) => {
      const wait = {
        match,
        done: (o: Outcome) => {
          clearTimeout(timer);
          this.#waits.delete(wait);
          resolve(o);
        },
      };
      const timer = setTimeout(() => wait.done('timeout'), timeoutMs);
      this.#waits.add(wait);
    });
  }

  close(): void {
    this.ws.terminate();
  }
}

// --- Inputs -------------------------------------------------------------------------

let sentinelCounter = 0;

/** An awareness message with a unique payload: the server echoes it to the sender only. */
function sentinel(): Uint8Array {
  const nonce = new TextEncoder().encode(`sentinel-${++sentinelCounter}`);
  return concat(varUint(MESSAGE_TYPE.awareness), varUint(nonce.length), nonce);
}

/** Rewrites the sync payload of a valid sync message with `mutate`, keeping the length right, so Yjs gets to parse it. */
function mutatePayload(message: Uint8Array, rnd: Rnd): Uint8Array {
  if (message[0] !== MESSAGE_TYPE.sync || message.length < 3) return message;
  const subType = message[1]!;
  // Skip the payload's length varint.
  let at = 2;
  while (at < message.length && (message[at]! & 0x80) !== 0) at++;
  const payload = message.slice(at + 1);
  if (payload.length === 0) return message;
  const flips = 1 + int(rnd, 4);
  for (let i = 0; i < flips; i++) {
    const p = int(rnd, payload.length);
    payload[p] = rnd() < 0.5 ? payload[p]! ^ (1 << int(rnd, 8)) : int(rnd, 256);
  }
  return concat(varUint(MESSAGE_TYPE.sync), varUint(subType), varUint(payload.length), payload);
}

type Mutator = [name: string, weight: number, make: (rnd: Rnd, corpus: Uint8Array[]) => Uint8Array | string];

const MUTATORS: Mutator[] = [
  ['valid, unchanged', 10, (rnd, c) => pick(rnd, c)],
  ['update payload mutated', 16, (rnd, c) => mutatePayload(pick(rnd, c), rnd)],
  ['bit flips', 12, (rnd, c) => {
    const m = pick(rnd, c).slice();
    for (let i = 0, n = 1 + int(rnd, 8); i < n; i++) {
      const p = int(rnd, m.length);
      m[p] = m[p]! ^ (1 << int(rnd, 8));
    }
    return m;
  }],
  ['bytes overwritten', 8, (rnd, c) => {
    const m = pick(rnd, c).slice();
    for (let i = 0, n = 1 + int(rnd, 4); i < n; i++) m[int(rnd, m.length)] = int(rnd, 256);
    return m;
  }],
  ['truncated', 8, (rnd, c) => {
    const m = pick(rnd, c);
    return m.slice(0, int(rnd, m.length));
  }],
  ['extended', 5, (rnd, c) => concat(pick(rnd, c), randomBytes(rnd, 1 + int(rnd, 64)))],
  ['bytes inserted or deleted', 5, (rnd, c) => {
    const m = pick(rnd, c);
    const p = int(rnd, m.length + 1);
    return rnd() < 0.5 ? concat(m.subarray(0, p), randomBytes(rnd, 1 + int(rnd, 16)), m.subarray(p)) : concat(m.subarray(0, p), m.subarray(Math.min(m.length, p + 1 + int(rnd, 16))));
  }],
  ['length varint corrupted', 8, (rnd, c) => {
    const m = pick(rnd, c);
    const lengths = [0, 1, 127, 128, 16_383, 2 ** 21, 2 ** 31 - 1, 2 ** 32, 2 ** 53 - 1];
    const tail = m.subarray(Math.min(m.length, 3));
    return concat(m.subarray(0, 2), varUint(rnd() < 0.7 ? pick(rnd, lengths) : int(rnd, 2 ** 31)), tail);
  }],
  ['huge declared length', 5, (rnd) => concat(varUint(MESSAGE_TYPE.sync), varUint(int(rnd, 3)), Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]), randomBytes(rnd, int(rnd, 8)))],
  ['a varint that never ends', 1, (rnd) => Uint8Array.from({ length: 1 + int(rnd, 12) }, () => 0x80 | int(rnd, 128))],
  ['random bytes', 8, (rnd) => randomBytes(rnd, int(rnd, 300))],
  ['random bytes after a sync header', 4, (rnd) => concat(varUint(MESSAGE_TYPE.sync), varUint(int(rnd, 3)), randomBytes(rnd, int(rnd, 300)))],
  ['wrong message type', 6, (rnd, c) => concat(varUint(pick(rnd, [MESSAGE_TYPE.auth, MESSAGE_TYPE.queryAwareness, MESSAGE_TYPE.ack, 4, 7, 99, 101, 127, 128, 255, 2 ** 20])), pick(rnd, c).subarray(1))],
  ['wrong sync sub type', 4, (rnd, c) => {
    const m = pick(rnd, c);
    return concat(varUint(MESSAGE_TYPE.sync), varUint(pick(rnd, [0, 1, 2, 3, 4, 9, 200, 2 ** 16])), m.subarray(2));
  }],
  ['two messages spliced', 4, (rnd, c) => {
    const a = pick(rnd, c);
    const b = pick(rnd, c);
    return concat(a.subarray(0, int(rnd, a.length + 1)), b.subarray(int(rnd, b.length + 1)));
  }],
  ['two messages in one', 2, (rnd, c) => concat(pick(rnd, c), pick(rnd, c))],
  ['empty', 1, () => new Uint8Array(0)],
  ['a text frame', 1, (rnd) => pick(rnd, ['hello', '{"type":"sync"}', '\u0000\u0002', 'x'.repeat(1000)])],
  ['large random', 0.5, (rnd) => concat(varUint(MESSAGE_TYPE.sync), varUint(2), randomBytes(rnd, 64 * 1024 + int(rnd, 448 * 1024)))],
];
const TOTAL_WEIGHT = MUTATORS.reduce((n, [, w]) => n + w, 0);

function fuzzMessage(rnd: Rnd, corpus: Uint8Array[]): { kind: string; message: Uint8Array | string } {
  let r = rnd() * TOTAL_WEIGHT;
  for (const [kind, weight, make] of MUTATORS) {
    r -= weight;
    if (r <= 0) return { kind, message: make(rnd, corpus) };
  }
  const [kind, , make] = MUTATORS[0]!;
  return { kind, message: make(rnd, corpus) };
}

/** Whole mux frames: mutated valid frames and frames built wrong on purpose. */
function fuzzFrame(rnd: Rnd, corpus: Uint8Array[], docs: string[]): { kind: string; frame: Uint8Array } {
  const ascii = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff);
  const header = (kind: number, name: Uint8Array, declared = name.length) => concat(Uint8Array.from([kind, declared & 0xff]), name);
  const hostileNames = [
    '../../etc/passwd',
    "brukare:x'; DROP TABLE users;--",
    `plan:soder:${today()}`,
    'brukare:soder-b01',
    'brukare:norr-b99',
    `journal:norr-b01:${monthOf(today())}'--`,
    'plan:norr:2026-13-45',
    'phrases:',
    ':',
    'x'.repeat(120),
  ];
  const choice = int(rnd, 12);
  switch (choice) {
    case 0:
    case 1: {
      const frame = encodeMuxMessage(pick(rnd, docs), pick(rnd, corpus)).slice();
      for (let i = 0, n = 1 + int(rnd, 6); i < n; i++) {
        const p = int(rnd, frame.length);
        frame[p] = frame[p]! ^ (1 << int(rnd, 8));
      }
      return { kind: 'mux frame with bit flips', frame };
    }
    case 2: {
      const frame = encodeMuxMessage(pick(rnd, docs), pick(rnd, corpus));
      return { kind: 'mux frame truncated', frame: frame.slice(0, int(rnd, frame.length)) };
    }
    case 3:
      return { kind: 'mux open of a hostile name', frame: encodeMuxOpen(pick(rnd, hostileNames)) };
    case 4:
      return { kind: 'mux open of random printable bytes', frame: header(MUX_KIND.open, Uint8Array.from({ length: 1 + int(rnd, 120) }, () => 0x20 + int(rnd, 95))) };
    case 5:
      return { kind: 'mux name with bytes outside ASCII', frame: header(int(rnd, 3), randomBytes(rnd, 1 + int(rnd, 40))) };
    case 6: {
      const name = ascii(pick(rnd, docs));
      return { kind: 'mux name length that lies', frame: concat(header(int(rnd, 3), name, pick(rnd, [0, 121, 200, 255, name.length + 1 + int(rnd, 50)])), pick(rnd, corpus).subarray(0, 4)) };
    }
    case 7:
      return { kind: 'mux frame of an unknown kind', frame: concat(header(3 + int(rnd, 253), ascii(pick(rnd, docs))), randomBytes(rnd, int(rnd, 20))) };
    case 8:
      return { kind: 'mux open with a body', frame: concat(encodeMuxOpen(pick(rnd, docs)), randomBytes(rnd, 1 + int(rnd, 20))) };
    case 9:
      return { kind: 'mux message with no body, or close without a code', frame: rnd() < 0.5 ? header(MUX_KIND.message, ascii(pick(rnd, docs))) : concat(header(MUX_KIND.close, ascii(pick(rnd, docs))), randomBytes(rnd, int(rnd, 2))) };
    case 10:
      return { kind: 'mux message to a channel never opened', frame: encodeMuxMessage(pick(rnd, hostileNames.filter((n) => n.length <= 120)), pick(rnd, corpus)) };
    default:
      return { kind: 'random bytes as a mux frame', frame: randomBytes(rnd, int(rnd, 200)) };
  }
}

// --- The run --------------------------------------------------------------------------

type Stats = {
  sent: number;
  answered: number;
  connections: number;
  /** Sockets (or mux channels) the server closed, by code. */
  closes: Map<number, number>;
  /** Mux channels the server refused or closed after a fuzz frame opened them. */
  channelCloses: Map<number, number>;
  /** Fuzz messages by generator. */
  kinds: Map<string, number>;
  anomalies: string[];
};

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

describe('protocol fuzzing against a live server', () => {
  let server: TestServer;
  let anna: LoginResponse;
  let bo: LoginResponse;
  let planner: LoginResponse;
  const corpus: Uint8Array[] = [];

  /** Outgoing messages of a stock provider, and what the server sent it: real traffic to mutate. */
  function capturingPolyfill(sink: Uint8Array[]): typeof globalThis.WebSocket {
    class Capturing extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols);
        const send = this.send.bind(this) as (data: unknown, ...rest: unknown[]) => void;
        (this as unknown as { send: (data: unknown, ...rest: unknown[]) => void }).send = (data, ...rest) => {
          if (data instanceof Uint8Array) sink.push(new Uint8Array(data));
          send(data, ...rest);
        };
        this.on('message', (data: Buffer, isBinary) => {
          if (isBinary) sink.push(new Uint8Array(data));
        });
      }
    }
    return Capturing as unknown as typeof globalThis.WebSocket;
  }

  beforeAll(async () => {
    server = await startTestServer();
    [anna, bo, planner] = await Promise.all([signIn(server, 'anna'), signIn(server, 'bo'), signIn(server, 'planerare-norr')]);

    // Real traffic: a caregiver's and a scheduler's stock providers syncing and writing.
    const tomorrow = addDays(today(), 1);
    const visits = (await teamDay(server, 'norr', tomorrow, anna.token)).visits;
    expect(visits.length).toBeGreaterThan(2);
    const captured: Uint8Array[] = [];
    const providers = [
      [execDocName('norr', tomorrow), anna.token],
      [planDocName('norr', tomorrow), planner.token],
    ].map(([docName, token]) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(server.wsUrl, docName!, doc, { params: { token: token! }, WebSocketPolyfill: capturingPolyfill(captured), disableBc: true });
      provider.awareness.setLocalState({ user: 'fuzz' });
      return { doc, provider };
    });
    try {
      await waitFor(() => providers.every((p) => p.provider.synced), 'the capturing providers to sync');
      const [exec, plan] = providers;
      for (const visit of visits.slice(0, 3)) {
        applyVisitEvent(exec!.doc, visit.id, { type: 'check_in' }, { staffId: 'anna', at: new Date().toISOString() });
        for (const insats of visit.insatser) setTaskDone(exec!.doc, visit.id, insats.id, true, { staffId: 'anna', at: new Date().toISOString() });
      }
      writePlannedVisit(plan!.doc, { ...visits[0]!, assignedStaffIds: ['bo'] });
      await delay(500);
    } finally {
      for (const p of providers) {
        p.provider.destroy();
        p.doc.destroy();
      }
    }
    // And messages built by hand with y-protocols.
    const withState = new Y.Doc();
    withState.getMap('m').set('k', 'v');
    withState.getText('t').insert(0, 'hej');
    const awareness = new awarenessProtocol.Awareness(withState);
    awareness.setLocalState({ name: 'fuzz' });
    corpus.push(
      ...captured.filter((m) => m.length > 0 && m.length < 256 * 1024),
      syncStep1Message(new Y.Doc()),
      syncStep1Message(withState),
      syncUpdateMessage(Y.encodeStateAsUpdate(withState)),
      concat(varUint(MESSAGE_TYPE.sync), varUint(1), varUint(Y.encodeStateAsUpdate(withState).length), Y.encodeStateAsUpdate(withState)),
      concat(varUint(MESSAGE_TYPE.awareness), varUint(awarenessProtocol.encodeAwarenessUpdate(awareness, [withState.clientID]).length), awarenessProtocol.encodeAwarenessUpdate(awareness, [withState.clientID])),
      Uint8Array.from([MESSAGE_TYPE.queryAwareness]),
    );
    const types = new Set(corpus.map((m) => `${m[0]}/${m[0] === MESSAGE_TYPE.sync ? m[1] : '-'}`));
    // Sync step 1, step 2, update and awareness, from real clients and the server.
    for (const t of ['0/0', '0/1', '0/2', '1/-']) expect(types).toContain(t);
  }, 120_000);

  afterAll(async () => {
    await stopServer(server);
  });

  it('survives 10,000 hostile messages while a well-behaved client keeps syncing', async () => {
    const startedAt = Date.now();
    const stats: Stats = { sent: 0, answered: 0, connections: 0, closes: new Map(), channelCloses: new Map(), kinds: new Map(), anomalies: [] };
    const d = today();
    const month = monthOf(d);
    // What each user may open (write or read-only); today's exec doc belongs to the well-behaved clients.
    const annaDocs = [execDocName('norr', addDays(d, 1)), execDocName('norr', addDays(d, 2)), journalDocName('norr-b01', month), journalDocName('norr-b02', month), messagesDocName('norr', month), planDocName('norr', addDays(d, 1)), brukareDocName('norr-b01')];
    const plannerDocs = [planDocName('norr', addDays(d, 1)), planDocName('norr', addDays(d, 2)), brukareDocName('norr-b04'), execDocName('norr', addDays(d, 3))];
    const targets = [...annaDocs.map((doc) => ({ doc, token: anna.token })), ...plannerDocs.map((doc) => ({ doc, token: planner.token }))];
    const quota = {
      perDoc: Math.round(TOTAL_MESSAGES * SHARES.perDoc),
      muxBody: Math.round(TOTAL_MESSAGES * SHARES.muxBody),
      muxFrame: TOTAL_MESSAGES - Math.round(TOTAL_MESSAGES * SHARES.perDoc) - Math.round(TOTAL_MESSAGES * SHARES.muxBody),
    };
    let oversizedSent = 0;
    const take = (lane: keyof typeof quota) => (quota[lane] > 0 ? (quota[lane]--, true) : false);
    const counted = (kind: string, outcome: Outcome, code: number | undefined, where: string) => {
      stats.sent++;
      bump(stats.kinds, kind);
      if (outcome === 'answered') stats.answered++;
      if (outcome === 'closed' && code !== undefined) {
        bump(stats.closes, code);
        if (!EXPECTED_CLOSES.has(code)) stats.anomalies.push(`${where}: ${kind} closed with ${code}`);
      }
      if (outcome === 'timeout') stats.anomalies.push(`${where}: ${kind} got neither an answer nor a close in ${ANSWER_TIMEOUT_MS} ms`);
    };
    /** The 50th message of the first three per-doc and mux-body workers is one over the 2 MiB limit. */
    const maybeOversized = (w: number, n: number): { kind: string; message: Uint8Array } | null => {
      if (w >= OVERSIZED / 2 || n !== 50) return null;
      oversizedSent++;
      return { kind: 'over 2 MiB', message: concat(varUint(MESSAGE_TYPE.sync), varUint(2), varUint(3 * 1024 * 1024), new Uint8Array(3 * 1024 * 1024)) };
    };

    // One document per socket: a socket lives until the server closes it.
    const perDocWorker = async (w: number) => {
      const rnd = seededRandom(BASE_SEED + 100 * w);
      let socket: FuzzSocket | undefined;
      let where = '';
      for (let n = 1; take('perDoc'); n++) {
        if (!socket?.open) {
          const target = pick(rnd, targets);
          where = `/sync/${target.doc}`;
          socket = await FuzzSocket.open(syncUrl(server, target.doc, { token: target.token, ...(w % 2 ? { ack: '1' } : {}) }));
          stats.connections++;
          if (!socket.open) stats.anomalies.push(`${where}: refused a valid connection (${socket.closeCode})`);
        }
        const { kind, message } = maybeOversized(w, n) ?? fuzzMessage(rnd, corpus);
        const probe = sentinel();
        socket.send(message);
        socket.send(probe);
        const outcome = await socket.until((m) => equalBytes(m, probe));
        counted(kind, outcome, socket.closeCode, where);
        if (kind === 'over 2 MiB' && socket.closeCode !== CLOSE_CODES.messageTooLarge) stats.anomalies.push(`${where}: a message over 2 MiB closed with ${socket.closeCode}`);
      }
      socket?.close();
    };

    // Mux channels: fuzz bodies on documents of the user's own; a refused channel is opened again.
    const muxBodyWorker = async (w: number) => {
      const rnd = seededRandom(BASE_SEED + 1000 + 100 * w);
      const mine = w % 2 ? annaDocs : plannerDocs;
      const token = w % 2 ? anna.token : planner.token;
      let socket: FuzzSocket | undefined;
      const open = new Set<string>();
      for (let n = 1; take('muxBody'); n++) {
        if (!socket?.open) {
          socket = await FuzzSocket.open(muxUrl(server, token, w % 2 === 0));
          stats.connections++;
          open.clear();
        }
        const doc = pick(rnd, mine);
        if (!open.has(doc)) {
          socket.send(encodeMuxOpen(doc));
          open.add(doc);
        }
        const fuzz = maybeOversized(w, n) ?? fuzzMessage(rnd, corpus);
        const body = typeof fuzz.message === 'string' ? new TextEncoder().encode(fuzz.message) : fuzz.message;
        const probe = encodeMuxMessage(doc, sentinel());
        let closedChannel: number | undefined;
        socket.send(encodeMuxMessage(doc, body));
        socket.send(probe);
        const outcome = await socket.until((m) => {
          if (equalBytes(m, probe)) return true;
          const frame = decodeMuxFrame(m);
          if (frame?.kind === MUX_KIND.close && frame.docName === doc) {
            closedChannel = frame.code;
            return true;
          }
          return false;
        });
        if (fuzz.kind === 'over 2 MiB' && closedChannel !== CLOSE_CODES.messageTooLarge) stats.anomalies.push(`mux ${doc}: a message over 2 MiB got ${closedChannel ?? outcome}`);
        if (closedChannel !== undefined) {
          open.delete(doc);
          counted(fuzz.kind, 'closed', closedChannel, `mux ${doc}`);
        } else counted(fuzz.kind, outcome, socket.closeCode, `mux ${doc}`);
        // An empty body makes the frame itself malformed: that closes the socket, as it should.
      }
      socket?.close();
    };

    // Whole mux frames, each followed by a sentinel on a control channel.
    const muxFrameWorker = async (w: number) => {
      const rnd = seededRandom(BASE_SEED + 2000 + 100 * w);
      const control = execDocName('norr', addDays(d, 3));
      let socket: FuzzSocket | undefined;
      while (take('muxFrame')) {
        if (!socket?.open) {
          socket = await FuzzSocket.open(muxUrl(server, planner.token), (m) => {
            const f = decodeMuxFrame(m);
            if (f?.kind === MUX_KIND.close && f.docName !== control) bump(stats.channelCloses, f.code);
          });
          stats.connections++;
          socket.send(encodeMuxOpen(control));
        }
        const { kind, frame } = fuzzFrame(rnd, corpus, plannerDocs);
        const probe = encodeMuxMessage(control, sentinel());
        let controlClosed = false;
        socket.send(frame);
        socket.send(probe);
        const outcome = await socket.until((m) => {
          if (equalBytes(m, probe)) return true;
          const f = decodeMuxFrame(m);
          if (f?.kind === MUX_KIND.close && f.docName === control) return (controlClosed = true);
          return false;
        });
        const decoded = decodeMuxFrame(frame);
        if (outcome === 'timeout' && decoded?.kind === MUX_KIND.close && decoded.docName === control) {
          // The fuzz frame closed the control channel itself: no echo can come.
          counted(kind, 'answered', undefined, 'mux frame');
        } else counted(kind, outcome, socket.closeCode, 'mux frame');
        if (controlClosed || outcome === 'timeout') socket.send(encodeMuxOpen(control));
      }
      socket?.close();
    };

    // Meanwhile: two stock providers on today's exec doc; every change one makes must reach the other.
    const execToday = execDocName('norr', d);
    const visits = (await teamDay(server, 'norr', d, anna.token)).visits.filter((v) => v.insatser.length > 0);
    const tasks = visits.flatMap((v) => v.insatser.map((i) => ({ visitId: v.id, insatsId: i.id })));
    expect(tasks.length).toBeGreaterThan(0);
    const writer: ProviderClient = connectProvider(server, execToday, anna.token, { ack: true });
    const reader: ProviderClient = connectProvider(server, execToday, bo.token);
    await Promise.all([waitSynced(writer), waitSynced(reader)]);
    const wellBehaved = { synced: 0, lost: 0, midway: 0, last: new Map<string, string>() };
    let fuzzing = true;
    const change = async (k: number) => {
      const task = tasks[k % tasks.length]!;
      const at = new Date(Date.parse('2026-01-01T00:00:00Z') + k * 1000).toISOString();
      setTaskDone(writer.doc, task.visitId, task.insatsId, k % 2 === 0, { staffId: 'anna', at });
      try {
        await waitFor(() => readExecution(reader.doc, task.visitId)?.tasks[task.insatsId]?.at === at, `change ${k} on the other client`);
        wellBehaved.synced++;
        wellBehaved.last.set(`${task.visitId}/${task.insatsId}`, at);
      } catch {
        wellBehaved.lost++;
      }
    };
    const wellBehavedLoop = (async () => {
      for (let k = 0; fuzzing; k++) {
        await change(k);
        if (fuzzing) wellBehaved.midway++;
        await delay(100);
      }
    })();

    const lanes = [
      ...Array.from({ length: WORKERS.perDoc }, (_, w) => perDocWorker(w)),
      ...Array.from({ length: WORKERS.muxBody }, (_, w) => muxBodyWorker(w)),
      ...Array.from({ length: WORKERS.muxFrame }, (_, w) => muxFrameWorker(w)),
    ];
    await Promise.all(lanes);
    const fuzzSeconds = (Date.now() - startedAt) / 1000;
    fuzzing = false;
    await wellBehavedLoop;
    // One more change after the storm.
    await change(1_000_000);

    try {
      expect(server.alive()).toBe(true);
      expect((await http(server, 'GET', '/healthz')).status).toBe(200);
      // What the well-behaved client wrote is stored: a fresh client gets the last value of every task touched.
      const fresh = connectProvider(server, execToday, planner.token);
      try {
        await waitSynced(fresh);
        for (const [key, at] of wellBehaved.last) {
          const [visitId, insatsId] = key.split('/') as [string, string];
          expect(readExecution(fresh.doc, visitId)?.tasks[insatsId]?.at, key).toBe(at);
        }
      } finally {
        fresh.destroy();
      }
    } finally {
      writer.destroy();
      reader.destroy();
    }
    // The fuzzed docs, their rooms unloaded now that every fuzz socket is gone, load again from storage and serve.
    for (const date of [addDays(d, 1), addDays(d, 2), addDays(d, 3)]) expect((await http(server, 'GET', `/api/days/norr/${date}`, { token: planner.token })).status, date).toBe(200);
    for (const brukareId of ['norr-b01', 'norr-b02']) expect((await http(server, 'GET', `/api/brukare/${brukareId}/journal?from=${month}-01&to=${d}`, { token: planner.token })).status, brukareId).toBe(200);
    for (const { doc, token } of targets) {
      const client = connectProvider(server, doc, token);
      try {
        await waitSynced(client, `${doc} to load and sync after the fuzzing`);
      } finally {
        client.destroy();
      }
    }
    const serverErrors = server.output().split('\n').filter((l) => /"level":"error"/.test(l));

    const tally = (m: Map<number, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code}×${n}`).join(', ');
    const closes = `${tally(stats.closes)}; channels opened by fuzz frames closed: ${tally(stats.channelCloses)}`;
    console.log(
      `fuzz: ${stats.sent} messages sent, server ${server.alive() ? 'alive' : 'DEAD'}, well-behaved client synced ${wellBehaved.synced} changes` +
        ` (${wellBehaved.midway} during the fuzzing, ${wellBehaved.lost} lost)\n` +
        `  ${fuzzSeconds.toFixed(1)} s, seed ${BASE_SEED}, ${stats.connections} connections, ${stats.answered} handled with the socket open; closes: ${closes}\n` +
        `  by generator: ${[...stats.kinds].map(([k, n]) => `${k} ${n}`).join('; ')}`,
    );
    for (const a of stats.anomalies.slice(0, 20)) console.log(`  ANOMALY: ${a}`);
    for (const line of serverErrors.slice(0, 10)) console.log(`  server error: ${line}`);

    expect(stats.sent).toBe(TOTAL_MESSAGES);
    expect(stats.anomalies).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(oversizedSent).toBe(OVERSIZED);
    expect(wellBehaved.lost).toBe(0);
    expect(wellBehaved.midway).toBeGreaterThan(0);
  }, 120_000);
});
