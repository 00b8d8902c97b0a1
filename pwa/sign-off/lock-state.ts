// Whether the app is locked in sign-off mode, and on which screen: what the
// app frame needs on every start (lock.ts loads with the sign-off pages only).
import { createSignal } from 'solid-js';

export const LOCK_KEY = 'slinga:sign-off-lock';

export type Lock = { path: string; given?: 'signed' | 'declined' };

function read(): Lock | null {
  try {
    const raw = sessionStorage.getItem(LOCK_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Lock>;
    if (typeof value.path !== 'string' || !value.path.startsWith('/kvittens/')) return null;
    const given = value.given === 'signed' || value.given === 'declined' ? value.given : undefined;
    return { path: value.path, ...(given ? { given } : {}) };
  } catch {
    return null;
  }
}

const [lock, setLockSignal] = createSignal<Lock | null>(read());

export { lock };

/** Stores (or clears) the lock in this tab. */
export function setLock(next: Lock | null): void {
  if (next) sessionStorage.setItem(LOCK_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(LOCK_KEY);
  setLockSignal(next);
}

/** The sign-off screen the app is locked on, or null. */
export function lockedPath(): string | null {
  return lock()?.path ?? null;
}
