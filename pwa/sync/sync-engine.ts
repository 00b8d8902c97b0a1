// Keeps every doc of the user's sync window in sync: fetches the list of docs
// (or uses the stored one offline), opens each from IndexedDB, connects it, and
// forwards committed local updates to the wire. Loaded lazily after first paint.
import { liveQuery, type Subscription, type Table } from 'dexie';
import * as Y from 'yjs';
import { ACK_PARAM, CLOSE_CODES, DocsResponseSchema, MAX_AUDIT_EVENTS_PER_UPLOAD, isFatalClose, localDate, parseDocName } from '../../domain';
import type { AuthClient } from '../security/auth-client';
import { updatesTableName } from '../storage/db';
import { loadDocList, saveDocList, saveLastSynced } from '../storage/meta-repo';
import { applyAck } from '../storage/pending-repo';
import type { DocHub } from './doc-hub';
import { DocSync } from './doc-sync';
import { MuxConnection } from './mux-socket';
import type { SyncStatus } from './sync-status';

/** A y-dexie update row: i = sequence, k = doc name, u = V2 update, f = flag (1 = written by y-dexie from a local edit). */
type UpdateRow = { i: number; k: string; u: Uint8Array; f?: number };
const REMOTE_ROW_FLAG = 0;

const OPEN_BATCH = 12;

/** Docs with unconfirmed changes first, then today's day docs, the days nearest today, recipients, journals. */
export function prioritise(names: string[], today: string, withPending: ReadonlySet<string> = new Set()): string[] {
  const rank = (name: string): number => {
    if (withPending.has(name)) return -1;
    const ref = parseDocName(name);
    if (!ref) return 1e9;
    switch (ref.kind) {
      case 'plan':
      case 'exec': {
        const days = Math.abs(Date.parse(ref.date) - Date.parse(today)) / 86_400_000;
        return days * 10 + (ref.kind === 'plan' ? 0 : 1);
      }
      case 'brukare':
        return 1000;
      case 'journal':
        return 2000;
      default:
        return 1e9;
    }
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export type SyncEngineOptions = {
  hub: DocHub;
  auth: AuthClient;
  status: SyncStatus;
  /** The server said this user or device is revoked: wipe. */
  onRevoked(): void;
  /** Origin of the server, e.g. http://localhost:8787. */
  origin: string;
  onError(error: unknown): void;
};

export class SyncEngine {
  readonly #opts: SyncEngineOptions;
  readonly #syncs = new Map<string, DocSync>();
  readonly #connected = new Set<string>();
  /** Docs the server has acknowledged at least once since start. */
  readonly #acked = new Set<string>();
  #subscription: Subscription | null = null;
  #table: Table<UpdateRow, number, Omit<UpdateRow, 'i'>> | null = null;
  readonly #remoteQueue: Array<Omit<UpdateRow, 'i'>> = [];
  #cursor = 0;
  #stopped = false;
  #mux: MuxConnection | null = null;
  #socketClass: typeof WebSocket | null = null;
  #wsUrl = '';
  #online = true;
  /** Docs the server refused for good (4403 and the like). */
  readonly #refused = new Set<string>();
  readonly #starting = new Set<string>();

  constructor(opts: SyncEngineOptions) {
    this.#opts = opts;
  }

  async start(): Promise<void> {
    const db = this.#opts.hub.db;
    const table = db.table<UpdateRow, number, Omit<UpdateRow, 'i'>>(updatesTableName(db));
    this.#table = table;
    // Cursor first, then each doc's stored rows: a row written in between is
    // forwarded twice, which Yjs ignores; none can be missed.
    this.#cursor = (await table.orderBy('i').last())?.i ?? 0;
    this.#subscription = liveQuery(() => table.where('i').above(this.#cursor).toArray()).subscribe({
      next: (rows) => this.#forward(rows),
      error: (err: unknown) => this.#opts.onError(err),
    });
    const wsUrl = `${this.#opts.origin.replace(/^http/, 'ws')}/sync`;
    await this.#opts.auth.fresh();
    // Each new socket takes the token current at that moment.
    this.#mux = new MuxConnection(() => `${wsUrl}?${new URLSearchParams({ token: this.#opts.auth.current() ?? '', [ACK_PARAM]: '1' }).toString()}`);
    this.#socketClass = this.#mux.socketClass();
    this.#wsUrl = wsUrl;
    await this.#ensure(await this.#docNames());
  }

  /**
   * Fetches the list of docs again (a new day or month brings new docs) and
   * starts syncing any that are new. Called when the device comes online,
   * when the app becomes visible again, and periodically.
   */
  async refresh(): Promise<void> {
    if (this.#stopped || !this.#table) return;
    await this.#ensure(await this.#docNames());
  }

  /** Makes sure a doc the UI opened is synced (the server decides whether it may be). */
  track(name: string): void {
    if (this.#stopped || !this.#table || this.#syncs.has(name) || this.#refused.has(name)) return;
    this.#ensure([name]).catch(this.#opts.onError);
  }

  async #ensure(names: string[]): Promise<void> {
    const db = this.#opts.hub.db;
    const table = this.#table;
    if (!table) return;
    const wanted = [...new Set(names)].filter((n) => !this.#syncs.has(n) && !this.#refused.has(n) && !this.#starting.has(n));
    if (wanted.length === 0) return;
    for (const n of wanted) this.#starting.add(n);
    try {
      // Every doc needs its row before y-dexie may open it.
      await db.transaction('rw', db.docs, async () => {
        const existing = new Set((await db.docs.bulkGet(wanted)).flatMap((row) => (row ? [row.name] : [])));
        const missing = wanted.filter((n) => !existing.has(n)).map((name) => ({ name }));
        if (missing.length > 0) await db.docs.bulkAdd(missing as never[]);
      });
      // Browsers open one WebSocket to a host at a time, so the order matters:
      // what the user looks at first connects first.
      const withPending = new Set((await db.pending.orderBy('docName').uniqueKeys()).map(String));
      const ordered = prioritise(wanted, localDate(new Date()), withPending);
      for (let i = 0; i < ordered.length && !this.#stopped; i += OPEN_BATCH) {
        const batch = ordered.slice(i, i + OPEN_BATCH);
        const stored = await Promise.all(batch.map((name) => table.where('k').equals(name).toArray()));
        batch.forEach((name, n) => {
          if (this.#stopped || this.#syncs.has(name)) return;
          try {
            this.#syncs.set(name, this.#createSync(name, (stored[n] ?? []).map((r) => r.u)));
          } catch (err) {
            // One doc that cannot start must not keep the others from syncing.
            this.#opts.onError(err);
          }
        });
      }
      this.#opts.status.setDocCount(this.#syncs.size);
    } finally {
      for (const n of wanted) this.#starting.delete(n);
    }
  }

  #createSync(name: string, storedUpdatesV2: Uint8Array[]): DocSync {
    return new DocSync(
      { name, storedUpdatesV2, serverUrl: this.#wsUrl, token: '', connect: this.#online, ...(this.#socketClass ? { socketClass: this.#socketClass } : {}) },
      {
        onAck: (docName, payload) => this.#onAck(docName, payload),
        onRemoteUpdate: (docName, update) => this.#storeRemote(docName, update),
        onFatalClose: (docName, code) => this.#onFatalClose(docName, code),
        onStatus: (docName, connected) => {
          if (connected) this.#connected.add(docName);
          else this.#connected.delete(docName);
          this.#opts.status.setConnectedDocs(this.#connected.size);
        },
        onError: (err) => this.#opts.onError(err),
      },
    );
  }

  /**
   * Remote updates go straight into y-dexie's update table (batched per tick);
   * a doc open in the UI picks them up from there. Docs not on screen are never
   * loaded into memory for syncing.
   */
  #storeRemote(docName: string, update: Uint8Array): void {
    this.#remoteQueue.push({ k: docName, u: Y.convertUpdateFormatV1ToV2(update), f: REMOTE_ROW_FLAG });
    if (this.#remoteQueue.length > 1) return;
    queueMicrotask(() => {
      const rows = this.#remoteQueue.splice(0);
      this.#table?.bulkAdd(rows).catch(this.#opts.onError);
    });
  }

  /** Names from the server when reachable, else the list stored at the last sync. */
  async #docNames(): Promise<string[]> {
    const db = this.#opts.hub.db;
    try {
      const res = await this.#opts.auth.fetch('/api/docs');
      if (res.ok) {
        const parsed = DocsResponseSchema.safeParse(await res.json());
        if (parsed.success) {
          await saveDocList(db, { docs: parsed.data.docs, fetchedAt: new Date().toISOString() });
          await this.#dropOutside(new Set(parsed.data.docs));
          void this.#uploadReads();
          return parsed.data.docs;
        }
      }
    } catch {
      // Offline: fall through to the stored list.
    }
    return (await loadDocList(db))?.docs ?? [];
  }

  #forward(rows: UpdateRow[]): void {
    for (const row of rows) {
      if (row.i > this.#cursor) this.#cursor = row.i;
      // Rows this engine wrote from the server need not go back to it.
      if (row.f === REMOTE_ROW_FLAG || !(row.u instanceof Uint8Array)) continue;
      try {
        this.#syncs.get(row.k)?.forward(row.u);
      } catch (err) {
        // A corrupt row must not stop the rows after it from being sent.
        this.#opts.onError(err);
      }
    }
  }

  #onAck(docName: string, payload: Uint8Array): void {
    const db = this.#opts.hub.db;
    this.#acked.add(docName);
    this.#opts.status.setSyncedDocs(this.#acked.size);
    const at = new Date().toISOString();
    applyAck(db, docName, payload)
      .then(() => {
        this.#opts.status.setLastSyncedAt(at);
        return saveLastSynced(db, at);
      })
      .catch(this.#opts.onError);
  }

  /**
   * Deletes from the device every doc the server no longer lists for this
   * user (out of the window, a team left, a recipient moved), unless it holds
   * a change the server has not confirmed or is open on screen.
   */
  async #dropOutside(listed: ReadonlySet<string>): Promise<void> {
    const db = this.#opts.hub.db;
    const table = this.#table;
    if (!table) return;
    const open = new Set(this.#opts.hub.openNames());
    const withPending = new Set((await db.pending.orderBy('docName').uniqueKeys()).map(String));
    const stale = (await db.docs.toCollection().primaryKeys()).map(String).filter((n) => !listed.has(n) && !open.has(n) && !withPending.has(n));
    if (stale.length === 0) return;
    for (const name of stale) {
      this.#syncs.get(name)?.destroy();
      this.#syncs.delete(name);
      this.#acked.delete(name);
    }
    await db.transaction('rw', [db.docs, table, db.syncState], async () => {
      await table.where('k').anyOf(stale).delete();
      await db.syncState.bulkDelete(stale);
      await db.docs.bulkDelete(stale);
    });
    this.#opts.status.setDocCount(this.#syncs.size);
    this.#opts.status.setSyncedDocs(this.#acked.size);
  }

  /** Reads of recipients' records made on this device (offline too) go to the server's audit log. */
  async #uploadReads(): Promise<void> {
    const db = this.#opts.hub.db;
    for (;;) {
      const rows = await db.auditQueue.limit(MAX_AUDIT_EVENTS_PER_UPLOAD).toArray();
      if (rows.length === 0 || this.#stopped) return;
      const res = await this.#opts.auth.fetch('/api/audit/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events: rows }),
      });
      if (!res.ok) return;
      await db.auditQueue.bulkDelete(rows.map((r) => r.id));
      if (rows.length < MAX_AUDIT_EVENTS_PER_UPLOAD) return;
    }
  }

  #reauthorising = false;

  /** The socket's token ran out (or was refused): get a new one and reconnect every doc. */
  #reauthorise(): void {
    if (this.#reauthorising) return;
    this.#reauthorising = true;
    this.#opts.auth
      .refresh()
      .then((token) => {
        if (!token || this.#stopped) return;
        for (const sync of this.#syncs.values()) sync.reconnect();
      })
      .catch(this.#opts.onError)
      .finally(() => {
        this.#reauthorising = false;
      });
  }

  #onFatalClose(docName: string, code: number): void {
    if (!isFatalClose(code)) return;
    if (code === CLOSE_CODES.revoked) {
      this.#opts.onRevoked();
      return;
    }
    if (code === CLOSE_CODES.unauthorized) {
      this.#reauthorise();
      return;
    }
    // Refused for good (no access, e.g. the recipient moved to another team):
    // its unsent changes cannot be delivered, and the user is told so.
    this.#refused.add(docName);
    this.#syncs.get(docName)?.destroy();
    this.#syncs.delete(docName);
    this.#opts.status.setRefusedDocs([...this.#refused]);
  }

  /**
   * Follows the device's network state. Open sockets are closed when the device
   * goes offline (an emulated or flaky network may keep them half-open) and
   * reconnected when it comes back; local work continues either way.
   */
  setOnline(online: boolean): void {
    this.#online = online;
    if (!online) {
      for (const sync of this.#syncs.values()) sync.disconnect();
      return;
    }
    // Docs holding unconfirmed local changes reconnect first: browsers open
    // one WebSocket to a host at a time, and those are what must not wait.
    // A token that ran out while offline is renewed first.
    Promise.all([this.#opts.auth.fresh().catch(() => null), this.#opts.hub.db.pending.orderBy('docName').uniqueKeys().catch(() => [] as unknown[])])
      .then(([, keys]) => {
        if (!this.#online) return;
        const first = new Set(keys.map(String));
        for (const name of first) this.#syncs.get(name)?.reconnect();
        for (const [name, sync] of this.#syncs) if (!first.has(name)) sync.reconnect();
      })
      .catch(this.#opts.onError);
  }

  stop(): void {
    this.#stopped = true;
    this.#subscription?.unsubscribe();
    for (const sync of this.#syncs.values()) sync.destroy();
    this.#syncs.clear();
    this.#mux?.close();
  }
}
