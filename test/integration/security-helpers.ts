// Pieces shared by the security suite and the protocol fuzzer: raw HTTP
// (no URL normalisation, any source address), full sign-in responses, forged
// and tampered tokens, and a small client of the multiplexed sync socket.
import { request, type IncomingHttpHeaders } from 'node:http';
import { sign } from 'hono/jwt';
import { ACK_PARAM, LoginResponseSchema, decodeMuxFrame, encodeMuxClose, encodeMuxMessage, encodeMuxOpen, type LoginResponse, type MuxFrame } from '../../domain';
import type { TestServer } from '../fixtures/server';
import type { RawClient } from './helpers';

// --- HTTP ---------------------------------------------------------------------

export type HttpReply = { status: number; headers: IncomingHttpHeaders; text: string; json: unknown };

export type HttpOptions = {
  token?: string;
  /** A JSON text (or raw bytes) sent as the body. */
  body?: string | Buffer;
  /** Sends the body in chunks with no Content-Length. */
  chunked?: boolean;
  headers?: Record<string, string>;
  /** The client's source address (any 127.x.y.z on Linux): another client, as the server sees it. */
  localAddress?: string;
};

/**
 * One HTTP request with the path sent exactly as given: fetch() and URL()
 * resolve `..` and `%2e%2e`, which would hide the traversal being probed.
 */
export function http(server: TestServer, method: 'GET' | 'POST', path: string, options: HttpOptions = {}): Promise<HttpReply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
  if (body) {
    headers['content-type'] ??= 'application/json';
    if (!options.chunked) headers['content-length'] = String(body.length);
  }
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers, localAddress: options.localAddress, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = text;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON: the raw text stands
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    // A server that answers 413 before reading the whole body may reset the
    // connection while we still write: that is fine once the answer is in.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (body && options.chunked) {
      const CHUNK = 16 * 1024;
      for (let at = 0; at < body.length; at += CHUNK) req.write(body.subarray(at, at + CHUNK));
      req.end();
    } else req.end(body);
  });
}

/** Every token and refresh token handed out in a test file, to look for in the server's logs. */
export const issuedSecrets = new Set<string>();

/** POST /api/login, returning the whole response (refresh token and device id too). */
export async function signIn(server: TestServer, username: string, options: { password?: string; deviceId?: string } = {}): Promise<LoginResponse> {
  const reply = await http(server, 'POST', '/api/login', {
    body: JSON.stringify({ username, password: options.password ?? 'demo', ...(options.deviceId ? { deviceId: options.deviceId } : {}) }),
  });
  if (reply.status !== 200) throw new Error(`sign-in of ${username} failed: ${reply.status} ${reply.text}`);
  const tokens = LoginResponseSchema.parse(reply.json);
  issuedSecrets.add(tokens.token);
  issuedSecrets.add(tokens.refreshToken);
  return tokens;
}

export async function refresh(server: TestServer, refreshToken: string): Promise<HttpReply> {
  const reply = await http(server, 'POST', '/api/session/refresh', { body: JSON.stringify({ refreshToken }) });
  if (reply.status === 200) {
    const tokens = LoginResponseSchema.parse(reply.json);
    issuedSecrets.add(tokens.token);
  }
  return reply;
}

// --- Tokens -------------------------------------------------------------------

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function jwtParts(token: string): { header: string; payload: string; signature: string; claims: Record<string, unknown> } {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return { header, payload, signature, claims: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown> };
}

/**
 * Tokens an attacker could make from a real one (`base`) and another user's
 * (`other`), without the server's secret: each must be refused.
 */
export async function forgedTokens(base: string, other: string): Promise<Array<[string, string]>> {
  const { header, payload, signature, claims } = jwtParts(base);
  const o = jwtParts(other);
  const inADay = Math.floor(Date.now() / 1000) + 86_400;
  return [
    ['signed with another secret', await sign({ ...claims, exp: inADay }, 'not-the-servers-secret-but-just-as-long-0123456789', 'HS256')],
    ['payload edited: sub of another user', `${header}.${b64({ ...claims, sub: o.claims.sub })}.${signature}`],
    ['payload edited: another session and device', `${header}.${b64({ ...claims, sid: o.claims.sid, did: o.claims.did })}.${signature}`],
    ['payload edited: exp a day later', `${header}.${b64({ ...claims, exp: inADay })}.${signature}`],
    ['alg none, empty signature', `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`],
    ['alg none, no signature part', `${b64({ alg: 'none', typ: 'JWT' })}.${payload}`],
    ['alg HS512 in the header, same signature', `${b64({ alg: 'HS512', typ: 'JWT' })}.${payload}.${signature}`],
    ['signature of another token', `${header}.${payload}.${o.signature}`],
    ['signature stripped', `${header}.${payload}.`],
    ['truncated by 6 characters', base.slice(0, -6)],
    ['truncated to its first half', base.slice(0, Math.floor(base.length / 2))],
    ['a fourth part appended', `${base}.${signature}`],
  ];
}

/** Tokens that are not tokens at all. */
export const JUNK_TOKENS: Array<[string, string]> = [
  ['garbage', 'not-a-token'],
  ['three dots', '...'],
  ['5000 characters', 'a'.repeat(5000)],
  ['JSON instead of a JWT', '{"sub":"admin"}'],
];

// --- Multiplexed sync socket ---------------------------------------------------

export function muxUrl(server: TestServer, token: string | undefined, ack = false): string {
  const params = new URLSearchParams();
  if (token !== undefined) params.set('token', token);
  if (ack) params.set(ACK_PARAM, '1');
  const query = params.toString();
  return `${server.wsUrl}${query ? `?${query}` : ''}`;
}

export type MuxClient = {
  raw: RawClient;
  /** Every binary message decoded as a frame; undecodable ones as null. */
  frames(): Array<MuxFrame | null>;
  framesFor(docName: string): MuxFrame[];
  open(docName: string): void;
  send(docName: string, message: Uint8Array): void;
  close(docName: string): void;
};

export function muxClient(raw: RawClient): MuxClient {
  const frames = () => raw.messages.map((m) => (typeof m === 'string' ? null : decodeMuxFrame(m)));
  return {
    raw,
    frames,
    framesFor: (docName) => frames().filter((f): f is MuxFrame => f !== null && f.docName === docName),
    open: (docName) => raw.send(encodeMuxOpen(docName)),
    send: (docName, message) => raw.send(encodeMuxMessage(docName, message)),
    close: (docName) => raw.send(encodeMuxClose(docName, 1000, 'closed by client')),
  };
}
