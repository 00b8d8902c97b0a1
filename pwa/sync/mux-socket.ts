// A WebSocket look-alike per document, all carried over one real WebSocket
// (WS /sync, frames in domain/mux.ts). It is handed to the stock y-websocket
// WebsocketProvider as its WebSocketPolyfill, so the provider's protocol,
// reconnect and back-off logic stay as they are; only the transport is shared.
// Browsers open WebSockets to a host one at a time with a throttled handshake
// each, which made a device with ~100 docs take seconds to reconnect.
import { MUX_KIND, decodeMuxFrame, encodeMuxClose, encodeMuxMessage, encodeMuxOpen } from '../../domain';

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

type CloseInfo = { code: number; reason: string };

/** The one real socket and the channels riding on it. */
export class MuxConnection {
  readonly #url: () => string;
  readonly #channels = new Map<string, MuxChannelSocket>();
  #ws: WebSocket | null = null;

  /** `url`: ws(s)://host/sync?token=…&ack=1, asked for each new socket (the token changes). */
  constructor(url: () => string) {
    this.#url = url;
  }

  /** A WebSocket class for y-websocket's `WebSocketPolyfill` option. */
  socketClass(): typeof WebSocket {
    const connection = this;
    class BoundMuxSocket extends MuxChannelSocket {
      constructor(url: string | URL) {
        super(connection, url);
      }
    }
    return BoundMuxSocket as unknown as typeof WebSocket;
  }

  register(channel: MuxChannelSocket): void {
    const previous = this.#channels.get(channel.docName);
    if (previous && previous !== channel) previous.detach({ code: 1000, reason: 'replaced' });
    this.#channels.set(channel.docName, channel);
    const ws = this.#ensureSocket();
    if (ws.readyState === OPEN) ws.send(encodeMuxOpen(channel.docName));
  }

  unregister(channel: MuxChannelSocket): void {
    if (this.#channels.get(channel.docName) !== channel) return;
    this.#channels.delete(channel.docName);
    if (this.#ws?.readyState === OPEN) this.#ws.send(encodeMuxClose(channel.docName, 1000, 'closed by client'));
    if (this.#channels.size === 0) this.close();
  }

  send(channel: MuxChannelSocket, data: Uint8Array): void {
    if (this.#channels.get(channel.docName) !== channel || this.#ws?.readyState !== OPEN) return;
    this.#ws.send(encodeMuxMessage(channel.docName, data));
  }

  /** Closes the real socket; every channel sees a close (and its provider decides whether to reconnect). */
  close(): void {
    const ws = this.#ws;
    this.#ws = null;
    // The channels of this socket close now; the socket's own close event, which
    // may come much later, must not touch channels that ride on a newer socket.
    this.#detachAll({ code: 1000, reason: 'connection closed' });
    if (ws && ws.readyState < CLOSING) ws.close(1000, 'no channels');
  }

  #detachAll(info: CloseInfo): void {
    const channels = [...this.#channels.values()];
    this.#channels.clear();
    for (const channel of channels) channel.detach(info);
  }

  #ensureSocket(): WebSocket {
    if (this.#ws && this.#ws.readyState < CLOSING) return this.#ws;
    const ws = new WebSocket(this.#url());
    ws.binaryType = 'arraybuffer';
    this.#ws = ws;
    ws.onopen = () => {
      if (this.#ws !== ws) return;
      for (const name of this.#channels.keys()) ws.send(encodeMuxOpen(name));
    };
    ws.onmessage = (event: MessageEvent) => {
      if (this.#ws !== ws || !(event.data instanceof ArrayBuffer)) return;
      const frame = decodeMuxFrame(new Uint8Array(event.data));
      if (!frame) return;
      const channel = this.#channels.get(frame.docName);
      if (!channel) return;
      switch (frame.kind) {
        case MUX_KIND.open:
          return channel.opened();
        case MUX_KIND.message:
          return channel.message(frame.body);
        case MUX_KIND.close:
          this.#channels.delete(frame.docName);
          return channel.detach({ code: frame.code, reason: frame.reason });
        default: {
          const never: never = frame;
          return never;
        }
      }
    };
    ws.onclose = (event: CloseEvent) => {
      if (this.#ws !== ws) return; // an old socket: its channels were detached when it was replaced
      this.#ws = null;
      this.#detachAll({ code: event.code, reason: event.reason });
    };
    return ws;
  }
}

/** What y-websocket sees as its WebSocket: one document's channel. */
export class MuxChannelSocket {
  readonly CONNECTING = CONNECTING;
  readonly OPEN = OPEN;
  readonly CLOSING = CLOSING;
  readonly CLOSED = CLOSED;
  readonly docName: string;
  readonly url: string;
  binaryType: BinaryType = 'arraybuffer';
  readyState: number = CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly #connection: MuxConnection;

  constructor(connection: MuxConnection, url: string | URL) {
    this.#connection = connection;
    this.url = String(url);
    // y-websocket builds <serverUrl>/<docName>?<params>
    const path = new URL(this.url).pathname;
    this.docName = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    connection.register(this);
  }

  send(data: ArrayBufferLike | Uint8Array): void {
    if (this.readyState !== OPEN) return;
    this.#connection.send(this, data instanceof Uint8Array ? data : new Uint8Array(data));
  }

  close(): void {
    if (this.readyState >= CLOSING) return;
    this.#connection.unregister(this);
    this.detach({ code: 1000, reason: 'closed by client' });
  }

  opened(): void {
    if (this.readyState !== CONNECTING) return;
    this.readyState = OPEN;
    this.onopen?.(new Event('open'));
  }

  message(body: Uint8Array): void {
    if (this.readyState !== OPEN) return;
    this.onmessage?.(new MessageEvent('message', { data: body.slice().buffer }));
  }

  /** The channel is gone (closed by either side, or the real socket closed). */
  detach(info: CloseInfo): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    const handler = this.onclose;
    // Like a real WebSocket, the close event comes asynchronously.
    queueMicrotask(() => handler?.(new CloseEvent('close', { code: info.code, reason: info.reason, wasClean: info.code === 1000 })));
  }
}
