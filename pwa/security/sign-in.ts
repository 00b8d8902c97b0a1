// What follows a successful sign-in on this device, loaded only then (not on
// the start-up path). Another person on a shared tablet: the previous user's
// session ends and the device is wiped before anything of the new user is
// stored. The same person again: the data already on the device is opened
// with the escrow key the server sent with this sign-in (so a forgotten PIN
// costs nothing); data that cannot be opened any more is removed.
import type { SessionTokens } from '../../domain';
import { PendingChangesError } from '../app-context';
import { clearAllDraftBackups } from '../storage/draft-backup';
import { openDb, updatesTableName, type SlingaDb } from '../storage/db';
import { saveSession, type Session } from '../storage/session-repo';
import { ESCROW_ACROSS_RELOAD, holdSignInEscrow } from './data-key';
import { wipeDevice } from './device-wipe';
import { recoverDataKey } from './pin';

export type SignInContext = {
  db: SlingaDb;
  previous: Session | null;
  /** Local changes the server has not confirmed. */
  pending: number;
  /** Ends the previous session on the server (best effort). */
  logoutPrevious(): Promise<void>;
  /** Stops sync and closes every open doc. */
  stopAll(): void;
  /** The new session is stored: the app takes it from here (PIN setup, sync). */
  signedIn(session: Session): void;
};

/** Sealed data whose key is gone: removed, it can never be read. */
async function dropUnreadable(db: SlingaDb): Promise<void> {
  const updates = db.table(updatesTableName(db));
  await db.transaction('rw', [db.docs, updates, db.syncState, db.pending, db.meta], async () => {
    await updates.clear();
    await db.docs.clear();
    await db.syncState.clear();
    await db.pending.clear();
    await db.meta.delete('pin');
  });
}

export async function completeSignIn(ctx: SignInContext, tokens: SessionTokens): Promise<void> {
  const { escrowKey, ...kept } = tokens;
  if (ctx.previous && ctx.previous.user.id !== tokens.user.id) {
    // A change the server has not confirmed must never be wiped.
    if (ctx.pending > 0) throw new PendingChangesError();
    await ctx.logoutPrevious().catch(() => undefined);
    ctx.stopAll();
    clearAllDraftBackups();
    await wipeDevice(ctx.db, 'switch_user');
    await saveSession(openDb(), kept);
    if (escrowKey) sessionStorage.setItem(ESCROW_ACROSS_RELOAD, escrowKey);
    location.replace('/');
    return;
  }
  await saveSession(ctx.db, kept);
  await ctx.db.meta.put({ key: 'lastContact', value: new Date().toISOString() });
  if ((await recoverDataKey(ctx.db, escrowKey)) === 'failed') await dropUnreadable(ctx.db);
  holdSignInEscrow(escrowKey);
  ctx.signedIn(kept);
}
