// Node wiring: the Hono app on a real port, the WebSocket sync route, and the
// built PWA as static files. Returns a handle with close() for tests and main.
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createNodeWebSocket } from '@hono/node-ws';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ACK_PARAM, CLOSE_CODES, CLOSE_REASONS, MAX_MESSAGE_BYTES, docAccess, parseDocName } from '../domain';
import { createApp, type AppDeps } from './app';
import { authenticate } from './http/auth-middleware';
import type { Peer } from './rooms/room';
import { SyncSession } from './rooms/sync-session';

export type ServerDeps = AppDeps & { staticDir: string; port: number; host: string };

export type RunningServer = { port: number; close(): Promise<void> };

/** The ws library's own hard cap; above MAX_MESSAGE_BYTES our session closes with 4413 first. */
const WS_MAX_PAYLOAD_BYTES = 4 * MAX_MESSAGE_BYTES;

export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  const app = createApp(deps);
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app });
  wss.options.maxPayload = WS_MAX_PAYLOAD_BYTES;
  let nextPeerId = 1;

  app.get('/sync/:docName', async (c, next) => {
    const docName = c.req.param('docName');
    const url = new URL(c.req.url);
    const auth = await authenticate(url.searchParams.get('token') ?? undefined, deps.tokens, deps.directory);
    const ref = parseDocName(docName);
    const access =
      auth.ok && ref ? docAccess(auth.user, ref, (id) => deps.directory.teamOfBrukare(id)) : 'none';
    const refusal = !auth.ok ? CLOSE_CODES.unauthorized : !ref || access === 'none' ? CLOSE_CODES.forbidden : null;
    const wantsAck = url.searchParams.get(ACK_PARAM) === '1';
    let session: SyncSession | null = null;
    let room: Awaited<ReturnType<typeof deps.rooms.acquire>> | null = null;
    let ended = false;
    const buffered: Uint8Array[] = [];

    const handler = upgradeWebSocket(() => ({
      onOpen(_evt, ws) {
        if (refusal !== null || !auth.ok || access === 'none') {
          // Refused before any document data is sent.
          deps.log.info('sync_refused', { code: refusal ?? CLOSE_CODES.forbidden });
          ws.close(refusal ?? CLOSE_CODES.forbidden, CLOSE_REASONS[refusal ?? CLOSE_CODES.forbidden]);
          return;
        }
        const peer: Peer = {
          id: nextPeerId++,
          wantsAck,
          send: (message) => {
            if (ws.readyState === 1) ws.raw?.send(message);
          },
          close: (code, reason) => ws.close(code, reason),
        };
        void deps.rooms
          .acquire(docName)
          .then(async (acquired) => {
            room = acquired;
            if (ended) return;
            session = new SyncSession(acquired, peer, { userId: auth.user.id, docName, access }, deps.log);
            await session.start();
            for (const data of buffered.splice(0)) void session.receive(data);
          })
          .catch((err: unknown) => {
            deps.log.error('room_load_failed', { doc: docName, error: err instanceof Error ? err.message : 'unknown' });
            ws.close(CLOSE_CODES.serverError, CLOSE_REASONS[CLOSE_CODES.serverError]);
          })
          .finally(() => {
            if (room) deps.rooms.release(room);
          });
      },
      onMessage(evt, ws) {
        const data = evt.data;
        if (!(data instanceof ArrayBuffer)) {
          ws.close(CLOSE_CODES.malformedMessage, CLOSE_REASONS[CLOSE_CODES.malformedMessage]);
          return;
        }
        const bytes = new Uint8Array(data);
        if (session) void session.receive(bytes);
        else buffered.push(bytes); // the room is still loading
      },
      onClose() {
        ended = true;
        session?.end();
        if (room) deps.rooms.releaseIfIdle(room);
      },
      onError() {
        ended = true;
        session?.end();
      },
    }));
    return handler(c, next);
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
      await deps.rooms.closeAll(1001, 'server shutting down');
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((res) => server.close(() => res()));
    },
  };
}
