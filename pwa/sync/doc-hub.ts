// Opens the device's Y.Docs from IndexedDB (y-dexie) and keeps them open for
// the app's life. Records every local change as pending until the server
// acknowledges it. One instance, created at start-up and passed down.
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { changeRangesOf, isEmptyChange, keepsHistory } from '../../domain';
import { updatesTableName, type SlingaDb } from '../storage/db';
import { recordPending } from '../storage/pending-repo';
import { REMOTE } from './origins';

export class DocHub {
  readonly db: SlingaDb;
  readonly #docs = new Map<string, Promise<Y.Doc>>();
  readonly #cleanups: Array<() => void> = [];
  readonly #onError: (error: unknown) => void;
  #closed = false;

  constructor(db: SlingaDb, onError: (error: unknown) => void) {
    this.db = db;
    this.#onError = onError;
  }

  /** The loaded doc for `name` (created empty on first use). */
  open(name: string): Promise<Y.Doc> {
    let pending = this.#docs.get(name);
    if (!pending) {
      pending = this.#load(name);
      this.#docs.set(name, pending);
      pending.catch(() => this.#docs.delete(name));
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
    await provider.whenLoaded;
    const onTransaction = (tx: Y.Transaction) => {
      if (tx.origin === REMOTE || tx.origin instanceof DexieYProvider) return;
      const change = changeRangesOf(tx);
      if (!isEmptyChange(change)) recordPending(db, name, change).catch(this.#onError);
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
  }

  close(): void {
    this.#closed = true;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#docs.clear();
  }
}
