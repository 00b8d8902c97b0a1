// Server configuration from the environment, parsed with zod: a bad setting
// stops the start with a message that names it, instead of a surprise later.
import { z } from 'zod/mini';
import { describeIssues } from '../domain';
import type { SecuritySettings } from './security';

const EnvSchema = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 8787),
  HOST: z._default(z.string().check(z.minLength(1)), '0.0.0.0'),
  DATA_DIR: z._default(z.string().check(z.minLength(1)), './data'),
  SLINGA_SECRET: z.optional(z.string().check(z.minLength(32, 'SLINGA_SECRET must be at least 32 characters'))),
  SLINGA_SEED: z._default(z.enum(['demo', 'none']), 'demo'),
  STATIC_DIR: z._default(z.string(), './dist'),
  TOKEN_TTL_HOURS: z._default(z.coerce.number().check(z.gte(0.001), z.lte(24)), 0.25),
  SESSION_TTL_DAYS: z._default(z.coerce.number().check(z.gte(0.001), z.lte(365)), 30),
  LOCK_AFTER_MINUTES: z._default(z.coerce.number().check(z.gt(0), z.lte(24 * 60)), 5),
  WIPE_AFTER_OFFLINE_DAYS: z._default(z.coerce.number().check(z.gt(0), z.lte(365)), 7),
  LOGIN_MAX_FAILURES: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000)), 20),
  LOGIN_LOCK_MINUTES: z._default(z.coerce.number().check(z.gt(0), z.lte(24 * 60)), 15),
  RATE_LIMIT_PER_MINUTE: z._default(z.coerce.number().check(z.int(), z.gte(10), z.lte(1_000_000)), 600),
  MAX_BODY_KB: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 256),
  RETENTION_DAYS_AFTER_END: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(3650)), 30),
  PERMISSION_RECHECK_SECONDS: z._default(z.coerce.number().check(z.gte(0.1), z.lte(3600)), 60),
  COMPACT_AFTER_UPDATES: z._default(z.coerce.number().check(z.int(), z.gte(2)), 500),
  LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  secret: string | undefined;
  seed: 'demo' | 'none';
  staticDir: string;
  security: SecuritySettings;
  compactAfterUpdates: number;
  /** Days after a recipient's service ended that devices still hold their documents (the server keeps them). */
  retentionDaysAfterEnd: number;
  /** How often open sockets check their session and each document's access again. */
  permissionRecheckMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  // Empty (or blank) values mean "not set", as in most shells' `FOO= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) return { ok: false, error: `invalid configuration: ${describeIssues(parsed.error.issues)}` };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir: e.DATA_DIR,
      secret: e.SLINGA_SECRET,
      seed: e.SLINGA_SEED,
      staticDir: e.STATIC_DIR,
      security: {
        tokenTtlSeconds: Math.round(e.TOKEN_TTL_HOURS * 3600),
        sessionTtlSeconds: Math.round(e.SESSION_TTL_DAYS * 86_400),
        policy: { lockAfterMinutes: e.LOCK_AFTER_MINUTES, wipeAfterOfflineDays: e.WIPE_AFTER_OFFLINE_DAYS, maxPinAttempts: 5 },
        login: { perAccount: e.LOGIN_MAX_FAILURES, perAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS, windowMs: Math.round(e.LOGIN_LOCK_MINUTES * 60_000) },
        requestsPerMinute: e.RATE_LIMIT_PER_MINUTE,
        maxBodyBytes: e.MAX_BODY_KB * 1024,
      },
      compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
      retentionDaysAfterEnd: e.RETENTION_DAYS_AFTER_END,
      permissionRecheckMs: Math.round(e.PERMISSION_RECHECK_SECONDS * 1000),
      logLevel: e.LOG_LEVEL,
    },
  };
}
