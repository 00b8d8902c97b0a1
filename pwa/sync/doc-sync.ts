// Syncs one doc with the server through a stock y-websocket WebsocketProvider,
// with IndexedDB in front of the wire in both directions:
//
//   local edit -> y-dexie row committed in IndexedDB -> forward() -> wire doc -> provider -> server
//   server -> provider -> wire doc -> onRemoteUpdate -> row in IndexedDB -> y-dexie doc (if open)
//
// The provider only ever sees the wire doc, and the wire doc only receives
// local changes from rows already committed to IndexedDB, so nothing leaves
// the device before it is saved on it. The wire doc is private to this class.
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ACK_PARAM, MESSAGE_TYPE, isFatalClose, keepsHistory } from '../../domain';

const FROM_STORAGE = Symbol('from-storage');

export type DocSyncEvents = {
  onAck(docName: string, payload: Uint8Array): void;
  onRemoteUpdate(docName: string, update: Uint8Array): void;
  onFatalClose(docName: string, code: number): void;
  onStatus(docName: string, connected: boolean): void;
  onError(error: unknown): void;
};

export type DocSyncOptions = {
  name: string;
  /** Every stored update of the doc (y-dexie rows, V2 encoding). */
  storedUpdatesV2: Uint8Array[];
  serverUrl: string;
  token: string;
  connect: boolean;
  /** The transport: a WebSocket class (the multiplexed one in the app). */
  socketClass?: typeof WebSocket;
};

export class DocSync {
  readonly name: string;
  readonly #wire: Y.Doc;
  readonly #provider: WebsocketProvider;
  readonly #cleanups: Array<() => void> = [];

  constructor(options: DocSyncOptions, events: DocSyncEvents) {
    const name = options.name;
    this.name = name;
    const wire = new Y.Doc({ gc: !keepsHistory(name) });
    this.#wire = wire;
    wire.transact(() => {
      for (const u of options.storedUpdatesV2) {
        try {
          Y.applyUpdateV2(wire, u);
        } catch (err) {
          // One unreadable row must not keep the rest of the doc from syncing.
          events.onError(err);
        }
      }
    }, FROM_STORAGE);

    const provider = new WebsocketProvider(options.serverUrl, name, wire, {
      params: { token: options.token, [ACK_PARAM]: '1' },
      connect: options.connect,
      disableBc: true,
      maxBackoffTime: 5000,
      shouldReconnect: (event: CloseEvent) => !isFatalClose(event.code),
      ...(options.socketClass ? { WebSocketPolyfill: options.socketClass } : {}),
    });
    this.#provider = provider;
    provider.messageHandlers[MESSAGE_TYPE.ack] = (_encoder, decoder) => {
      events.onAck(name, decoding.readVarUint8Array(decoder));
    };

    const onWireUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === provider) events.onRemoteUpdate(name, update);
    };
    wire.on('update', onWireUpdate);
    const onClosed = (event: { code: number }) => events.onFatalClose(name, event.code);
    provider.on('closed', onClosed);
    const onStatus = ({ status }: { status: string }) => events.onStatus(name, status === 'connected');
    provider.on('status', onStatus);
    this.#cleanups.push(() => {
      wire.off('update', onWireUpdate);
      provider.off('closed', onClosed);
      provider.off('status', onStatus);
    });
  }

  /** Hands a committed local update (y-dexie row, V2 encoding) to the wire. */
  forward(updateV2: Uint8Array): void {
    Y.applyUpdateV2(this.#wire, updateV2, FROM_STORAGE);
  }

  get connected(): boolean {
    return this.#provider.wsconnected;
  }

  reconnect(): void {
    this.#provider.connect();
  }

  disconnect(): void {
    this.#provider.disconnect();
  }

  destroy(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#provider.destroy();
    this.#wire.destroy();
  }
}
