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
  MAX_MESSAGE_BYTES,
  MUX_KIND,
  decodeMuxFrame,
  encodeMuxClose,
  encodeMuxMessage,
  encodeMuxOpen,
  type CloseCode,
} from '../domain';
import { createApp, type AppDeps } from './app';
import { authenticate } from './http/auth-middleware';
import type { Peer } from './rooms/room';
import { Channel, channelAccess } from './rooms/channel';

export type ServerDeps = AppDeps & { staticDir: string; port: number; host: string };

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

  const channelDeps = { rooms: deps.rooms, directory: deps.directory, log: deps.log };

  // One document per WebSocket: what a stock y-websocket client speaks.
  app.get('/sync/:docName', async (c, next) => {
    const docName = c.req.param('docName');
    const url = new URL(c.req.url);
    const auth = await authenticate(url.searchParams.get('token') ?? undefined, deps.tokens, deps.directory);
    const access = auth.ok ? channelAccess(deps.directory, auth.user, docName) : null;
    const wantsAck = url.searchParams.get(ACK_PARAM) === '1';
    let channel: Channel | null = null;
    let expiry: NodeJS.Timeout | undefined;
    return upgradeWebSocket(() => ({
      onOpen(_evt, ws) {
        // Refused before any document data is sent.
        if (!auth.ok) return refuse(ws, CLOSE_CODES.unauthorized);
        if (!access?.ok) return refuse(ws, CLOSE_CODES.forbidden);
        const peer: Peer = {
          id: nextPeerId++,
          wantsAck,
          send: (message) => {
            if (ws.readyState === 1) ws.raw?.send(message);
          },
          close: (code, reason) => ws.close(code, reason),
        };
        channel = new Channel(channelDeps, docName, auth.user.id, access.access, peer);
        void channel.start();
        expiry = setTimeout(() => refuse(ws, CLOSE_CODES.unauthorized), Math.max(0, Math.min(auth.expiresAtMs - Date.now(), 2 ** 31 - 1)));
      },
      onMessage(evt, ws) {
        if (!(evt.data instanceof ArrayBuffer)) return refuse(ws, CLOSE_CODES.malformedMessage);
        channel?.receive(new Uint8Array(evt.data));
      },
      onClose() {
        clearTimeout(expiry);
        channel?.end();
      },
      onError() {
        clearTimeout(expiry);
        channel?.end();
      },
    }))(c, next);
  });

  // Many documents over one WebSocket (see domain/mux.ts): what the PWA uses.
  app.get('/sync', async (c, next) => {
    const url = new URL(c.req.url);
    const auth = await authenticate(url.searchParams.get('token') ?? undefined, deps.tokens, deps.directory);
    const wantsAck = url.searchParams.get(ACK_PARAM) === '1';
    const channels = new Map<string, Channel>();
    let expiry: NodeJS.Timeout | undefined;
    return upgradeWebSocket(() => ({
      onOpen(_evt, ws) {
        if (!auth.ok) return refuse(ws, CLOSE_CODES.unauthorized);
        // The token's lifetime ends the socket too, however long it has been open.
        expiry = setTimeout(() => refuse(ws, CLOSE_CODES.unauthorized), Math.max(0, Math.min(auth.expiresAtMs - Date.now(), 2 ** 31 - 1)));
      },
      onMessage(evt, ws) {
        if (!auth.ok) return;
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
            // Permissions are checked again for every channel: a user removed or moved
            // to another team since the socket opened gets nothing new.
            const current = deps.directory.findUserById(auth.user.id);
            if (!current) return refuse(ws, CLOSE_CODES.unauthorized);
            const access = channelAccess(deps.directory, current, frame.docName);
            if (!access.ok) return send(encodeMuxClose(frame.docName, access.code, CLOSE_REASONS[access.code]));
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
            const channel = new Channel(channelDeps, docName, auth.user.id, access.access, peer);
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
        clearTimeout(expiry);
        for (const channel of channels.values()) channel.end();
        channels.clear();
      },
      onError() {
        clearTimeout(expiry);
        for (const channel of channels.values()) channel.end();
        channels.clear();
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
      await deps.rooms.closeAll(1001, 'server shutting down');
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((res) => server.close(() => res()));
    },
  };
}
