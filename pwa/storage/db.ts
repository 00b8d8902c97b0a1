// Every Dexie schema version of the device database, in order. Components never
// use Dexie directly; they go through the repositories next to this file.
import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import { installEncryption } from '../security/data-key';

/** One synced document; `ydoc` is y-dexie's Y.Doc property (its updates live in `$docs.ydoc_updates`). */
export type DocRow = { name: string; ydoc: Y.Doc };
export type SessionRow = { id: 'current'; savedAt: string; [field: string]: unknown };
/** A read of a recipient's record made on this device, waiting to be uploaded to the audit log. */
export type AuditQueueRow = { id: string; action: string; brukareId: string; at: string };
/** A local change not yet confirmed by the server: what it inserted and deleted. */
export type PendingRow = { id?: number; docName: string; change: unknown; at: string };
/** What the server last acknowledged holding for a doc (an encoded Y snapshot). */
export type SyncStateRow = { docName: string; serverState: Uint8Array; ackAt: string };
export type MetaRow = { key: string; value: unknown };

export const DB_NAME = 'slinga';
export const DOCS_TABLE = 'docs';
export const YDOC_PROP = 'ydoc';

export type SlingaDb = Dexie & {
  docs: EntityTable<DocRow, 'name'>;
  session: EntityTable<SessionRow, 'id'>;
  pending: EntityTable<PendingRow, 'id'>;
  syncState: EntityTable<SyncStateRow, 'docName'>;
  meta: EntityTable<MetaRow, 'key'>;
  auditQueue: EntityTable<AuditQueueRow, 'id'>;
};

export function openDb(name = DB_NAME): SlingaDb {
  // y-dexie's background compaction rebuilds docs with garbage collection on,
  // which would drop the history journal docs keep for tamper evidence (see
  // keepsHistory in domain/); it is off, and the update rows stay as written.
  const db = new Dexie(name, { addons: [yDexie({ gc: false }) as (db: Dexie) => void] }) as SlingaDb;
  db.version(1).stores({
    docs: 'name, ydoc: Y.Doc',
    session: 'id',
    pending: '++id, docName',
    syncState: 'docName',
    meta: 'key',
  });
  db.version(2).stores({ auditQueue: 'id' });
  // Document content is sealed with the device's data key (pwa/security/data-key.ts).
  installEncryption(db);
  return db;
}

/** Name of y-dexie's update table for the docs table. */
export function updatesTableName(db: SlingaDb): string {
  const prop = (db.docs.schema as { yProps?: { prop: string; updatesTable: string }[] }).yProps?.find((p) => p.prop === YDOC_PROP);
  if (!prop) throw new Error('y-dexie updates table missing');
  return prop.updatesTable;
}
