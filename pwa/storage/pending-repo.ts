// Local changes the server has not confirmed yet, and what the server last said
// it holds. A change leaves this table only when an ack covers it.
import { z } from 'zod/mini';
import { decodeAckPayload, isCovered, type ChangeRanges } from '../../domain';
import type { SlingaDb } from './db';

const RangeSchema = z.tuple([z.number(), z.number(), z.number()]);
const ChangeSchema = z.object({ inserted: z.array(RangeSchema), deleted: z.array(RangeSchema) });

const EMPTY_STATE = { sv: new Map<number, number>(), ds: new Map<number, Array<{ clock: number; len: number }>>() };

/** A stored server state that cannot be decoded counts as "server holds nothing": changes stay pending. */
function readServerState(bytes: unknown): ReturnType<typeof decodeAckPayload> {
  if (!(bytes instanceof Uint8Array)) return EMPTY_STATE;
  try {
    return decodeAckPayload(bytes);
  } catch {
    return EMPTY_STATE;
  }
}

export async function recordPending(db: SlingaDb, docName: string, change: ChangeRanges): Promise<void> {
  await db.transaction('rw', db.pending, db.syncState, async () => {
    // The ack may have arrived before this row was written.
    const state = await db.syncState.get(docName);
    if (state && isCovered(change, readServerState(state.serverState))) return;
    await db.pending.add({ docName, change, at: new Date().toISOString() });
  });
}

/** Stores the server's acknowledged state and drops every pending change it covers. Returns how many were confirmed. */
export async function applyAck(db: SlingaDb, docName: string, payload: Uint8Array): Promise<number> {
  const server = decodeAckPayload(payload);
  return db.transaction('rw', db.pending, db.syncState, async () => {
    await db.syncState.put({ docName, serverState: payload, ackAt: new Date().toISOString() });
    const rows = await db.pending.where('docName').equals(docName).toArray();
    const confirmed: number[] = [];
    for (const row of rows) {
      const change = ChangeSchema.safeParse(row.change);
      // An unreadable row cannot be checked; it stays (and keeps the count honest).
      if (change.success && row.id !== undefined && isCovered(change.data, server)) confirmed.push(row.id);
    }
    await db.pending.bulkDelete(confirmed);
    return confirmed.length;
  });
}

export function countPending(db: SlingaDb): Promise<number> {
  return db.pending.count();
}

/** Whether the server has acknowledged holding the Yjs item [client, clock] of a doc. */
export async function isInsertConfirmed(db: SlingaDb, docName: string, client: number, clock: number): Promise<boolean> {
  const state = await db.syncState.get(docName);
  return state ? (readServerState(state.serverState).sv.get(client) ?? 0) > clock : false;
}
