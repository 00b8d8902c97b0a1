// Syncs one device doc with the server through a stock y-websocket
// WebsocketProvider, with the device's IndexedDB in front of the wire:
//
//   local doc (y-dexie) --[row committed in IndexedDB]--> wire doc --> provider --> server
//   local doc <--[REMOTE]-- wire doc <-- provider <-- server
//
// The provider only ever sees the wire doc, and the wire doc only receives
// local changes from rows already committed to IndexedDB (forward()), so
// nothing leaves the device before it is saved on it.
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ACK_PARAM, MESSAGE_TYPE, isFatalClose } from '../../domain';
import { REMOTE } from './origins';

const FROM_STORAGE = Symbol('from-storage');

export type DocSyncEvents = {
  onAck(docName: string, payload: Uint8Array): void;
  onFatalClose(docName: string, code: number): void;
  onStatus(docName: string, connected: boolean): void;
};

export class DocSync {
  readonly name: string;
  readonly #wire = new Y.Doc();
  readonly #provider: WebsocketProvider;
  readonly #cleanups: Array<() => void> = [];

  constructor(name: string, local: Y.Doc, storedUpdatesV2: Uint8Array[], serverUrl: string, token: string, events: DocSyncEvents) {
    this.name = name;
    const wire = this.#wire;
    wire.transact(() => {
      for (const u of storedUpdatesV2) Y.applyUpdateV2(wire, u);
    }, FROM_STORAGE);

    const provider = new WebsocketProvider(serverUrl, name, wire, {
      params: { token, [ACK_PARAM]: '1' },
      disableBc: true,
      maxBackoffTime: 5000,
      shouldReconnect: (event: CloseEvent) => !isFatalClose(event.code),
    });
    this.#provider = provider;
    provider.messageHandlers[MESSAGE_TYPE.ack] = (_encoder, decoder) => {
      events.onAck(name, decoding.readVarUint8Array(decoder));
    };

    const onWireUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === provider) Y.applyUpdate(local, update, REMOTE);
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

  destroy(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#provider.destroy();
    this.#wire.destroy();
  }
}
