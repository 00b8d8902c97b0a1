// Failed sign-ins counted per account and per address in SQLite: over the
// limit sign-in is locked until the oldest failure in the window ages out,
// and a restart does not unlock it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite-store';
import { LoginThrottle, type ThrottleLimits } from './login-throttle';

const LIMITS: ThrottleLimits = { perAccount: 3, perAddress: 5, windowMs: 60_000 };
const T0 = Date.parse('2026-03-10T08:00:00Z');
const dirs: string[] = [];
const stores: SqliteStore[] = [];

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(dir?: string): { dir: string; store: SqliteStore; throttle: LoginThrottle } {
  const at = dir ?? mkdtempSync(join(tmpdir(), 'slinga-throttle-'));
  if (!dir) dirs.push(at);
  const store = new SqliteStore(at);
  stores.push(store);
  return { dir: at, store, throttle: new LoginThrottle(store.security, LIMITS) };
}

describe('LoginThrottle', () => {
  it('locks an account after its limit of failures, with the wait until the oldest one ages out', () => {
    const { throttle } = open();
    expect(throttle.check('user:anna', 'addr-1', T0)).toEqual({ locked: false });
    throttle.failed('user:anna', 'addr-1', T0);
    throttle.failed('user:anna', 'addr-1', T0 + 10_000);
    expect(throttle.check('user:anna', 'addr-1', T0 + 10_000)).toEqual({ locked: false });
    throttle.failed('user:anna', 'addr-1', T0 + 20_000);
    expect(throttle.check('user:anna', 'addr-1', T0 + 20_000)).toEqual({ locked: true, scope: 'account', retryAfterSeconds: 40 });
    // From any address.
    expect(throttle.check('user:anna', 'addr-2', T0 + 30_000)).toEqual({ locked: true, scope: 'account', retryAfterSeconds: 30 });
    // Another account from the same address is not locked.
    expect(throttle.check('user:bo', 'addr-1', T0 + 30_000)).toEqual({ locked: false });
    // Once the oldest failure is out of the window, one more try is allowed.
    expect(throttle.check('user:anna', 'addr-1', T0 + 60_001)).toEqual({ locked: false });
  });

  it('never asks for less than a second', () => {
    const { throttle } = open();
    for (let i = 0; i < 3; i++) throttle.failed('user:anna', 'addr-1', T0);
    expect(throttle.check('user:anna', 'addr-1', T0 + 59_999)).toEqual({ locked: true, scope: 'account', retryAfterSeconds: 1 });
  });

  it('locks an address after its limit of failures, whatever the accounts', () => {
    const { throttle } = open();
    for (const account of ['user:anna', 'user:bo', 'name:x1', 'name:x2']) throttle.failed(account, 'addr-1', T0);
    expect(throttle.check('user:cecilia', 'addr-1', T0)).toEqual({ locked: false });
    throttle.failed('name:x3', 'addr-1', T0 + 5_000);
    expect(throttle.check('user:cecilia', 'addr-1', T0 + 5_000)).toEqual({ locked: true, scope: 'address', retryAfterSeconds: 55 });
    // The same account from another address is fine.
    expect(throttle.check('user:cecilia', 'addr-2', T0 + 5_000)).toEqual({ locked: false });
  });

  it('names the account when both are over the limit', () => {
    const { throttle } = open();
    for (let i = 0; i < 5; i++) throttle.failed('user:anna', 'addr-1', T0);
    expect(throttle.check('user:anna', 'addr-1', T0)).toMatchObject({ locked: true, scope: 'account' });
  });

  it("a success clears the account's failures but not the address's", () => {
    const { throttle } = open();
    for (let i = 0; i < 2; i++) throttle.failed('user:anna', 'addr-1', T0);
    for (let i = 0; i < 2; i++) throttle.failed('user:bo', 'addr-1', T0);
    throttle.succeeded('user:anna');
    throttle.failed('user:anna', 'addr-1', T0 + 1_000);
    throttle.failed('user:anna', 'addr-1', T0 + 1_000);
    // Two failures since the success: not locked yet, while the address now has five.
    expect(throttle.check('user:anna', 'addr-2', T0 + 1_000)).toEqual({ locked: false });
    expect(throttle.check('user:anna', 'addr-1', T0 + 1_000)).toMatchObject({ locked: true, scope: 'address' });
  });

  it('keeps counting across a restart', () => {
    const first = open();
    for (let i = 0; i < 3; i++) first.throttle.failed('user:anna', 'addr-1', T0);
    first.store.close();
    stores.splice(stores.indexOf(first.store), 1);
    const second = open(first.dir);
    expect(second.throttle.check('user:anna', 'addr-1', T0 + 1_000)).toMatchObject({ locked: true, scope: 'account' });
  });

  it('prunes failures older than two windows as new ones come in', () => {
    const { store, throttle } = open();
    throttle.failed('user:anna', 'addr-1', T0);
    throttle.failed('user:bo', 'addr-2', T0 + 2 * LIMITS.windowMs + 1);
    expect(store.security.loginFailures('account', 'user:anna', 0).count).toBe(0);
    expect(store.security.loginFailures('address', 'addr-1', 0).count).toBe(0);
    expect(store.security.loginFailures('account', 'user:bo', 0).count).toBe(1);
  });
});
