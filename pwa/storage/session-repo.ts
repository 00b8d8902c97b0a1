// The signed-in session on this device. Kept so that later starts work offline.
import { z } from 'zod/mini';
import { SessionUserSchema, type SessionUser } from '../../domain';
import type { SlingaDb } from './db';

const SessionSchema = z.object({
  id: z.literal('current'),
  token: z.string().check(z.minLength(10)),
  expiresAt: z.string(),
  user: SessionUserSchema,
  savedAt: z.string(),
});
export type Session = { token: string; expiresAt: string; user: SessionUser };

export async function loadSession(db: SlingaDb): Promise<Session | null> {
  const row = await db.session.get('current');
  if (!row) return null;
  const parsed = SessionSchema.safeParse(row);
  if (!parsed.success) {
    await db.session.delete('current');
    return null;
  }
  return { token: parsed.data.token, expiresAt: parsed.data.expiresAt, user: parsed.data.user };
}

export async function saveSession(db: SlingaDb, session: Session): Promise<void> {
  await db.session.put({ id: 'current', ...session, savedAt: new Date().toISOString() });
}

/** Signs out and removes everything this user had on the device. */
export async function wipeDevice(db: SlingaDb): Promise<void> {
  db.close();
  await db.delete();
}
