// The acknowledgement extension of the sync protocol, as pure functions.
//
// After persisting, the server sends its doc's snapshot (state vector + delete
// set). A local change is confirmed when the snapshot covers it: every struct
// it inserted is below the server's clock for that client, and every range it
// deleted is in the server's delete set. Delete-only changes (backspace in a
// draft) are covered too, which a bare state vector could not tell.
import * as Y from 'yjs';

/** One local change: [client, clock, length] ranges it inserted and deleted. */
export type ChangeRanges = {
  inserted: Array<[client: number, clock: number, len: number]>;
  deleted: Array<[client: number, clock: number, len: number]>;
};

export function encodeAckPayload(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

export type ServerState = { sv: Map<number, number>; ds: Map<number, Array<{ clock: number; len: number }>> };

export function decodeAckPayload(payload: Uint8Array): ServerState {
  const snapshot = Y.decodeSnapshot(payload);
  const ds = new Map<number, Array<{ clock: number; len: number }>>();
  snapshot.ds.clients.forEach((items, client) => {
    ds.set(client, [...items].sort((a, b) => a.clock - b.clock).map((i) => ({ clock: i.clock, len: i.len })));
  });
  return { sv: snapshot.sv, ds };
}

/** The ranges a transaction inserted and deleted (for transactions with local origin). */
export function changeRangesOf(transaction: Y.Transaction): ChangeRanges {
  const inserted: ChangeRanges['inserted'] = [];
  transaction.afterState.forEach((after, client) => {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after > before) inserted.push([client, before, after - before]);
  });
  const deleted: ChangeRanges['deleted'] = [];
  transaction.deleteSet.clients.forEach((items, client) => {
    for (const item of items) deleted.push([client, item.clock, item.len]);
  });
  return { inserted, deleted };
}

export function isEmptyChange(change: ChangeRanges): boolean {
  return change.inserted.length === 0 && change.deleted.length === 0;
}

function rangeDeleted(ranges: Array<{ clock: number; len: number }> | undefined, clock: number, len: number): boolean {
  if (!ranges) return false;
  let cursor = clock;
  const end = clock + len;
  for (const r of ranges) {
    if (r.clock + r.len <= cursor) continue;
    if (r.clock > cursor) return false;
    cursor = r.clock + r.len;
    if (cursor >= end) return true;
  }
  return cursor >= end;
}

/** True when the server state holds everything this change did. */
export function isCovered(change: ChangeRanges, server: ServerState): boolean {
  for (const [client, clock, len] of change.inserted) {
    if ((server.sv.get(client) ?? 0) < clock + len) return false;
  }
  for (const [client, clock, len] of change.deleted) {
    if (!rangeDeleted(server.ds.get(client), clock, len)) return false;
  }
  return true;
}

/** The ranges an encoded update would insert and delete. Throws on a malformed update. */
export function changeRangesOfUpdate(update: Uint8Array): ChangeRanges {
  const { structs, ds } = Y.decodeUpdate(update);
  const inserted: ChangeRanges['inserted'] = [];
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    inserted.push([struct.id.client, struct.id.clock, struct.length]);
  }
  const deleted: ChangeRanges['deleted'] = [];
  ds.clients.forEach((items, client) => {
    for (const item of items) deleted.push([client, item.clock, item.len]);
  });
  return { inserted, deleted };
}

/** The state a doc holds, in the form isCovered() compares against. */
export function serverStateOf(doc: Y.Doc): ServerState {
  return decodeAckPayload(encodeAckPayload(doc));
}
