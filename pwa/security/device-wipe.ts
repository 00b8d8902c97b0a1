// Wiping the device: everything Slinga keeps in this browser goes (IndexedDB,
// the service worker's caches, local and session storage), and the app starts
// again at the sign-in screen. Used for signing out, switching user, too many
// wrong PINs, a revoked user or device, and too long without reaching the server.
import type { SlingaDb } from '../storage/db';

export type WipeReason = 'signed_out' | 'switch_user' | 'pin_attempts' | 'revoked' | 'offline_too_long';

/** Why the last wipe happened: the sign-in screen says so (kept in sessionStorage, nothing else). */
export const WIPE_REASON_KEY = 'slinga:wiped';

export async function wipeDevice(db: SlingaDb, reason: WipeReason): Promise<void> {
  db.close();
  await db.delete().catch(() => undefined);
  if ('caches' in globalThis) {
    // Runtime caches go; the precached app shell (code, no data) stays, so that the
    // sign-in screen still opens on a device wiped while offline.
    const names = await caches.keys().catch(() => [] as string[]);
    await Promise.all(names.filter((name) => !name.startsWith('workbox-precache')).map((name) => caches.delete(name).catch(() => false)));
  }
  try {
    localStorage.clear();
    sessionStorage.clear();
    if (reason !== 'signed_out' && reason !== 'switch_user') sessionStorage.setItem(WIPE_REASON_KEY, reason);
  } catch {
    // Storage unavailable: nothing to clear.
  }
}

/** Has the device gone longer than the policy allows without reaching the server? */
export function offlineTooLong(lastContactIso: string | null, nowMs: number, days: number): boolean {
  if (lastContactIso === null) return false;
  const last = Date.parse(lastContactIso);
  return Number.isFinite(last) && nowMs - last > days * 86_400_000;
}
