// Opens the device's Y.Docs from IndexedDB (y-dexie) and keeps them open for
// the app's life. Records every local change as pending until the server
// acknowledges it. One instance, created at start-up and passed down.
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { changeRangesOf, isEmptyChange, keepsHistory } from '../../domain';
import { updatesTableName, type SlingaDb } from '../storage/db';
import { recordPending } from '../storage/pending-repo';
import { REMOTE } from './origins';

const RECORDING_GRACE_MS = 500;

export class DocHub {
  readonly db: SlingaDb;
  readonly #docs = new Map<string, Promise<Y.Doc>>();
  readonly #cleanups: Array<() => void> = [];
  readonly #onError: (error: unknown) => void;
  #closed = false;
  #storageFailed = false;
  #onOpened: ((name: string) => void) | null = null;
  #recording = 0;
  #onRecording: (count: number) => void = () => undefined;
  readonly #onStorageError: () => void;

  constructor(db: SlingaDb, onError: (error: unknown) => void, onStorageError: () => void = () => undefined) {
    this.db = db;
    this.#onError = onError;
    this.#onStorageError = onStorageError;
  }

  /** Told about every doc the UI opens, so that the sync engine can make sure it syncs. */
  setOnOpened(callback: ((name: string) => void) | null): void {
    this.#onOpened = callback;
    if (callback) for (const name of this.#docs.keys()) callback(name);
  }

  /**
   * Told how many local changes are being recorded as pending right now. A
   * change counts from the moment it is made: while IndexedDB is busy (a first
   * sync writes hundreds of rows) its pending row can take seconds to land,
   * and the device must not say "everything is saved on the server" meanwhile.
   */
  setOnRecording(callback: (count: number) => void): void {
    this.#onRecording = callback;
    callback(this.#recording);
  }

  #storageError(error: unknown): void {
    this.#storageFailed = true;
    this.#onError(error);
    this.#onStorageError();
  }

  /** The loaded doc for `name` (created empty on first use). */
  open(name: string): Promise<Y.Doc> {
    let pending = this.#docs.get(name);
    if (!pending) {
      pending = this.#load(name);
      this.#docs.set(name, pending);
      pending.catch(() => this.#docs.delete(name));
      this.#onOpened?.(name);
    }
    return pending;
  }

  openNames(): string[] {
    return [...this.#docs.keys()];
  }

  async #load(name: string): Promise<Y.Doc> {
    if (this.#closed) throw new Error('hub closed');
    const db = this.db;
    // The row must exist before y-dexie observes the doc (it destroys docs without one).
    let row = await db.docs.get(name);
    if (!row) {
      await db.transaction('rw', db.docs, async () => {
        if ((await db.docs.get(name)) === undefined) await db.docs.add({ name } as never);
      });
      row = await db.docs.get(name);
    }
    if (!row) throw new Error(`doc row ${name} missing`);
    const doc = row.ydoc;
    // Journal docs keep deleted content (see keepsHistory in domain/).
    if (keepsHistory(name)) doc.gc = false;
    const provider = DexieYProvider.load(doc);
    // y-dexie reports a failed write of an update only through this event: it must not go unnoticed.
    provider.on('error', (error: unknown) => this.#storageError(error));
    await provider.whenLoaded;
    const onTransaction = (tx: Y.Transaction) => {
      if (tx.origin === REMOTE || tx.origin instanceof DexieYProvider) return;
      const change = changeRangesOf(tx);
      if (isEmptyChange(change)) return;
      this.#onRecording(++this.#recording);
      recordPending(db, name, change)
        .catch((err: unknown) => this.#storageError(err))
        // Counted a little past the commit, until the stored count (a live query) has caught up.
        .finally(() => setTimeout(() => this.#onRecording(--this.#recording), RECORDING_GRACE_MS));
    };
    doc.on('afterTransaction', onTransaction);
    this.#cleanups.push(() => {
      doc.off('afterTransaction', onTransaction);
      DexieYProvider.release(doc);
    });
    return doc;
  }

  /**
   * Resolves when every update written so far is committed to IndexedDB: a
   * read of y-dexie's update table is queued behind the writes already issued
   * on it (IndexedDB runs overlapping transactions in creation order).
   */
  async whenSaved(): Promise<void> {
    await this.db.table(updatesTableName(this.db)).count();
    if (this.#storageFailed) throw new Error('a write to IndexedDB failed');
  }

  close(): void {
    this.#closed = true;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#docs.clear();
  }
}
