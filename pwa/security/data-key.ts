// Encryption at rest of what the documents hold on the device. Every y-dexie
// update row (all recipients', plans' and journals' content) is stored sealed
// with the device's data key (XChaCha20-Poly1305 from @noble/ciphers: it is
// synchronous, and an IndexedDB transaction ends if a request waits on
// WebCrypto's promises). The data key exists in this tab's memory only after
// the PIN (or, for reloads during work, in sessionStorage until the app locks);
// at rest it is stored only wrapped (pwa/security/pin.ts). See docs/SECURITY.md.
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import type { Dexie, DBCore, DBCoreTable, Middleware } from 'dexie';

/** 'SLE1': a sealed value starts with these bytes, then the 12-byte random nonce (one key per device: far below ChaCha20-Poly1305's limit for random nonces). */
const MAGIC = [0x53, 0x4c, 0x45, 0x31] as const;
const NONCE_BYTES = 12;
const SESSION_KEY = 'slinga:data-key';

let key: Uint8Array | null = null;
let waiting: Array<() => void> = [];

export class LockedError extends Error {
  constructor() {
    super('the data key is locked');
  }
}

export function hasDataKey(): boolean {
  return key !== null;
}

/** The data key, for re-wrapping it under a new PIN. */
export function currentDataKey(): Uint8Array | null {
  return key;
}

export function setDataKey(next: Uint8Array): void {
  key = next;
  for (const resolve of waiting.splice(0)) resolve();
}

/** Resolves once the data key is in memory (after the PIN). */
export function whenDataKey(): Promise<void> {
  return key ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
}

export function newDataKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length > MAGIC.length + NONCE_BYTES && MAGIC.every((b, i) => bytes[i] === b);
}

export function seal(with_: Uint8Array, plain: Uint8Array): Uint8Array {
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = chacha20poly1305(with_, nonce).encrypt(plain);
  const out = new Uint8Array(MAGIC.length + NONCE_BYTES + sealed.length);
  out.set(MAGIC, 0);
  out.set(nonce, MAGIC.length);
  out.set(sealed, MAGIC.length + NONCE_BYTES);
  return out;
}

/** Opens a sealed value; throws when the key is wrong or the value was changed. */
export function open(with_: Uint8Array, sealed: Uint8Array): Uint8Array {
  const nonce = sealed.subarray(MAGIC.length, MAGIC.length + NONCE_BYTES);
  return chacha20poly1305(with_, nonce).decrypt(sealed.subarray(MAGIC.length + NONCE_BYTES));
}

// --- the escrow key of a sign-in: memory only, until the PIN is chosen ----------------

/** Kept across the reload after a user switch only: the new user's PIN seals the data key under it too. */
export const ESCROW_ACROSS_RELOAD = 'slinga:escrow-once';

let signInEscrow: string | undefined;

export function holdSignInEscrow(escrowKey: string | undefined): void {
  signInEscrow = escrowKey;
}

export function takeSignInEscrow(): string | undefined {
  const value = signInEscrow;
  signInEscrow = undefined;
  return value;
}

// --- sessionStorage: reloads during work -----------------------------------------

export function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** Takes the key from this tab's sessionStorage (a reload during work); false when there is none. */
export function loadDataKeyFromTab(): boolean {
  try {
    const stored = sessionStorage.getItem(SESSION_KEY);
    if (!stored) return false;
    const bytes = fromBase64(stored);
    if (bytes.length !== 32) return false;
    setDataKey(bytes);
    return true;
  } catch {
    return false;
  }
}

export function keepDataKeyInTab(): void {
  try {
    if (key) sessionStorage.setItem(SESSION_KEY, toBase64(key));
  } catch {
    // no storage: a reload asks for the PIN
  }
}

/** The app locked: a reload needs the PIN again (the running tab keeps its key for syncing). */
export function forgetDataKeyInTab(): void {
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // ignore
  }
}

// --- the Dexie middleware ----------------------------------------------------------

type Row = { u?: unknown };

function sealRow<T>(row: T): T {
  const r = row as Row;
  if (!(r && r.u instanceof Uint8Array)) return row;
  if (!key) throw new LockedError();
  return { ...r, u: seal(key, r.u) } as T;
}

function openRow<T>(row: T): T {
  const r = row as Row;
  if (!(r && r.u instanceof Uint8Array) || !isSealed(r.u)) return row; // rows from before encryption stay readable
  if (!key) throw new LockedError();
  return { ...r, u: open(key, r.u) } as T;
}

function encryptingTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      if (req.type === 'add' || req.type === 'put') return table.mutate({ ...req, values: req.values.map(sealRow) });
      return table.mutate(req);
    },
    get(req) {
      return table.get(req).then(openRow);
    },
    getMany(req) {
      return table.getMany(req).then((rows) => rows.map(openRow));
    },
    query(req) {
      return table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(openRow) } : res));
    },
    openCursor(req) {
      return table.openCursor(req).then((cursor) =>
        cursor && req.values !== false
          ? new Proxy(cursor, {
              get(target, prop) {
                if (prop === 'value') return openRow(target.value);
                const value = Reflect.get(target, prop, target) as unknown;
                return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
              },
            })
          : cursor,
      );
    },
  };
}

/** y-dexie's update tables ('$docs.ydoc_updates'): the only ones holding document content. */
function isUpdatesTable(name: string): boolean {
  return name.startsWith('$') && name.endsWith('_updates');
}

/** Lowest in the stack, just above IndexedDB: y-dexie, hooks and live queries above see plain rows. */
export const encryptionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SlingaEncryption',
  level: -10,
  create: (down) => ({
    ...down,
    table: (name) => (isUpdatesTable(name) ? encryptingTable(down.table(name)) : down.table(name)),
  }),
};

export function installEncryption(db: Dexie): void {
  db.use(encryptionMiddleware);
}
