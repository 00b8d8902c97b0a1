// Node wiring: the Hono app on a real port, the WebSocket sync route, and the
// built PWA as static files. Returns a handle with close() for tests and main.
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createNodeWebSocket } from '@hono/node-ws';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  ACK_PARAM,
  CLOSE_CODES,
  CLOSE_REASONS,
  MAX_DOCS_PER_CONNECTION,
  MAX_MESSAGE_BYTES,
  MUX_KIND,
  AUTH_ERROR_CODES,
  DEFAULT_RETENTION_DAYS_AFTER_END,
  describeBrukareWrite,
  localDate,
  parseDocName,
  decodeMuxFrame,
  encodeMuxClose,
  encodeMuxMessage,
  encodeMuxOpen,
  type CloseCode,
} from '../domain';
import { createApp, type AppDeps } from './app';
import type { SessionAuth } from './auth/sessions';
import type { Peer } from './rooms/room';
import { Channel, channelAccess } from './rooms/channel';

export type ServerDeps = AppDeps & {
  staticDir: string;
  port: number;
  host: string;
  /** How often an open socket's session and channels are checked again (PERMISSION_RECHECK_SECONDS; revocation also closes at once). */
  permissionRecheckMs?: number;
};

/** Sync messages one socket may send per second on average (bursts of ten times that pass). */
const MESSAGES_PER_SECOND = 500;
/** Default of ServerDeps.permissionRecheckMs. */
const RECHECK_MS = 60_000;

/** A per-socket message budget: a token bucket refilled at MESSAGES_PER_SECOND. */
function messageBudget(): () => boolean {
  let tokens = MESSAGES_PER_SECOND * 10;
  let last = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(MESSAGES_PER_SECOND * 10, tokens + ((now - last) / 1000) * MESSAGES_PER_SECOND);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

function closeCodeOf(auth: Extract<SessionAuth, { ok: false }>): CloseCode {
  return auth.code === AUTH_ERROR_CODES.revoked ? CLOSE_CODES.revoked : CLOSE_CODES.unauthorized;
}

export type RunningServer = { port: number; close(): Promise<void> };

/** The ws library's own hard cap; above MAX_MESSAGE_BYTES our session closes with 4413 first. */
const WS_MAX_PAYLOAD_BYTES = 4 * MAX_MESSAGE_BYTES;

function refuse(ws: { close(code: number, reason: string): void }, code: CloseCode): void {
  ws.close(code, CLOSE_REASONS[code]);
}

/**
 * A browser always sends Origin with a WebSocket upgrade: one from another
 * site is cross-site WebSocket hijacking and is refused. Clients that are not
 * browsers (payroll systems, stock y-websocket in Node) send none.
 */
export function isForeignOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined || origin === '') return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  const app = createApp(deps);
  app.use('/sync/*', async (c, next) => {
    if (isForeignOrigin(c.req.header('origin'), c.req.header('host'))) {
      deps.log.warn('ws_foreign_origin', { path: new URL(c.req.url).pathname.split('/').slice(0, 2).join('/') });
      return c.json({ error: 'foreign origin' }, 403);
    }
    return next();
  });
  app.use('/sync', async (c, next) => {
    if (isForeignOrigin(c.req.header('origin'), c.req.header('host'))) {
      deps.log.warn('ws_foreign_origin', { path: '/sync' });
      return c.json({ error: 'foreign origin' }, 403);
    }
    return next();
  });
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app });
  wss.options.maxPayload = WS_MAX_PAYLOAD_BYTES;
  let nextPeerId = 1;
  const { sessions, audit } = deps.security;

  // Open sockets by session, so that a sign-out or a revocation closes them at once.
  const socketsOfSession = new Map<string, Set<{ close(code: number, reason: string): void }>>();
  const track = (sessionId: string, ws: { close(code: number, reason: string): void }) => {
    let set = socketsOfSession.get(sessionId);
    if (!set) socketsOfSession.set(sessionId, (set = new Set()));
    set.add(ws);
    return () => {
      set.delete(ws);
      if (set.size === 0) socketsOfSession.delete(sessionId);
    };
  };
  const stopListening = sessions.onEnded(({ sessionIds, wipe }) => {
    for (const sid of sessionIds) {
      for (const ws of socketsOfSession.get(sid) ?? []) refuse(ws, wipe ? CLOSE_CODES.revoked : CLOSE_CODES.unauthorized);
    }
  });
  // Which user's devices got which recipient's docs: logged once per session and doc.
  const loggedDocs = new Set<string>();
  const logDocRead = (auth: Extract<SessionAuth, { ok: true }>, docName: string) => {
    const ref = parseDocName(docName);
    if (!ref || (ref.kind !== 'brukare' && ref.kind !== 'journal')) return;
    const key = `${auth.sessionId}/${docName}`;
    if (loggedDocs.has(key)) return;
    if (loggedDocs.size > 200_000) loggedDocs.clear();
    loggedDocs.add(key);
    audit.append({ action: 'recipient_doc_synced', actorId: auth.user.id, deviceId: auth.deviceId, subjectKind: 'brukare', subjectId: ref.brukareId, detail: { doc: ref.kind } });
  };

  // Every change to a recipient's care plan or card, attributed to the signed-in user and device.
  const auditWrites = (auth: Extract<SessionAuth, { ok: true }>, docName: string) => {
    const ref = parseDocName(docName);
    if (ref?.kind !== 'brukare') return undefined;
    return (changes: ReadonlyMap<string, ReadonlySet<string>>) => {
      for (const write of describeBrukareWrite(changes)) {
        audit.append({ action: write.action, actorId: auth.user.id, deviceId: auth.deviceId, subjectKind: 'brukare', subjectId: ref.brukareId, detail: write.detail });
      }
    };
  };

  const channelDeps = { rooms: deps.rooms, directory: deps.directory, log: deps.log };
  const retention = () => ({ today: localDate(deps.now()), days: deps.retentionDaysAfterEnd ?? DEFAULT_RETENTION_DAYS_AFTER_END });

  // One document per WebSocket: what a stock y-websocket client speaks.
  app.get('/sync/:docName', async (c, next) => {
    const docName = c.req.param('docName');
    const url = new URL(c.req.url);
    const auth = await sessions.authenticate(url.searchParams.get('token') ?? undefined);
    const access = auth.ok ? channelAccess(deps.directory, auth.user, docName, retention()) : null;
    const wantsAck = url.searchParams.get(ACK_PARAM) === '1';
    let channel: Channel | null = null;
    let expiry: NodeJS.Timeout | undefined;
    let recheck: NodeJS.Timeout | undefined;
    let untrack = () => {};
    const withinBudget = messageBudget();
    return upgradeWebSocket(() => ({
      onOpen(_evt, ws) {
        // Refused before any document data is sent.
        if (!auth.ok) return refuse(ws, closeCodeOf(auth));
        if (!access?.ok) return refuse(ws, CLOSE_CODES.forbidden);
        untrack = track(auth.sessionId, ws);
        logDocRead(auth, docName);
        const peer: Peer = {
          id: nextPeerId++,
          wantsAck,
          send: (message) => {
            if (ws.readyState === 1) ws.raw?.send(message);
          },
          close: (code, reason) => ws.close(code, reason),
        };
        const opened = new Channel(channelDeps, docName, auth.user.id, access.access, peer, auditWrites(auth, docName));
        channel = opened;
        void opened.start();
        // The socket lives as long as its session; a sign-out or revocation closes it sooner.
        expiry = setTimeout(() => refuse(ws, CLOSE_CODES.unauthorized), Math.max(0, Math.min(auth.sessionExpiresAtMs - Date.now(), 2 ** 31 - 1)));
        // Roles and teams can change while the socket is open: lost access closes it for good,
        // changed access (read ↔ write) closes it so that the client reconnects with the new one.
        recheck = setInterval(() => {
          const current = sessions.stillValid(auth.sessionId, auth.user.id, auth.deviceId);
          if (!current.ok) return refuse(ws, closeCodeOf(current));
          const now = channelAccess(deps.directory, current.user, docName, retention());
          if (!now.ok) return refuse(ws, now.code);
          if (now.access !== opened.access) refuse(ws, CLOSE_CODES.tryAgainLater);
        }, deps.permissionRecheckMs ?? RECHECK_MS);
      },
      onMessage(evt, ws) {
        if (!withinBudget()) return refuse(ws, CLOSE_CODES.tryAgainLater);
        if (!(evt.data instanceof ArrayBuffer)) return refuse(ws, CLOSE_CODES.malformedMessage);
        channel?.receive(new Uint8Array(evt.data));
      },
      onClose() {
        clearTimeout(expiry);
        clearInterval(recheck);
        untrack();
        channel?.end();
      },
      onError() {
        clearTimeout(expiry);
        clearInterval(recheck);
        untrack();
        channel?.end();
      },
    }))(c, next);
  });

  // Many documents over one WebSocket (see domain/mux.ts): what the PWA uses.
  app.get('/sync', async (c, next) => {
    const url = new URL(c.req.url);
    const auth = await sessions.authenticate(url.searchParams.get('token') ?? undefined);
    const wantsAck = url.searchParams.get(ACK_PARAM) === '1';
    const channels = new Map<string, Channel>();
    let expiry: NodeJS.Timeout | undefined;
    let recheck: NodeJS.Timeout | undefined;
    let untrack = () => {};
    const withinBudget = messageBudget();
    const endAll = () => {
      clearTimeout(expiry);
      clearInterval(recheck);
      untrack();
      for (const channel of channels.values()) channel.end();
      channels.clear();
    };
    return upgradeWebSocket(() => ({
      onOpen(_evt, ws) {
        if (!auth.ok) return refuse(ws, closeCodeOf(auth));
        untrack = track(auth.sessionId, ws);
        // The socket lives as long as its session; a sign-out or revocation closes it sooner.
        expiry = setTimeout(() => refuse(ws, CLOSE_CODES.unauthorized), Math.max(0, Math.min(auth.sessionExpiresAtMs - Date.now(), 2 ** 31 - 1)));
        // Roles and teams can change while a socket is open: channels that lost access are closed.
        recheck = setInterval(() => {
          const current = sessions.stillValid(auth.sessionId, auth.user.id, auth.deviceId);
          if (!current.ok) return refuse(ws, closeCodeOf(current));
          for (const [docName, channel] of channels) {
            const access = channelAccess(deps.directory, current.user, docName, retention());
            if (access.ok && access.access === channel.access) continue;
            channel.end();
            channels.delete(docName);
            // Lost: refused for good. Changed (a scheduler who became a caregiver): closed so
            // that the device opens it again, with the access the person has now.
            const code = access.ok ? CLOSE_CODES.tryAgainLater : access.code;
            if (ws.readyState === 1) ws.raw?.send(encodeMuxClose(docName, code, CLOSE_REASONS[code]));
          }
        }, deps.permissionRecheckMs ?? RECHECK_MS);
      },
      onMessage(evt, ws) {
        if (!auth.ok) return;
        if (!withinBudget()) return refuse(ws, CLOSE_CODES.tryAgainLater);
        if (!(evt.data instanceof ArrayBuffer)) return refuse(ws, CLOSE_CODES.malformedMessage);
        const frame = decodeMuxFrame(new Uint8Array(evt.data));
        if (!frame) return refuse(ws, CLOSE_CODES.malformedMessage);
        const send = (bytes: Uint8Array) => {
          if (ws.readyState === 1) ws.raw?.send(bytes);
        };
        switch (frame.kind) {
          case MUX_KIND.open: {
            channels.get(frame.docName)?.end();
            channels.delete(frame.docName);
            // Session and permissions are checked again for every channel: a user
            // revoked, or moved to another team, since the socket opened gets nothing new.
            const current = sessions.stillValid(auth.sessionId, auth.user.id, auth.deviceId);
            if (!current.ok) return refuse(ws, closeCodeOf(current));
            const access = channelAccess(deps.directory, current.user, frame.docName, retention());
            if (!access.ok) return send(encodeMuxClose(frame.docName, access.code, CLOSE_REASONS[access.code]));
            if (channels.size >= MAX_DOCS_PER_CONNECTION) {
              return send(encodeMuxClose(frame.docName, CLOSE_CODES.tooManyDocs, CLOSE_REASONS[CLOSE_CODES.tooManyDocs]));
            }
            logDocRead(current, frame.docName);
            const docName = frame.docName;
            const peer: Peer = {
              id: nextPeerId++,
              wantsAck,
              send: (message) => send(encodeMuxMessage(docName, message)),
              close: (code, reason) => {
                if (channels.get(docName) === channel) channels.delete(docName);
                channel.end();
                send(encodeMuxClose(docName, code, reason));
              },
            };
            const channel = new Channel(channelDeps, docName, auth.user.id, access.access, peer, auditWrites(auth, docName));
            channels.set(docName, channel);
            send(encodeMuxOpen(docName));
            void channel.start();
            return;
          }
          case MUX_KIND.message:
            return channels.get(frame.docName)?.receive(frame.body);
          case MUX_KIND.close:
            channels.get(frame.docName)?.end();
            channels.delete(frame.docName);
            return;
          default: {
            const never: never = frame;
            return never;
          }
        }
      },
      onClose() {
        endAll();
      },
      onError() {
        endAll();
      },
    }))(c, next);
  });

  const staticRoot = resolve(deps.staticDir);
  if (existsSync(join(staticRoot, 'index.html'))) {
    app.use('/sw.js', async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-cache');
    });
    app.use('/*', serveStatic({ root: deps.staticDir }));
    // Client-side routes: every other GET that is not an API or sync path gets the app shell.
    app.get('*', serveStatic({ root: deps.staticDir, path: 'index.html' }));
  } else {
    deps.log.warn('static_dir_missing', { dir: staticRoot });
  }

  const server: ServerType = await new Promise((resolvePromise) => {
    const s = serve({ fetch: app.fetch, port: deps.port, hostname: deps.host }, () => resolvePromise(s));
  });
  // Small sync frames must not wait for Nagle's algorithm.
  server.on('connection', (socket: import('node:net').Socket) => socket.setNoDelay(true));
  injectWebSocket(server);
  const port = (server.address() as AddressInfo).port;
  deps.log.info('listening', { port });

  return {
    port,
    async close() {
      stopListening();
      await deps.rooms.closeAll(1001, 'server shutting down');
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((res) => server.close(() => res()));
    },
  };
}
