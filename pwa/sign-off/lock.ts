// Sign-off mode locks the app on one visit's sign-off screen while the
// recipient holds the tablet. Leaving it needs the caregiver's deliberate step:
// the 4-digit code they chose when handing over. Only a salted hash of the code
// is kept, in sessionStorage, so that a reload stays locked (and nothing
// outlives the tab). The lock itself is in lock-state.ts.
import { sha256Hex } from '../../domain';
import { lock as lockApp } from '../security/app-lock';
import { lock, setLock } from './lock-state';

export { lockedPath } from './lock-state';

const CODE = /^\d{4}$/;

export function isValidCode(code: string): boolean {
  return CODE.test(code);
}

/** Locks the app on `path` until `code` is given back. */
export function lockSignOff(path: string, code: string): void {
  if (!isValidCode(code)) throw new Error('the code must be 4 digits');
  const salt = crypto.randomUUID();
  setLock({ path, salt, hash: sha256Hex(`${salt}:${code}`) });
}

/** What the recipient gave in this hand-over, if anything: one sign-off per hand-over. */
export function givenInThisHandOver(): 'signed' | 'declined' | undefined {
  return lock()?.given;
}

/** Records that this hand-over's sign-off is given (a reload shows the thank-you, not a new form). */
export function markGiven(given: 'signed' | 'declined'): void {
  const current = lock();
  if (current) setLock({ ...current, given });
}

/** Unlocks with the caregiver's code; false (and still locked) when it is wrong. */
export function unlockSignOff(code: string): boolean {
  const current = lock();
  if (!current) return true;
  if (sha256Hex(`${current.salt}:${code}`) !== current.hash) return false;
  setLock(null);
  // Back in staff hands: the app asks for the caregiver's personal PIN.
  lockApp();
  return true;
}
