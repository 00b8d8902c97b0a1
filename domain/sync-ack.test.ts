// The acknowledgement extension: a device may only forget that a change is
// unsent once the server's ack covers it. Covered too early means a lost note;
// never covered means a change that is sent for ever.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  changeRangesOf,
  changeRangesOfUpdate,
  decodeAckPayload,
  encodeAckPayload,
  isCovered,
  isEmptyChange,
  serverStateOf,
  type ChangeRanges,
} from './index';

/** Runs `fn` as one local transaction and returns its change ranges and the update it emitted. */
function change(doc: Y.Doc, fn: () => void): { ranges: ChangeRanges; update: Uint8Array | null } {
  let ranges: ChangeRanges | null = null;
  let update: Uint8Array | null = null;
  const onTx = (tr: Y.Transaction) => {
    ranges = changeRangesOf(tr);
  };
  const onUpdate = (u: Uint8Array) => {
    update = u;
  };
  doc.on('afterTransaction', onTx);
  doc.on('update', onUpdate);
  doc.transact(fn, 'local');
  doc.off('afterTransaction', onTx);
  doc.off('update', onUpdate);
  if (ranges === null) throw new Error('no transaction ran');
  return { ranges, update };
}

/** The server's state as the client learns it: through the encoded ack payload. */
function ackOf(server: Y.Doc) {
  return decodeAckPayload(encodeAckPayload(server));
}

function serverWith(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

/** Every single [client, clock] a list of ranges names, for comparing ranges cut differently. */
function units(ranges: ChangeRanges['inserted']): string[] {
  return ranges.flatMap(([client, clock, len]) => Array.from({ length: len }, (_, i) => `${client}:${clock + i}`)).sort();
}

describe('inserts', () => {
  it('a local change is covered by the ack of a server that received it, not by one that did not', () => {
    const device = new Y.Doc();
    const { ranges, update } = change(device, () => device.getText('draft').insert(0, 'Åt hela frukosten'));
    expect(update).not.toBeNull();
    expect(isEmptyChange(ranges)).toBe(false);
    expect(isCovered(ranges, ackOf(serverWith(update!)))).toBe(true);
    expect(isCovered(ranges, ackOf(new Y.Doc()))).toBe(false);
  });

  it('a later change is not covered by an ack that holds only the earlier one', () => {
    const device = new Y.Doc();
    const first = change(device, () => device.getMap('tasks').set('v1/meds', { done: true }));
    const second = change(device, () => device.getMap('tasks').set('v1/walk', { done: true }));
    const server = serverWith(first.update!);
    expect(isCovered(first.ranges, ackOf(server))).toBe(true);
    expect(isCovered(second.ranges, ackOf(server))).toBe(false);
    Y.applyUpdate(server, second.update!);
    expect(isCovered(second.ranges, ackOf(server))).toBe(true);
  });

  it("is not fooled by another device's changes with the same clocks", () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const m = change(mine, () => mine.getText('draft').insert(0, 'mitt'));
    const t = change(theirs, () => theirs.getText('draft').insert(0, 'deras'));
    expect(isCovered(m.ranges, ackOf(serverWith(t.update!)))).toBe(false);
    expect(isCovered(m.ranges, ackOf(serverWith(t.update!, m.update!)))).toBe(true);
  });

  it('a transaction that changes nothing is empty and needs no ack', () => {
    const device = new Y.Doc();
    const { ranges, update } = change(device, () => undefined);
    expect(update).toBeNull();
    expect(isEmptyChange(ranges)).toBe(true);
    expect(isCovered(ranges, ackOf(new Y.Doc()))).toBe(true);
  });
});

describe('delete-only changes', () => {
  it('deleting text is covered only once the server doc has the delete', () => {
    const device = new Y.Doc();
    const typed = change(device, () => device.getText('draft').insert(0, 'Åt halva portionen'));
    const server = serverWith(typed.update!);
    const backspace = change(device, () => device.getText('draft').delete(3, 6));
    expect(backspace.ranges.inserted).toEqual([]);
    expect(backspace.ranges.deleted.length).toBeGreaterThan(0);
    // The server's state vector already covers every clock involved: only the delete set can tell.
    expect(isCovered(backspace.ranges, ackOf(server))).toBe(false);
    Y.applyUpdate(server, backspace.update!);
    expect(isCovered(backspace.ranges, ackOf(server))).toBe(true);
    expect(server.getText('draft').toString()).toBe('Åt portionen');
  });

  it('deleting a map key is covered only once the server doc has the delete', () => {
    const device = new Y.Doc();
    const set = change(device, () => device.getMap('checkIn').set('v1', { at: '2026-03-02T07:00:00.000Z', staffId: 'anna' }));
    const server = serverWith(set.update!);
    const removed = change(device, () => device.getMap('checkIn').delete('v1'));
    expect(removed.ranges.inserted).toEqual([]);
    expect(isCovered(removed.ranges, ackOf(server))).toBe(false);
    Y.applyUpdate(server, removed.update!);
    expect(isCovered(removed.ranges, ackOf(server))).toBe(true);
    expect(server.getMap('checkIn').has('v1')).toBe(false);
  });

  it('a delete spanning several inserts is covered only when all of it is deleted on the server', () => {
    const device = new Y.Doc();
    const text = device.getText('draft');
    const a = change(device, () => text.insert(0, 'abc'));
    const b = change(device, () => text.insert(3, 'def'));
    const c = change(device, () => text.insert(6, 'ghi'));
    const server = serverWith(a.update!, b.update!, c.update!);
    const wide = change(device, () => text.delete(1, 7));
    expect(isCovered(wide.ranges, ackOf(server))).toBe(false);
    // Another device deletes only part of the same range on the server.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const part = change(other, () => other.getText('draft').delete(1, 2));
    Y.applyUpdate(server, part.update!);
    expect(isCovered(wide.ranges, ackOf(server))).toBe(false);
    Y.applyUpdate(server, wide.update!);
    expect(isCovered(wide.ranges, ackOf(server))).toBe(true);
  });

  it('stays covered after the server reloads its doc from the stored update', () => {
    const device = new Y.Doc();
    const typed = change(device, () => device.getText('draft').insert(0, 'hej hej'));
    const cut = change(device, () => device.getText('draft').delete(0, 4));
    const reloaded = serverWith(Y.encodeStateAsUpdate(serverWith(typed.update!, cut.update!)));
    expect(isCovered(typed.ranges, ackOf(reloaded))).toBe(true);
    expect(isCovered(cut.ranges, ackOf(reloaded))).toBe(true);
  });
});

describe('changeRangesOfUpdate and serverStateOf', () => {
  it('name the same inserted and deleted units as changeRangesOf the transaction', () => {
    const device = new Y.Doc();
    const base = change(device, () => {
      device.getText('draft').insert(0, 'Åt lunch');
      device.getMap('status').set('v1', { status: 'planned' });
    });
    const mixed = change(device, () => {
      device.getText('draft').delete(0, 3);
      device.getText('draft').insert(5, ' i köket');
      device.getMap('status').set('v1', { status: 'done' });
      device.getMap('tasks').set('v1/lunch', { done: true });
    });
    for (const { ranges, update } of [base, mixed]) {
      const fromUpdate = changeRangesOfUpdate(update!);
      expect(units(fromUpdate.inserted)).toEqual(units(ranges.inserted));
      expect(units(fromUpdate.deleted)).toEqual(units(ranges.deleted));
    }
  });

  it('agree: an update is covered by the state of a doc that applied it, and not before', () => {
    const device = new Y.Doc();
    const first = change(device, () => device.getText('draft').insert(0, 'Åt halva'));
    const second = change(device, () => device.getText('draft').delete(0, 3));
    const server = new Y.Doc();
    expect(isCovered(changeRangesOfUpdate(first.update!), serverStateOf(server))).toBe(false);
    Y.applyUpdate(server, first.update!);
    expect(isCovered(changeRangesOfUpdate(first.update!), serverStateOf(server))).toBe(true);
    expect(isCovered(changeRangesOfUpdate(second.update!), serverStateOf(server))).toBe(false);
    Y.applyUpdate(server, second.update!);
    expect(isCovered(changeRangesOfUpdate(second.update!), serverStateOf(server))).toBe(true);
    // A whole-state update from the device is covered exactly when the server has everything.
    expect(isCovered(changeRangesOfUpdate(Y.encodeStateAsUpdate(device)), serverStateOf(server))).toBe(true);
    expect(serverStateOf(server)).toEqual(ackOf(server));
  });

  it('throws on a malformed update', () => {
    expect(() => changeRangesOfUpdate(new Uint8Array([1, 2, 3, 255]))).toThrow();
  });
});
