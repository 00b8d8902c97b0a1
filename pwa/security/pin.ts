// The personal PIN unlocks the device's data key. Nothing that checks the PIN
// is stored: the data key is kept sealed under a key derived from the PIN
// (PBKDF2-SHA-256, 210,000 iterations) and the device's server-held wrap
// secret (HKDF), so a wrong PIN simply fails to open it. A second copy is
// sealed under the server's escrow key for this device, which only a password
// sign-in returns: a forgotten PIN costs no data. Every attempt is counted
// before it is checked (closing the tab gives no free tries); the policy's
// number of wrong PINs in a row wipes the device.
import { z } from 'zod/mini';
import { PIN_PATTERN } from '../../domain';
import type { SlingaDb } from '../storage/db';
import { currentDataKey, fromBase64, newDataKey, open, seal, setDataKey, toBase64 } from './data-key';

const PIN_KEY = 'pin';
const ITERATIONS = 210_000;

const PinRecordSchema = z.object({
  userId: z.string(),
  salt: z.string(),
  iterations: z.number(),
  /** The data key sealed under the PIN and the wrap secret. */
  wrapped: z.string(),
  /** The data key sealed under the escrow key. */
  escrowWrapped: z.optional(z.string()),
  failures: z.number(),
});
type PinRecord = z.infer<typeof PinRecordSchema>;

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  return fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
}

/** The key that seals the data key: PBKDF2 of the PIN, then HKDF with the device's wrap secret. */
async function wrappingKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number, deviceSecret: string): Promise<Uint8Array> {
  const pinKey = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const stretched = await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, pinKey, 256);
  const hkdfKey = await crypto.subtle.importKey('raw', stretched, 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: fromBase64Url(deviceSecret), info: new TextEncoder().encode('slinga-data-key-wrap-v1') },
    hkdfKey,
    256,
  );
  return new Uint8Array(bits);
}

async function load(db: SlingaDb): Promise<PinRecord | null> {
  const parsed = PinRecordSchema.safeParse((await db.meta.get(PIN_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * A new PIN for this device: seals the data key in memory (a new one when
 * there is none) under it, and under the escrow key when the sign-in gave one.
 */
export async function setPin(db: SlingaDb, userId: string, pin: string, deviceSecret: string, escrowKey: string | undefined): Promise<void> {
  if (!isValidPin(pin)) throw new Error('a PIN is 4 to 6 digits');
  const previous = await load(db);
  const existing = currentDataKey();
  const dataKey = existing ?? newDataKey();
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const wrapped = seal(await wrappingKey(pin, salt, ITERATIONS, deviceSecret), dataKey);
  const escrowWrapped = escrowKey ? toBase64(seal(fromBase64Url(escrowKey), dataKey)) : existing ? previous?.escrowWrapped : undefined;
  const record: PinRecord = {
    userId,
    salt: toBase64(salt),
    iterations: ITERATIONS,
    wrapped: toBase64(wrapped),
    ...(escrowWrapped ? { escrowWrapped } : {}),
    failures: 0,
  };
  await db.meta.put({ key: PIN_KEY, value: record });
  setDataKey(dataKey);
}

export type PinCheck = { ok: true } | { ok: false; attemptsLeft: number };

/** Opens the data key with the PIN; a wrong one counts toward the wipe (attemptsLeft 0 means: wipe now). */
export async function checkPin(db: SlingaDb, pin: string, maxAttempts: number, deviceSecret: string): Promise<PinCheck> {
  const record = await load(db);
  if (!record) return { ok: false, attemptsLeft: 0 };
  const failures = record.failures + 1;
  await db.meta.put({ key: PIN_KEY, value: { ...record, failures } });
  if (isValidPin(pin)) {
    try {
      const key = await wrappingKey(pin, fromBase64(record.salt), record.iterations, deviceSecret);
      const dataKey = open(key, fromBase64(record.wrapped));
      await db.meta.put({ key: PIN_KEY, value: { ...record, failures: 0 } });
      setDataKey(dataKey);
      return { ok: true };
    } catch {
      // a wrong PIN does not open the data key
    }
  }
  return { ok: false, attemptsLeft: Math.max(0, maxAttempts - failures) };
}

export async function attemptsLeft(db: SlingaDb, maxAttempts: number): Promise<number> {
  const record = await load(db);
  return record ? Math.max(0, maxAttempts - record.failures) : 0;
}

/**
 * After a sign-in: opens the data key with the escrow key the server sent, so
 * that the data already on the device stays readable under a new PIN.
 * 'none': the device holds no sealed key yet; 'failed': it does, and it could
 * not be opened (its data cannot be read any more).
 */
export async function recoverDataKey(db: SlingaDb, escrowKey: string | undefined): Promise<'recovered' | 'none' | 'failed'> {
  if (currentDataKey()) return 'recovered';
  const record = await load(db);
  if (!record) return 'none';
  if (!record.escrowWrapped || !escrowKey) return 'failed';
  try {
    setDataKey(open(fromBase64Url(escrowKey), fromBase64(record.escrowWrapped)));
    return 'recovered';
  } catch {
    return 'failed';
  }
}
