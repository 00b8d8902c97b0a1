// The server's security parts, built once from the store and the secret:
// sessions and tokens, the audit log, login throttling and request limits.
import { createHmac } from 'node:crypto';
import type { DevicePolicy } from '../domain';
import { AuditLog } from './audit/audit-log';
import { LoginThrottle, type ThrottleLimits } from './auth/login-throttle';
import { Sessions } from './auth/sessions';
import { createTokens, type Tokens } from './auth/tokens';
import { RateLimiter } from './http/rate-limit';
import type { SqliteStore } from './store/sqlite-store';

export type SecuritySettings = {
  /** Access token lifetime. */
  tokenTtlSeconds: number;
  /** Session (refresh token) lifetime. */
  sessionTtlSeconds: number;
  policy: DevicePolicy;
  login: ThrottleLimits;
  /** API requests per client address and minute. */
  requestsPerMinute: number;
  /** Largest HTTP request body. */
  maxBodyBytes: number;
};

export const DEFAULT_SECURITY: SecuritySettings = {
  tokenTtlSeconds: 15 * 60,
  sessionTtlSeconds: 30 * 24 * 3600,
  policy: { lockAfterMinutes: 5, wipeAfterOfflineDays: 7, maxPinAttempts: 5 },
  login: { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 },
  requestsPerMinute: 600,
  maxBodyBytes: 256 * 1024,
};

export type Security = {
  settings: SecuritySettings;
  tokens: Tokens;
  sessions: Sessions;
  audit: AuditLog;
  throttle: LoginThrottle;
  limiter: RateLimiter;
  /** A keyed hash of a network address: what the throttle and the audit log keep instead of the address. */
  addressKey(address: string): string;
};

export function createSecurity(
  store: SqliteStore,
  secret: string,
  settings: SecuritySettings = DEFAULT_SECURITY,
  options: { now?: () => Date; tokens?: Tokens } = {},
): Security {
  const now = options.now ?? (() => new Date());
  const tokens = options.tokens ?? createTokens(secret, settings.tokenTtlSeconds);
  const audit = new AuditLog(store.security, secret, now);
  const addressSecret = createHmac('sha256', secret).update('slinga-address-v1').digest();
  return {
    settings,
    tokens,
    audit,
    sessions: new Sessions({ store: store.security, directory: store, tokens, audit, now, sessionTtlSeconds: settings.sessionTtlSeconds, policy: settings.policy }),
    throttle: new LoginThrottle(store.security, settings.login),
    limiter: new RateLimiter(settings.requestsPerMinute),
    addressKey: (address) => createHmac('sha256', addressSecret).update(address).digest('hex').slice(0, 24),
  };
}
