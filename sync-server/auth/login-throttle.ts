// Failed sign-ins are counted per account and per network address in SQLite
// (a restart does not reset them). Over the limit, sign-in is refused until
// the oldest failure in the window has aged out.
import type { SqliteSecurityStore } from '../store/security-store';

export type ThrottleLimits = { perAccount: number; perAddress: number; windowMs: number };

export type ThrottleVerdict = { locked: false } | { locked: true; scope: 'account' | 'address'; retryAfterSeconds: number };

export class LoginThrottle {
  readonly #store: SqliteSecurityStore;
  readonly #limits: ThrottleLimits;

  constructor(store: SqliteSecurityStore, limits: ThrottleLimits) {
    this.#store = store;
    this.#limits = limits;
  }

  check(accountKey: string, addressKey: string, nowMs: number): ThrottleVerdict {
    const since = nowMs - this.#limits.windowMs;
    const checks: Array<['account' | 'address', string, number]> = [
      ['account', accountKey, this.#limits.perAccount],
      ['address', addressKey, this.#limits.perAddress],
    ];
    for (const [scope, key, limit] of checks) {
      const { count, oldestMs } = this.#store.loginFailures(scope, key, since);
      if (count >= limit) {
        const until = (oldestMs ?? nowMs) + this.#limits.windowMs;
        return { locked: true, scope, retryAfterSeconds: Math.max(1, Math.ceil((until - nowMs) / 1000)) };
      }
    }
    return { locked: false };
  }

  failed(accountKey: string, addressKey: string, nowMs: number): void {
    this.#store.batch(() => {
      this.#store.addLoginFailure('account', accountKey, nowMs);
      this.#store.addLoginFailure('address', addressKey, nowMs);
      this.#store.pruneLoginFailures(nowMs - 2 * this.#limits.windowMs);
    });
  }

  succeeded(accountKey: string): void {
    this.#store.clearLoginFailures('account', accountKey);
  }
}
