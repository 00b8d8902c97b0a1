// The personal PIN that unlocks the app on this device, offline too. Only a
// salted PBKDF2 hash is kept (WebCrypto, in IndexedDB). Every attempt is
// counted before it is checked, so closing the tab does not give free tries;
// the policy's number of wrong PINs in a row wipes the device.
import { z } from 'zod/mini';
import { PIN_PATTERN } from '../../domain';
import type { SlingaDb } from '../storage/db';

const PIN_KEY = 'pin';
const ITERATIONS = 210_000;

const PinRecordSchema = z.object({
  userId: z.string(),
  salt: z.string(),
  hash: z.string(),
  iterations: z.number(),
  failures: z.number(),
});
type PinRecord = z.infer<typeof PinRecordSchema>;

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, key, 256);
  return toBase64(new Uint8Array(bits));
}

async function load(db: SlingaDb): Promise<PinRecord | null> {
  const parsed = PinRecordSchema.safeParse((await db.meta.get(PIN_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

export async function setPin(db: SlingaDb, userId: string, pin: string): Promise<void> {
  if (!isValidPin(pin)) throw new Error('a PIN is 4 to 6 digits');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const record: PinRecord = { userId, salt: toBase64(salt), hash: await derive(pin, salt, ITERATIONS), iterations: ITERATIONS, failures: 0 };
  await db.meta.put({ key: PIN_KEY, value: record });
}

export type PinCheck = { ok: true } | { ok: false; attemptsLeft: number };

/** Checks a PIN; a wrong one counts toward the wipe (attemptsLeft 0 means: wipe now). */
export async function checkPin(db: SlingaDb, pin: string, maxAttempts: number): Promise<PinCheck> {
  const record = await load(db);
  if (!record) return { ok: false, attemptsLeft: 0 };
  const failures = record.failures + 1;
  await db.meta.put({ key: PIN_KEY, value: { ...record, failures } });
  const hash = isValidPin(pin) ? await derive(pin, fromBase64(record.salt), record.iterations) : '';
  if (hash === record.hash) {
    await db.meta.put({ key: PIN_KEY, value: { ...record, failures: 0 } });
    return { ok: true };
  }
  return { ok: false, attemptsLeft: Math.max(0, maxAttempts - failures) };
}

export async function attemptsLeft(db: SlingaDb, maxAttempts: number): Promise<number> {
  const record = await load(db);
  return record ? Math.max(0, maxAttempts - record.failures) : 0;
}
