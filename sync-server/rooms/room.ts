// A room is one document in memory with the sockets syncing it. Every
// operation on the room runs through one serial queue, so a client update is
// applied, stored and only then broadcast, and nobody reads the doc while a
// write is half done.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MESSAGE_TYPE, encodeAckPayload, keepsHistory } from '../../domain';
import type { Logger } from '../logger';
import type { DocStore } from '../store/types';

/** One connected client, as the room sees it. */
export interface Peer {
  readonly id: number;
  readonly wantsAck: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export type ApplyResult = 'applied' | 'unchanged' | 'malformed' | 'store_failed';

/** What an update changed: root type name → the keys changed directly on that root (nested changes add the root only). */
export type RootChanges = Map<string, Set<string>>;

/** The root types (and their keys) a transaction changed: what the audit log records of a write, never values. */
function collectRootChanges(doc: Y.Doc, tr: Y.Transaction, into: RootChanges): void {
  // Yjs types its roots as AbstractType<any>.
  const names = new Map<Y.AbstractType<any>, string>();
  doc.share.forEach((type, name) => names.set(type, name));
  tr.changed.forEach((keys, type) => {
    let root: Y.AbstractType<any> = type;
    let direct = true;
    while (root._item && root._item.parent instanceof Y.AbstractType) {
      root = root._item.parent;
      direct = false;
    }
    const name = names.get(root);
    if (name === undefined) return;
    const set = into.get(name) ?? new Set<string>();
    if (direct) for (const key of keys) if (typeof key === 'string') set.add(key);
    into.set(name, set);
  });
}

export class Room {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly peers = new Set<Peer>();
  /** Holders other than peers (HTTP reads); the room stays loaded while any exist. */
  holds = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #storedRows: number;
  #broken = false;
  #destroyed = false;
  readonly #store: DocStore;
  readonly #log: Logger;
  readonly #compactAfter: number;

  private constructor(name: string, doc: Y.Doc, storedRows: number, store: DocStore, log: Logger, compactAfter: number) {
    this.name = name;
    this.doc = doc;
    this.#storedRows = storedRows;
    this.#store = store;
    this.#log = log;
    this.#compactAfter = compactAfter;
  }

  static async load(name: string, store: DocStore, log: Logger, compactAfter: number): Promise<Room> {
    const updates = await store.loadUpdates(name);
    // Journal docs keep deleted content, so that a rewritten signed entry can still be read as signed.
    const doc = new Y.Doc({ gc: !keepsHistory(name) });
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    const room = new Room(name, doc, updates.length, store, log, compactAfter);
    if (updates.length > compactAfter) await room.enqueue(() => room.#compact());
    return room;
  }

  get broken(): boolean {
    return this.#broken;
  }

  get idle(): boolean {
    return this.peers.size === 0 && this.holds === 0;
  }

  /** Runs `task` after every task queued before it; a failing task does not stop the queue. */
  enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies an update from a client (or from the server itself), persists what
   * was new, then broadcasts it to the other peers. Call inside enqueue().
   */
  async applyUpdate(update: Uint8Array, from: Peer | null, changes?: RootChanges): Promise<ApplyResult> {
    if (this.#broken) return 'store_failed';
    try {
      Y.decodeUpdate(update); // structural check before it touches the doc
    } catch {
      return 'malformed';
    }
    const effective: Uint8Array[] = [];
    const collect = (u: Uint8Array) => effective.push(u);
    const noteChanges = (tr: Y.Transaction) => changes && collectRootChanges(this.doc, tr, changes);
    this.doc.on('update', collect);
    this.doc.on('afterTransaction', noteChanges);
    try {
      Y.applyUpdate(this.doc, update, from);
    } catch {
      return 'malformed';
    } finally {
      this.doc.off('update', collect);
      this.doc.off('afterTransaction', noteChanges);
    }
    if (effective.length === 0) return 'unchanged';
    const merged = effective.length === 1 ? effective[0]! : Y.mergeUpdates(effective);
    try {
      this.#storedRows = await this.#store.appendUpdate(this.name, merged);
    } catch (err) {
      this.#fail(err);
      return 'store_failed';
    }
    this.#broadcast(merged, from);
    if (this.#storedRows > this.#compactAfter) await this.#compact();
    return 'applied';
  }

  /** The message that answers a client's sync step 1. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector));
    return encoding.toUint8Array(encoder);
  }

  syncStep1(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    return encoding.toUint8Array(encoder);
  }

  /** Slinga's ack: what the server now holds, persisted. */
  ackMessage(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPE.ack);
    encoding.writeVarUint8Array(encoder, encodeAckPayload(this.doc));
    return encoding.toUint8Array(encoder);
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    this.#destroyed = true;
    this.doc.destroy();
  }

  #broadcast(update: Uint8Array, from: Peer | null): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const peer of this.peers) if (peer !== from) peer.send(message);
  }

  async #compact(): Promise<void> {
    try {
      await this.#store.replaceWithSnapshot(this.name, Y.encodeStateAsUpdate(this.doc));
      this.#log.debug('doc_compacted', { doc: this.name, rows: this.#storedRows });
      this.#storedRows = 1;
    } catch (err) {
      // The log of updates is still complete; compaction is only an optimisation.
      this.#log.warn('compaction_failed', { doc: this.name, error: err instanceof Error ? err.name : 'unknown' });
    }
  }

  #fail(err: unknown): void {
    // The doc in memory now holds something that is not stored: drop it and let
    // every client reconnect. Their unacknowledged changes are still on the devices.
    this.#broken = true;
    this.#log.error('store_write_failed', { doc: this.name, error: err instanceof Error ? err.message : 'unknown' });
    for (const peer of this.peers) peer.close(1011, 'server error, reconnect');
  }
}
