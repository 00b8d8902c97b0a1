// Keeps every doc of the user's sync window in sync: fetches the list of docs
// (or uses the stored one offline), opens each from IndexedDB, connects it, and
// forwards committed local updates to the wire. Loaded lazily after first paint.
import { liveQuery, type Subscription } from 'dexie';
import { DocsResponseSchema, isFatalClose, localDate, parseDocName } from '../../domain';
import { updatesTableName } from '../storage/db';
import { loadDocList, saveDocList, saveLastSynced } from '../storage/meta-repo';
import { applyAck } from '../storage/pending-repo';
import type { Session } from '../storage/session-repo';
import type { DocHub } from './doc-hub';
import { DocSync } from './doc-sync';
import type { SyncStatus } from './sync-status';

type UpdateRow = { i: number; k: string; u: Uint8Array };

const OPEN_BATCH = 12;

/** Today's day docs first, then the days nearest today, then recipients, then journals. */
export function prioritise(names: string[], today: string): string[] {
  const rank = (name: string): number => {
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
  session: Session;
  status: SyncStatus;
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
  #cursor = 0;
  #stopped = false;

  constructor(opts: SyncEngineOptions) {
    this.#opts = opts;
  }

  async start(): Promise<void> {
    const { hub } = this.#opts;
    const db = hub.db;
    const names = await this.#docNames();
    const table = db.table<UpdateRow, number>(updatesTableName(db));
    // Cursor first, then each doc's stored rows: a row written in between is
    // forwarded twice, which Yjs ignores; none can be missed.
    this.#cursor = (await table.orderBy('i').last())?.i ?? 0;
    this.#subscription = liveQuery(() => table.where('i').above(this.#cursor).toArray()).subscribe({
      next: (rows) => this.#forward(rows),
      error: (err: unknown) => this.#opts.onError(err),
    });
    const wsUrl = `${this.#opts.origin.replace(/^http/, 'ws')}/sync`;
    this.#opts.status.setDocCount(names.length);
    // Browsers open one WebSocket to a host at a time, so the order matters:
    // what the user looks at first connects first. Docs open in small batches.
    const ordered = prioritise(names, localDate(new Date()));
    for (let i = 0; i < ordered.length && !this.#stopped; i += OPEN_BATCH) {
      const batch = ordered.slice(i, i + OPEN_BATCH);
      const opened = await Promise.all(
        batch.map(async (name) => ({ name, local: await hub.open(name), stored: (await table.where('k').equals(name).toArray()).map((r) => r.u) })),
      );
      for (const { name, local, stored } of opened) {
        if (this.#stopped) return;
        this.#syncs.set(
          name,
          new DocSync(name, local, stored, wsUrl, this.#opts.session.token, {
            onAck: (docName, payload) => this.#onAck(docName, payload),
            onFatalClose: (docName, code) => this.#onFatalClose(docName, code),
            onStatus: (docName, connected) => {
              if (connected) this.#connected.add(docName);
              else this.#connected.delete(docName);
              this.#opts.status.setConnectedDocs(this.#connected.size);
            },
          }),
        );
      }
    }
  }

  /** Names from the server when reachable, else the list stored at the last sync. */
  async #docNames(): Promise<string[]> {
    const db = this.#opts.hub.db;
    try {
      const res = await fetch(`${this.#opts.origin}/api/docs`, { headers: { authorization: `Bearer ${this.#opts.session.token}` } });
      if (res.status === 401) {
        this.#opts.status.setAuthExpired(true);
      } else if (res.ok) {
        const parsed = DocsResponseSchema.safeParse(await res.json());
        if (parsed.success) {
          await saveDocList(db, { docs: parsed.data.docs, fetchedAt: new Date().toISOString() });
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
      this.#syncs.get(row.k)?.forward(row.u);
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

  #onFatalClose(_docName: string, code: number): void {
    if (isFatalClose(code) && code === 4401) this.#opts.status.setAuthExpired(true);
  }

  stop(): void {
    this.#stopped = true;
    this.#subscription?.unsubscribe();
    for (const sync of this.#syncs.values()) sync.destroy();
    this.#syncs.clear();
  }
}
