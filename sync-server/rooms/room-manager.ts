// Loads rooms on first use and drops them when the last client leaves (never
// while a queued write is pending, because the drop itself is queued).
import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocStore } from '../store/types';
import { Room, type ApplyResult } from './room';

export class RoomManager {
  readonly #rooms = new Map<string, Promise<Room>>();
  readonly #store: DocStore;
  readonly #log: Logger;
  readonly #compactAfter: number;

  constructor(store: DocStore, log: Logger, compactAfter: number) {
    this.#store = store;
    this.#log = log;
    this.#compactAfter = compactAfter;
  }

  get loadedCount(): number {
    return this.#rooms.size;
  }

  /**
   * The loaded room for `name`, loading it if needed, with one hold taken for
   * the caller (so that it cannot be unloaded before the caller adds a peer).
   * Give the hold back with release().
   */
  async acquire(name: string): Promise<Room> {
    let pending = this.#rooms.get(name);
    if (!pending) {
      pending = Room.load(name, this.#store, this.#log, this.#compactAfter);
      this.#rooms.set(name, pending);
      pending.catch(() => this.#rooms.delete(name));
    }
    const room = await pending;
    if (room.broken || room.destroyed) {
      // Dropped between load and use: load it afresh from the store.
      if (this.#rooms.get(name) === pending) this.#rooms.delete(name);
      return this.acquire(name);
    }
    room.holds++;
    return room;
  }

  release(room: Room): void {
    room.holds--;
    this.releaseIfIdle(room);
  }

  /** Call when a peer or hold was removed: unloads the room once idle and drained. */
  releaseIfIdle(room: Room): void {
    void room.enqueue(async () => {
      if (!room.idle && !room.broken) return;
      const current = await this.#rooms.get(room.name)?.catch(() => null);
      // Someone may have acquired it while we awaited: check again.
      if (!room.idle && !room.broken) return;
      if (current === room) this.#rooms.delete(room.name);
      room.destroy();
    });
  }

  /** Reads a doc (loading it for the duration), after any queued writes. */
  async read<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.acquire(name);
    try {
      return await room.enqueue(() => fn(room.doc));
    } finally {
      this.release(room);
    }
  }

  /** Applies a server-side update (imports, admin actions) with the same persist-then-broadcast rule. */
  async write(name: string, update: Uint8Array): Promise<ApplyResult> {
    const room = await this.acquire(name);
    try {
      return await room.enqueue(() => room.applyUpdate(update, null));
    } finally {
      this.release(room);
    }
  }

  /**
   * Changes a doc on the server (orders, imports): `fn` edits a copy of the
   * current doc; what it changed is applied like any client's update
   * (persisted, then broadcast). Returns `fn`'s result.
   */
  async change<T>(name: string, fn: (doc: Y.Doc) => T): Promise<{ result: T; applied: ApplyResult }> {
    const room = await this.acquire(name);
    try {
      return await room.enqueue(async () => {
        const copy = new Y.Doc({ gc: room.doc.gc });
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
        const before = Y.encodeStateVector(copy);
        const result = fn(copy);
        const update = Y.encodeStateAsUpdate(copy, before);
        copy.destroy();
        // An update with no structs and no deletions changes nothing.
        if (update.byteLength <= 2) return { result, applied: 'unchanged' as ApplyResult };
        return { result, applied: await room.applyUpdate(update, null) };
      });
    } finally {
      this.release(room);
    }
  }

  /** Closes every connection (server shutdown). */
  async closeAll(code: number, reason: string): Promise<void> {
    for (const pending of this.#rooms.values()) {
      const room = await pending.catch(() => null);
      if (!room) continue;
      for (const peer of room.peers) peer.close(code, reason);
    }
  }
}
