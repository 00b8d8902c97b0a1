// Sign-off mode locks the app on one visit's sign-off screen while the
// recipient holds the tablet. Leaving it needs the caregiver's deliberate step:
// the 4-digit code they chose when handing over. Only a hash of the code is
// kept, in sessionStorage, so that a reload stays locked (and nothing outlives
// the tab).
import { createSignal } from 'solid-js';
import { sha256Hex } from '../../domain';

const KEY = 'slinga:sign-off-lock';
const CODE = /^\d{4}$/;

type Lock = { path: string; hash: string; salt: string; given?: 'signed' | 'declined' };

function read(): Lock | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Lock>;
    if (typeof value.path !== 'string' || typeof value.hash !== 'string' || typeof value.salt !== 'string') return null;
    const given = value.given === 'signed' || value.given === 'declined' ? value.given : undefined;
    return { path: value.path, hash: value.hash, salt: value.salt, ...(given ? { given } : {}) };
  } catch {
    return null;
  }
}

const [lock, setLock] = createSignal<Lock | null>(read());

/** The sign-off screen the app is locked on, or null. */
export function lockedPath(): string | null {
  return lock()?.path ?? null;
}

export function isValidCode(code: string): boolean {
  return CODE.test(code);
}

/** Locks the app on `path` until `code` is given back. */
export function lockSignOff(path: string, code: string): void {
  if (!isValidCode(code)) throw new Error('the code must be 4 digits');
  const salt = crypto.randomUUID();
  const next = { path, salt, hash: sha256Hex(`${salt}:${code}`) };
  sessionStorage.setItem(KEY, JSON.stringify(next));
  setLock(next);
}

/** What the recipient gave in this hand-over, if anything: one sign-off per hand-over. */
export function givenInThisHandOver(): 'signed' | 'declined' | undefined {
  return lock()?.given;
}

/** Records that this hand-over's sign-off is given (a reload shows the thank-you, not a new form). */
export function markGiven(given: 'signed' | 'declined'): void {
  const current = lock();
  if (!current) return;
  const next = { ...current, given };
  sessionStorage.setItem(KEY, JSON.stringify(next));
  setLock(next);
}

/** Unlocks with the caregiver's code; false (and still locked) when it is wrong. */
export function unlockSignOff(code: string): boolean {
  const current = lock();
  if (!current) return true;
  if (sha256Hex(`${current.salt}:${code}`) !== current.hash) return false;
  sessionStorage.removeItem(KEY);
  setLock(null);
  return true;
}
