// Rooms against an in-memory DocStore fake: save before send, malformed input
// and store failures that lose nothing silently, compaction that keeps the
// content, and the manager unloading rooms nobody uses.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGE_TYPE } from '../../domain';
import { createLogger } from '../logger';
import type { DocStore } from '../store/types';
import { Room, type Peer } from './room';
import { RoomManager } from './room-manager';

const log = createLogger('silent');
const DOC = 'exec:norr:2026-03-02';

/** An in-memory DocStore that records what happened, in order, in a shared event list. */
class FakeStore implements DocStore {
  readonly rows = new Map<string, Uint8Array[]>();
  /** When set, appendUpdate waits for this before storing. */
  gate: Promise<void> | null = null;
  failAppend = false;
  loads = 0;

  constructor(readonly events: string[] = []) {}

  async loadUpdates(docName: string): Promise<Uint8Array[]> {
    this.loads++;
    return [...(this.rows.get(docName) ?? [])];
  }

  async appendUpdate(docName: string, update: Uint8Array): Promise<number> {
    this.events.push('append_started');
    if (this.gate) await this.gate;
    if (this.failAppend) {
      this.events.push('append_failed');
      throw new Error('disk full');
    }
    const rows = [...(this.rows.get(docName) ?? []), update];
    this.rows.set(docName, rows);
    this.events.push('stored');
    return rows.length;
  }

  async replaceWithSnapshot(docName: string, snapshot: Uint8Array): Promise<void> {
    this.rows.set(docName, [snapshot]);
    this.events.push('compacted');
  }

  async listDocNames(prefix = ''): Promise<string[]> {
    return [...this.rows.keys()].filter((name) => name.startsWith(prefix)).sort();
  }
}

type FakePeer = Peer & { received: Uint8Array[]; closed: Array<{ code: number; reason: string }> };

function fakePeer(id: number, events: string[]): FakePeer {
  const received: Uint8Array[] = [];
  const closed: Array<{ code: number; reason: string }> = [];
  return {
    id,
    wantsAck: false,
    received,
    closed,
    send(message) {
      events.push(`send:${id}`);
      received.push(message);
    },
    close(code, reason) {
      events.push(`close:${id}`);
      closed.push({ code, reason });
    },
  };
}

/** An update that ticks one task, as a device would send it. */
function tick(key: string, staffId = 'anna'): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('tasks').set(key, { done: true, staffId, at: '2026-03-02T07:20:00.000Z' });
  return Y.encodeStateAsUpdate(doc);
}

/** The Yjs update inside a broadcast sync message. */
function updateOf(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_TYPE.sync);
  expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsUpdate);
  return decoding.readVarUint8Array(decoder);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('Room', () => {
  it('stores an update before any other peer receives it, and does not echo it to the sender', async () => {
    const events: string[] = [];
    const store = new FakeStore(events);
    const room = await Room.load(DOC, store, log, 100);
    const sender = fakePeer(1, events);
    const others = [fakePeer(2, events), fakePeer(3, events)];
    for (const p of [sender, ...others]) room.peers.add(p);

    const slowDisk = deferred();
    store.gate = slowDisk.promise;
    const applying = room.enqueue(() => room.applyUpdate(tick('v1/meds'), sender));
    await vi.waitFor(() => expect(events).toContain('append_started'));
    // While the write is on its way to disk, nobody has heard of the change.
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['append_started']);
    slowDisk.resolve();

    expect(await applying).toBe('applied');
    expect(events).toEqual(['append_started', 'stored', 'send:2', 'send:3']);
    expect(sender.received).toEqual([]);
    for (const peer of others) {
      expect(peer.received).toHaveLength(1);
      const replica = new Y.Doc();
      Y.applyUpdate(replica, updateOf(peer.received[0]!));
      expect(replica.getMap('tasks').toJSON()).toEqual(room.doc.getMap('tasks').toJSON());
    }
    expect(store.rows.get(DOC)).toHaveLength(1);
  });

  it('broadcasts a server-side update (no sender) to every peer, after storing it', async () => {
    const events: string[] = [];
    const room = await Room.load(DOC, new FakeStore(events), log, 100);
    room.peers.add(fakePeer(1, events));
    room.peers.add(fakePeer(2, events));
    expect(await room.enqueue(() => room.applyUpdate(tick('v1/walk'), null))).toBe('applied');
    expect(events).toEqual(['append_started', 'stored', 'send:1', 'send:2']);
  });

  it('stores and sends nothing for an update the room already has', async () => {
    const events: string[] = [];
    const store = new FakeStore(events);
    const room = await Room.load(DOC, store, log, 100);
    const update = tick('v1/meds');
    await room.enqueue(() => room.applyUpdate(update, null));
    room.peers.add(fakePeer(2, events));
    events.length = 0;
    expect(await room.enqueue(() => room.applyUpdate(update, null))).toBe('unchanged');
    expect(events).toEqual([]);
    expect(store.rows.get(DOC)).toHaveLength(1);
  });

  it.each([
    ['truncated', [1, 2, 3, 255]],
    ['out of range', [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255]],
    ['empty', []],
  ])('refuses %s bytes as malformed and leaves the doc, the store and the peers alone', async (_label, bytes) => {
    const events: string[] = [];
    const store = new FakeStore(events);
    const room = await Room.load(DOC, store, log, 100);
    await room.enqueue(() => room.applyUpdate(tick('v1/meds'), null));
    const before = Y.encodeStateAsUpdate(room.doc);
    const peer = fakePeer(2, events);
    room.peers.add(peer);
    events.length = 0;

    expect(await room.enqueue(() => room.applyUpdate(new Uint8Array(bytes), fakePeer(1, events)))).toBe('malformed');
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    expect(events).toEqual([]);
    expect(room.broken).toBe(false);
    // The room still works.
    expect(await room.enqueue(() => room.applyUpdate(tick('v1/walk'), null))).toBe('applied');
  });

  it('reports store_failed when the store cannot append, closes every peer with 1011 and refuses further writes', async () => {
    const events: string[] = [];
    const store = new FakeStore(events);
    const room = await Room.load(DOC, store, log, 100);
    const sender = fakePeer(1, events);
    const other = fakePeer(2, events);
    room.peers.add(sender);
    room.peers.add(other);
    store.failAppend = true;

    expect(await room.enqueue(() => room.applyUpdate(tick('v1/meds'), sender))).toBe('store_failed');
    expect(other.received).toEqual([]);
    expect(other.closed).toEqual([{ code: 1011, reason: expect.any(String) }]);
    expect(sender.closed).toEqual([{ code: 1011, reason: expect.any(String) }]);
    expect(events.indexOf('append_failed')).toBeLessThan(events.indexOf('close:1'));
    expect(room.broken).toBe(true);

    store.failAppend = false;
    expect(await room.enqueue(() => room.applyUpdate(tick('v1/walk'), null))).toBe('store_failed');
    expect(store.rows.get(DOC)).toBeUndefined();
  });

  it('replaces the stored rows with one snapshot after compactAfter updates, and a reload has the same content', async () => {
    const events: string[] = [];
    const store = new FakeStore(events);
    const room = await Room.load(DOC, store, log, 3);
    const rowCounts: number[] = [];
    for (const key of ['v1/a', 'v1/b', 'v1/c', 'v1/d', 'v1/e']) {
      expect(await room.enqueue(() => room.applyUpdate(tick(key), null))).toBe('applied');
      rowCounts.push(store.rows.get(DOC)?.length ?? 0);
    }
    expect(rowCounts).toEqual([1, 2, 3, 1, 2]);
    expect(events.filter((e) => e === 'compacted')).toHaveLength(1);

    const reloaded = await Room.load(DOC, store, log, 3);
    expect(reloaded.doc.getMap('tasks').toJSON()).toEqual(room.doc.getMap('tasks').toJSON());
    expect(Object.keys(reloaded.doc.getMap('tasks').toJSON()).sort()).toEqual(['v1/a', 'v1/b', 'v1/c', 'v1/d', 'v1/e']);
    expect(Y.encodeStateVector(reloaded.doc)).toEqual(Y.encodeStateVector(room.doc));
  });

  it('compacts on load a doc stored as more than compactAfter rows, keeping its content', async () => {
    const store = new FakeStore();
    store.rows.set(DOC, ['a', 'b', 'c', 'd', 'e'].map((k) => tick(`v1/${k}`, `staff-${k}`)));
    const room = await Room.load(DOC, store, log, 3);
    expect(store.rows.get(DOC)).toHaveLength(1);
    expect(room.doc.getMap('tasks').size).toBe(5);
    const reloaded = await Room.load(DOC, store, log, 3);
    expect(reloaded.doc.getMap('tasks').toJSON()).toEqual(room.doc.getMap('tasks').toJSON());
  });

  it('answers sync step 1 with exactly what the client is missing', async () => {
    const room = await Room.load(DOC, new FakeStore(), log, 100);
    await room.enqueue(() => room.applyUpdate(tick('v1/meds'), null));
    const client = new Y.Doc();
    const decoder = decoding.createDecoder(room.syncStep2(Y.encodeStateVector(client)));
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_TYPE.sync);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2);
    Y.applyUpdate(client, decoding.readVarUint8Array(decoder));
    expect(client.getMap('tasks').toJSON()).toEqual(room.doc.getMap('tasks').toJSON());
  });
});

describe('RoomManager', () => {
  it('read() returns what write() stored and unloads the room afterwards', async () => {
    const store = new FakeStore();
    const manager = new RoomManager(store, log, 100);
    expect(await manager.write(DOC, tick('v1/meds'))).toBe('applied');
    await vi.waitFor(() => expect(manager.loadedCount).toBe(0));

    const tasks = await manager.read(DOC, (doc) => doc.getMap('tasks').toJSON());
    expect(tasks).toEqual({ 'v1/meds': { done: true, staffId: 'anna', at: '2026-03-02T07:20:00.000Z' } });
    await vi.waitFor(() => expect(manager.loadedCount).toBe(0));
    expect(store.rows.get(DOC)).toHaveLength(1);
  });

  it('reads an unknown doc as empty without storing anything, and unloads it', async () => {
    const store = new FakeStore();
    const manager = new RoomManager(store, log, 100);
    expect(await manager.read('plan:norr:2026-03-02', (doc) => doc.getMap('visits').size)).toBe(0);
    await vi.waitFor(() => expect(manager.loadedCount).toBe(0));
    expect(await store.listDocNames()).toEqual([]);
  });

  it('keeps a room loaded while it is held, and loads it once for concurrent users', async () => {
    const store = new FakeStore();
    const manager = new RoomManager(store, log, 100);
    const [a, b] = await Promise.all([manager.acquire(DOC), manager.acquire(DOC)]);
    expect(a).toBe(b);
    expect(store.loads).toBe(1);
    manager.release(a);
    await manager.read(DOC, () => undefined);
    expect(manager.loadedCount).toBe(1);
    manager.release(b);
    await vi.waitFor(() => expect(manager.loadedCount).toBe(0));
  });

  it('after a failed store write, loads the room afresh from the store, without the unsaved change', async () => {
    const store = new FakeStore();
    const manager = new RoomManager(store, log, 100);
    expect(await manager.write(DOC, tick('v1/saved'))).toBe('applied');
    store.failAppend = true;
    expect(await manager.write(DOC, tick('v1/lost'))).toBe('store_failed');
    store.failAppend = false;
    const keys = await manager.read(DOC, (doc) => [...doc.getMap('tasks').keys()].sort());
    expect(keys).toEqual(['v1/saved']);
    expect(await manager.write(DOC, tick('v1/again'))).toBe('applied');
    expect(await manager.read(DOC, (doc) => doc.getMap('tasks').size)).toBe(2);
  });
});
