// Sign-off mode locks the app on one visit's sign-off screen while the
// recipient holds the tablet. Taking the tablet back is the caregiver's
// deliberate step on that screen; it leaves sign-off mode and locks the app,
// so that only the caregiver's personal PIN opens it again (security/app-lock.ts).
// The lock itself (in sessionStorage, so that a reload stays on the screen) is
// in lock-state.ts.
import { lock as lockApp } from '../security/app-lock';
import { lock, setLock } from './lock-state';

export { lockedPath } from './lock-state';

/** Locks the app on `path` (the visit's sign-off screen). */
export function lockSignOff(path: string): void {
  setLock({ path });
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

/** The caregiver takes the tablet back: sign-off mode ends and the app asks for the PIN. */
export function leaveSignOff(): void {
  setLock(null);
  lockApp();
}
