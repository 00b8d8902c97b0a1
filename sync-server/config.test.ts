// Configuration from the environment: sensible defaults, and a bad setting
// stops the start with a message that names it.
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { DEFAULT_SECURITY } from './security';

const GOOD_SECRET = 'x'.repeat(32);

function errorOf(env: Record<string, string | undefined>): string {
  const result = parseConfig(env);
  if (result.ok) throw new Error(`expected ${JSON.stringify(env)} to be refused`);
  return result.error;
}

describe('parseConfig', () => {
  it('starts with defaults when nothing is set', () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      config: {
        port: 8787,
        host: '0.0.0.0',
        dataDir: './data',
        secret: undefined,
        seed: 'demo',
        staticDir: './dist',
        security: DEFAULT_SECURITY,
        compactAfterUpdates: 500,
        retentionDaysAfterEnd: 30,
        permissionRecheckMs: 60_000,
        logLevel: 'info',
      },
    });
  });

  it('treats empty and undefined variables as not set', () => {
    const result = parseConfig({ PORT: '', DATA_DIR: '', SLINGA_SECRET: '', LOG_LEVEL: undefined });
    expect(result).toMatchObject({ ok: true, config: { port: 8787, dataDir: './data', secret: undefined, logLevel: 'info' } });
  });

  it('ignores unrelated variables of the environment', () => {
    expect(parseConfig({ HOME: '/root', PATH: '/usr/bin', NODE_ENV: 'production' }).ok).toBe(true);
  });

  it('reads every setting it is given', () => {
    const result = parseConfig({
      PORT: '3000',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/slinga',
      SLINGA_SECRET: GOOD_SECRET,
      SLINGA_SEED: 'none',
      STATIC_DIR: '/srv/slinga',
      TOKEN_TTL_HOURS: '0.5',
      COMPACT_AFTER_UPDATES: '50',
      RETENTION_DAYS_AFTER_END: '0',
      LOG_LEVEL: 'silent',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        port: 3000,
        host: '127.0.0.1',
        dataDir: '/var/lib/slinga',
        secret: GOOD_SECRET,
        seed: 'none',
        staticDir: '/srv/slinga',
        security: { ...DEFAULT_SECURITY, tokenTtlSeconds: 1800 },
        compactAfterUpdates: 50,
        retentionDaysAfterEnd: 0,
        permissionRecheckMs: 60_000,
        logLevel: 'silent',
      },
    });
  });

  it.each(['abc', '70000', '-1', '80.5', '65536'])('refuses PORT=%s, naming PORT', (port) => {
    const error = errorOf({ PORT: port });
    expect(error).toMatch(/^invalid configuration: /);
    expect(error).toContain('PORT');
  });

  it('accepts the edges of the port range', () => {
    expect(parseConfig({ PORT: '65535' })).toMatchObject({ ok: true, config: { port: 65535 } });
    expect(parseConfig({ PORT: '0' })).toMatchObject({ ok: true, config: { port: 0 } });
  });

  it('refuses a SLINGA_SECRET shorter than 32 characters, saying so', () => {
    const error = errorOf({ SLINGA_SECRET: 'too-short-a-secret' });
    expect(error).toContain('SLINGA_SECRET');
    expect(error).toMatch(/\b32\b/);
    expect(parseConfig({ SLINGA_SECRET: 'x'.repeat(31) }).ok).toBe(false);
    expect(parseConfig({ SLINGA_SECRET: GOOD_SECRET }).ok).toBe(true);
  });

  it.each([
    ['LOG_LEVEL', 'verbose'],
    ['SLINGA_SEED', 'lots'],
    ['TOKEN_TTL_HOURS', '0'],
    ['TOKEN_TTL_HOURS', 'forever'],
    ['TOKEN_TTL_HOURS', '48'],
    ['SESSION_TTL_DAYS', '0'],
    ['LOCK_AFTER_MINUTES', 'never'],
    ['WIPE_AFTER_OFFLINE_DAYS', '-1'],
    ['LOGIN_MAX_FAILURES', '0'],
    ['RATE_LIMIT_PER_MINUTE', '1.5'],
    ['MAX_BODY_KB', 'big'],
    ['COMPACT_AFTER_UPDATES', '1'],
    ['RETENTION_DAYS_AFTER_END', '-1'],
    ['RETENTION_DAYS_AFTER_END', '2.5'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(errorOf({ [name]: value })).toContain(name);
  });

  it('names every bad setting at once', () => {
    const error = errorOf({ PORT: 'abc', LOG_LEVEL: 'loud', SLINGA_SECRET: 'short' });
    expect(error).toContain('PORT');
    expect(error).toContain('LOG_LEVEL');
    expect(error).toContain('SLINGA_SECRET');
  });
});
