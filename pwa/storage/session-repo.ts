// The signed-in session on this device: a short-lived access token, the
// device-bound refresh token, and the device policy the server set. Kept so
// that later starts work offline (behind the PIN lock).
import { z } from 'zod/mini';
import { SessionTokensSchema, type SessionTokens } from '../../domain';
import type { SlingaDb } from './db';

const SessionRowSchema = z.extend(SessionTokensSchema, { id: z.literal('current'), savedAt: z.string() });
export type Session = SessionTokens;

export async function loadSession(db: SlingaDb): Promise<(Session & { savedAt: string }) | null> {
  const row = await db.session.get('current');
  if (!row) return null;
  const parsed = SessionRowSchema.safeParse(row);
  if (!parsed.success) {
    // A session from an older version (no refresh token): sign in again.
    await db.session.delete('current');
    return null;
  }
  const { id: _id, ...session } = parsed.data;
  return session;
}

/** Saves the session; the escrow key of a sign-in is never stored. */
export async function saveSession(db: SlingaDb, session: Session): Promise<void> {
  const { escrowKey: _never, ...kept } = session;
  await db.session.put({ id: 'current', ...kept, savedAt: new Date().toISOString() } as never);
}
