// The app lock: after the policy's minutes without use (and whenever sign-off
// mode is left) the app shows only the PIN screen. Kept small, in the initial
// bundle; the PIN itself is checked in pin.ts, loaded with the lock screen.
// The time of the last use is kept in sessionStorage, so that a reload in the
// middle of work (an app update) does not ask for the PIN again, while a new
// tab or a restarted browser always does.
import { createSignal } from 'solid-js';
import { forgetDataKeyInTab, keepDataKeyInTab } from './data-key';

export type LockState = 'unlocked' | 'locked' | 'setup';

const ACTIVE_KEY = 'slinga:last-active';
const CHECK_EVERY_MS = 5_000;
const WRITE_EVERY_MS = 5_000;

const [state, setState] = createSignal<LockState>('unlocked');
export const lockState = state;

let lockAfterMs = 5 * 60_000;
let lastActive = 0;
let lastWrite = 0;
let paused: () => boolean = () => false;

function readLastActive(): number {
  try {
    return Number(sessionStorage.getItem(ACTIVE_KEY) ?? '0') || 0;
  } catch {
    return 0;
  }
}

function touch(): void {
  if (state() !== 'unlocked') return;
  lastActive = Date.now();
  if (lastActive - lastWrite < WRITE_EVERY_MS) return;
  lastWrite = lastActive;
  try {
    sessionStorage.setItem(ACTIVE_KEY, String(lastActive));
  } catch {
    // no storage: the lock still works in memory
  }
}

function check(): void {
  if (state() === 'unlocked' && !paused() && Date.now() - lastActive > lockAfterMs) lock();
}

/**
 * Starts the lock for a signed-in device. `hasPin`: a PIN has been chosen on
 * this device (else the PIN setup is shown); `pausedWhile`: no inactivity lock
 * (the recipient holds the tablet in sign-off mode, with no time limit).
 */
export function startAppLock(options: { hasPin: boolean; hasDataKey: boolean; lockAfterMinutes: number; pausedWhile: () => boolean }): void {
  lockAfterMs = options.lockAfterMinutes * 60_000;
  paused = options.pausedWhile;
  lastActive = readLastActive();
  if (!options.hasPin) setState('setup');
  // Resuming without the PIN needs the data key this tab kept (a reload during work).
  else if (options.hasDataKey && (options.pausedWhile() || Date.now() - lastActive <= lockAfterMs)) setState('unlocked');
  else lock();
  if (state() === 'unlocked') {
    lastWrite = 0;
    touch();
  }
  for (const type of ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const) {
    document.addEventListener(type, touch, { capture: true, passive: true });
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  setInterval(check, CHECK_EVERY_MS);
}

/** Shows the PIN screen now (inactivity, leaving sign-off mode, the "lock" button). */
export function lock(): void {
  if (state() === 'setup') return;
  setState('locked');
  forgetDataKeyInTab();
  try {
    sessionStorage.removeItem(ACTIVE_KEY);
  } catch {
    // ignore
  }
}

/** The right PIN was given (or a new one chosen). */
export function unlocked(): void {
  keepDataKeyInTab();
  setState('unlocked');
  lastWrite = 0;
  touch();
}

/** A new sign-in on this device needs a PIN chosen first. */
export function requirePinSetup(): void {
  setState('setup');
}
