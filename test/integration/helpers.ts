// Shared pieces of the integration tests: stock y-websocket providers in Node,
// a raw WebSocket client that records every message and the close code, sync
// message builders, small HTTP helpers, and polling with a timeout.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  ACK_PARAM,
  MESSAGE_TYPE,
  changeRangesOfUpdate,
  decodeAckPayload,
  isCovered,
  localDate,
  type ChangeRanges,
  type ServerState,
  type Stamp,
  type TeamDay,
} from '../../domain';
import { removeDataDir, type TestServer } from '../fixtures/server';

export const SYNC_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 25;
const STOP_TIMEOUT_MS = 10_000;

/** Today in Stockholm, as the server computes it. */
export function today(): string {
  return localDate(new Date());
}

export function stamp(staffId: string): Stamp {
  return { staffId, at: new Date().toISOString() };
}

export function delay(ms: number): Promise<void> {
  return new Promise((res) => setTimeout(res, ms));
}

/** Polls `condition` until it is true; fails with `what` (a text, or a function for a text with the state seen) after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string | (() => string), timeoutMs = SYNC_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await delay(POLL_INTERVAL_MS);
  }
}

/** SIGTERM, and SIGKILL if the server has not exited in time (reported as a failure); then removes its data unless asked to keep it. */
export async function stopServer(server: TestServer | undefined, options: { keepData?: boolean } = {}): Promise<void> {
  if (!server) return;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    server.stop().then(() => false),
    new Promise<boolean>((res) => {
      timer = setTimeout(() => res(true), STOP_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut) await server.kill();
  if (!options.keepData) removeDataDir(server.dataDir);
  if (timedOut) throw new Error(`server did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM`);
}

// --- HTTP ---------------------------------------------------------------------

export type JsonResponse = { status: number; body: unknown };

export async function getJson(server: TestServer, path: string, token?: string): Promise<JsonResponse> {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the raw text is the body
  }
  return { status: res.status, body };
}

/** Sends `body` (a value, or raw text for malformed JSON) with a token when given; POST unless told. */
export async function postJson(server: TestServer, path: string, body: unknown, options: { token?: string | null; method?: 'POST' | 'PUT' } = {}): Promise<JsonResponse> {
  const res = await fetch(`${server.url}${path}`, {
    method: options.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the raw text is the body
  }
  return { status: res.status, body: parsed };
}

/** A copy of a doc as a user's device gets it over a stock provider. */
export async function syncedCopy(server: TestServer, docName: string, token: string): Promise<Y.Doc> {
  const client = connectProvider(server, docName, token);
  try {
    await waitSynced(client);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
    return copy;
  } finally {
    client.destroy();
  }
}

export async function teamDay(server: TestServer, teamId: string, date: string, token: string): Promise<TeamDay> {
  const res = await getJson(server, `/api/days/${teamId}/${date}`, token);
  if (res.status !== 200) throw new Error(`GET /api/days/${teamId}/${date}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TeamDay;
}

// --- Stock y-websocket provider -------------------------------------------------

export type ProviderClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Acks received (only when connected with ack: true). */
  acks: ServerState[];
  /** The message type (first byte) of every message received, in order. */
  messageTypes: number[];
  /** Close codes of every connection the server closed. */
  closeCodes: number[];
  destroy(): void;
};

/** A `ws` WebSocket that also reports every binary message to `onMessage`. */
function recordingWebSocket(onMessage: (bytes: Uint8Array) => void): new (address: string | URL, protocols?: string | string[]) => WebSocket {
  return class RecordingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.addEventListener('message', (event) => {
        if (event.data instanceof ArrayBuffer) onMessage(new Uint8Array(event.data));
        else if (Buffer.isBuffer(event.data)) onMessage(new Uint8Array(event.data));
      });
    }
  };
}

export type ProviderOptions = { ack?: boolean; doc?: Y.Doc };

/**
 * A stock WebsocketProvider as in the brief: only `params: { token }` unless
 * `ack` is set, in which case it asks for acknowledgements and records them the
 * way the PWA does (a handler for message type 100).
 */
export function connectProvider(server: TestServer, docName: string, token: string, options: ProviderOptions = {}): ProviderClient {
  const doc = options.doc ?? new Y.Doc();
  const acks: ServerState[] = [];
  const messageTypes: number[] = [];
  const closeCodes: number[] = [];
  const params: Record<string, string> = options.ack ? { token, [ACK_PARAM]: '1' } : { token };
  const polyfill = recordingWebSocket((bytes) => {
    if (bytes.length > 0) messageTypes.push(bytes[0]!);
  });
  const provider = new WebsocketProvider(server.wsUrl, docName, doc, {
    params,
    WebSocketPolyfill: polyfill as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  if (options.ack) {
    provider.messageHandlers[MESSAGE_TYPE.ack] = (_encoder, decoder) => {
      acks.push(decodeAckPayload(decoding.readVarUint8Array(decoder)));
    };
  }
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    acks,
    messageTypes,
    closeCodes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function waitSynced(client: ProviderClient, what = `${client.provider.roomname} to sync`, timeoutMs = SYNC_TIMEOUT_MS): Promise<void> {
  return waitFor(() => client.provider.synced, what, timeoutMs);
}

/**
 * Runs `write` on the client's doc and returns the ranges it changed (from the
 * updates it emitted), for matching against acks.
 */
export function localChange(client: ProviderClient, write: (doc: Y.Doc) => void): ChangeRanges {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array, origin: unknown) => {
    if (origin !== client.provider) updates.push(update);
  };
  client.doc.on('update', collect);
  try {
    write(client.doc);
  } finally {
    client.doc.off('update', collect);
  }
  if (updates.length === 0) throw new Error('the write changed nothing');
  return changeRangesOfUpdate(Y.mergeUpdates(updates));
}

/** Waits until the server has acknowledged (persisted) `change`. */
export function waitForAck(client: ProviderClient, change: ChangeRanges, timeoutMs = SYNC_TIMEOUT_MS): Promise<void> {
  return waitFor(() => client.acks.some((ack) => isCovered(change, ack)), 'an ack that covers the change', timeoutMs);
}

// --- Raw WebSocket client -------------------------------------------------------

export type Closed = { code: number; reason: string };

export type RawClient = {
  ws: WebSocket;
  /** Every message received: binary ones as bytes, text ones as strings. */
  messages: Array<Uint8Array | string>;
  /** True once open, false if the socket closed without ever opening. */
  opened: Promise<boolean>;
  closed: Promise<Closed>;
  /** The close, once it has happened. */
  closeInfo(): Closed | undefined;
  send(data: Uint8Array | string): void;
  close(): void;
};

export function syncUrl(server: TestServer, docName: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `${server.wsUrl}/${docName}${query ? `?${query}` : ''}`;
}

export function rawConnect(url: string): RawClient {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  const messages: Array<Uint8Array | string> = [];
  let closeInfo: Closed | undefined;
  let wasOpen = false;
  ws.on('message', (data, isBinary) => {
    if (!isBinary) messages.push(String(data));
    else if (data instanceof ArrayBuffer) messages.push(new Uint8Array(data));
    else if (Buffer.isBuffer(data)) messages.push(new Uint8Array(data));
    else messages.push(new Uint8Array(Buffer.concat(data)));
  });
  // Errors (a refused connection, a reset) end in 'close' too, which is what the tests look at.
  ws.on('error', () => undefined);
  const opened = new Promise<boolean>((res) => {
    ws.once('open', () => {
      wasOpen = true;
      res(true);
    });
    ws.once('close', () => res(wasOpen));
  });
  const closed = new Promise<Closed>((res) => {
    ws.once('close', (code, reason) => {
      closeInfo = { code, reason: reason.toString() };
      res(closeInfo);
    });
  });
  return {
    ws,
    messages,
    opened,
    closed,
    closeInfo: () => closeInfo,
    send(data) {
      ws.send(data);
    },
    close() {
      ws.close();
    },
  };
}

/** Resolves with the close, or rejects if the socket is still open after `timeoutMs`. */
export async function closedWithin(client: RawClient, timeoutMs = SYNC_TIMEOUT_MS): Promise<Closed> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      client.closed,
      new Promise<never>((_, rej) => {
        timer = setTimeout(() => rej(new Error(`connection still open after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function binaryMessages(client: RawClient): Uint8Array[] {
  return client.messages.filter((m): m is Uint8Array => typeof m !== 'string');
}

// --- Sync protocol messages -------------------------------------------------------

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A sync message with any sub type and raw payload bytes (for malformed input). */
export function syncMessage(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export type Decoded =
  | { type: 'sync'; subType: number; payload: Uint8Array }
  | { type: 'ack'; state: ServerState }
  | { type: 'other'; messageType: number };

export function decodeMessage(bytes: Uint8Array): Decoded {
  const decoder = decoding.createDecoder(bytes);
  const messageType = decoding.readVarUint(decoder);
  if (messageType === MESSAGE_TYPE.sync) {
    const subType = decoding.readVarUint(decoder);
    return { type: 'sync', subType, payload: decoding.readVarUint8Array(decoder) };
  }
  if (messageType === MESSAGE_TYPE.ack) return { type: 'ack', state: decodeAckPayload(decoding.readVarUint8Array(decoder)) };
  return { type: 'other', messageType };
}

/** Applies every sync step 2 and update among `messages` to `doc`. */
export function applySyncMessages(doc: Y.Doc, messages: Uint8Array[]): void {
  for (const m of messages) {
    const decoded = decodeMessage(m);
    if (decoded.type === 'sync' && decoded.subType !== syncProtocol.messageYjsSyncStep1) Y.applyUpdate(doc, decoded.payload, 'server');
  }
}

/** A deterministic PRNG (mulberry32), so that a failing random input can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(rnd: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(rnd() * 256);
  return out;
}

/** Opens a socket with the given headers; resolves 'open' or the HTTP status of a refused upgrade. */
export function upgrade(url: string, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (err) => reject(err));
  });
}
