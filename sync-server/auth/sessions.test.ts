// Sessions bound to devices over a real SQLite store: sign-in makes a device
// and a session, the access token names both, and ending the session (sign-out,
// expiry, revoking the user or the device) ends the token at once and tells
// the listeners whether the devices must wipe.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../domain';
import { DEFAULT_SECURITY, createSecurity, type Security } from '../security';
import { SqliteStore } from '../store/sqlite-store';
import type { StoredUser } from '../store/types';
import type { EndedSessions } from './sessions';

const SECRET = 'sessions-test-secret-that-is-long-enough-0123456789';
const SESSION_TTL_SECONDS = 3600;

let dir: string;
let store: SqliteStore;
let security: Security;
/** The sessions' clock; access tokens use the real one (their expiry is checked against it). */
let nowMs: number;
let ended: EndedSessions[];

function addUser(id: string, role: Role, teamIds: string[]): StoredUser {
  const user: StoredUser = { id, username: id, name: id, role, teamIds, competences: [], passwordHash: 'not-used-here' };
  store.upsertUser(user);
  return user;
}

function user(id: string): StoredUser {
  const found = store.findUserById(id);
  if (!found) throw new Error(`no user ${id}`);
  return found;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slinga-sessions-'));
  store = new SqliteStore(dir);
  store.upsertTeam({ id: 'norr', name: 'Norr' });
  addUser('anna', 'caregiver', ['norr']);
  addUser('bo', 'caregiver', ['norr']);
  addUser('admin', 'admin', []);
  nowMs = Date.now();
  security = createSecurity(store, SECRET, { ...DEFAULT_SECURITY, sessionTtlSeconds: SESSION_TTL_SECONDS }, { now: () => new Date(nowMs) });
  ended = [];
  security.sessions.onEnded((e) => ended.push(e));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const auditActions = () => security.audit.page(1, 1000).map((r) => `${r.action}:${r.subject_id}`);

describe('Sessions', () => {
  it('signing in creates a device and a session; the token names both and authenticates', async () => {
    const tokens = await security.sessions.signIn(user('anna'), undefined);
    expect(tokens.deviceId).toMatch(/^dev-[A-Za-z0-9_-]{16,64}$/);
    expect(tokens.user).toEqual({ id: 'anna', name: 'anna', role: 'caregiver', teamIds: ['norr'] });
    expect(tokens.policy).toEqual(DEFAULT_SECURITY.policy);
    expect(Date.parse(tokens.refreshExpiresAt)).toBe(nowMs + SESSION_TTL_SECONDS * 1000);

    const device = store.security.findDevice(tokens.deviceId);
    expect(device).toMatchObject({ id: tokens.deviceId, last_user_id: 'anna', revoked_at: null });
    const auth = await security.sessions.authenticate(tokens.token);
    if (!auth.ok) throw new Error(auth.code);
    expect(auth.user.id).toBe('anna');
    expect(auth.deviceId).toBe(tokens.deviceId);
    const session = store.security.findSession(auth.sessionId);
    expect(session).toMatchObject({ user_id: 'anna', device_id: tokens.deviceId, ended_at: null });
    // Only a hash of the refresh token is kept.
    expect(session?.refresh_hash).toBe(createHash('sha256').update(tokens.refreshToken).digest('hex'));
    expect(JSON.stringify(session)).not.toContain(tokens.refreshToken);
  });

  it('keeps a known device, and gives a new one for an unknown or revoked id', async () => {
    const first = await security.sessions.signIn(user('anna'), undefined);
    const again = await security.sessions.signIn(user('anna'), first.deviceId);
    expect(again.deviceId).toBe(first.deviceId);
    // A client cannot choose its own device id.
    const made = await security.sessions.signIn(user('anna'), 'dev-chosen-by-the-client-0001');
    expect(made.deviceId).not.toBe('dev-chosen-by-the-client-0001');
    expect(store.security.findDevice('dev-chosen-by-the-client-0001')).toBeUndefined();
    security.sessions.revokeDevice(first.deviceId, 'admin');
    const after = await security.sessions.signIn(user('anna'), first.deviceId);
    expect(after.deviceId).not.toBe(first.deviceId);
  });

  it('refuses missing, junk and mismatched tokens as invalid', async () => {
    const anna = await security.sessions.signIn(user('anna'), undefined);
    expect(await security.sessions.authenticate(undefined)).toEqual({ ok: false, code: 'invalid_token' });
    expect(await security.sessions.authenticate('')).toEqual({ ok: false, code: 'invalid_token' });
    expect(await security.sessions.authenticate('not.a.token')).toEqual({ ok: false, code: 'invalid_token' });
    expect(await security.sessions.authenticate(anna.token.slice(0, -3))).toEqual({ ok: false, code: 'invalid_token' });
    // A validly signed token naming anna's session for another user, or another device, is refused.
    const auth = await security.sessions.authenticate(anna.token);
    if (!auth.ok) throw new Error(auth.code);
    const asAdmin = await security.tokens.issue('admin', auth.sessionId, auth.deviceId);
    expect(await security.sessions.authenticate(asAdmin.token)).toEqual({ ok: false, code: 'invalid_token' });
    const otherDevice = await security.tokens.issue('anna', auth.sessionId, 'dev-someone-elses-device-01');
    expect(await security.sessions.authenticate(otherDevice.token)).toEqual({ ok: false, code: 'invalid_token' });
    const noSession = await security.tokens.issue('anna', 'no-such-session-id', auth.deviceId);
    expect(await security.sessions.authenticate(noSession.token)).toEqual({ ok: false, code: 'invalid_token' });
  });

  it('refreshes a live session: a new working token, same session and device, the user read afresh', async () => {
    const anna = await security.sessions.signIn(user('anna'), undefined);
    store.upsertUser({ ...user('anna'), teamIds: ['norr', 'soder'] });
    store.upsertTeam({ id: 'soder', name: 'Söder' });
    const refreshed = await security.sessions.refresh(anna.refreshToken);
    if (!refreshed.ok) throw new Error(refreshed.code);
    expect(refreshed.tokens.deviceId).toBe(anna.deviceId);
    expect(refreshed.tokens.refreshToken).toBe(anna.refreshToken);
    expect(refreshed.tokens.refreshExpiresAt).toBe(anna.refreshExpiresAt);
    expect(refreshed.tokens.user.teamIds).toEqual(['norr', 'soder']);
    const before = await security.sessions.authenticate(anna.token);
    const after = await security.sessions.authenticate(refreshed.tokens.token);
    expect(after.ok && before.ok && after.sessionId === before.sessionId).toBe(true);
    expect(await security.sessions.refresh('r'.repeat(43))).toEqual({ ok: false, code: 'invalid_token' });
  });

  it('signing out ends the session (token and refresh) and tells the listeners not to wipe', async () => {
    const anna = await security.sessions.signIn(user('anna'), undefined);
    const other = await security.sessions.signIn(user('anna'), undefined);
    const auth = await security.sessions.authenticate(anna.token);
    if (!auth.ok) throw new Error(auth.code);
    security.sessions.signOut(auth.sessionId, 'anna', auth.deviceId);
    expect(ended).toEqual([{ sessionIds: [auth.sessionId], wipe: false }]);
    expect(await security.sessions.authenticate(anna.token)).toEqual({ ok: false, code: 'session_ended' });
    expect(await security.sessions.refresh(anna.refreshToken)).toEqual({ ok: false, code: 'session_ended' });
    expect(security.sessions.stillValid(auth.sessionId, 'anna', auth.deviceId)).toEqual({ ok: false, code: 'session_ended' });
    // Her other session goes on.
    expect((await security.sessions.authenticate(other.token)).ok).toBe(true);
    // A second sign-out changes nothing and tells no one.
    security.sessions.signOut(auth.sessionId, 'anna', auth.deviceId);
    expect(ended).toHaveLength(1);
    expect(auditActions().filter((a) => a.startsWith('sign_out:'))).toEqual([`sign_out:${auth.sessionId}`]);
  });

  it("revoking a user ends all their sessions at once, wipes their devices, and leaves others' alone", async () => {
    const phone = await security.sessions.signIn(user('anna'), undefined);
    const tablet = await security.sessions.signIn(user('anna'), undefined);
    const bo = await security.sessions.signIn(user('bo'), undefined);
    const ids = await Promise.all([phone, tablet].map(async (t) => {
      const auth = await security.sessions.authenticate(t.token);
      if (!auth.ok) throw new Error(auth.code);
      return auth.sessionId;
    }));
    expect(security.sessions.revokeUser('anna', 'admin')).toBe(true);
    expect(ended).toHaveLength(1);
    expect(ended[0]?.wipe).toBe(true);
    expect([...(ended[0]?.sessionIds ?? [])].sort()).toEqual([...ids].sort());
    expect(security.sessions.isUserRevoked('anna')).toBe(true);
    for (const t of [phone, tablet]) {
      expect(await security.sessions.authenticate(t.token)).toEqual({ ok: false, code: 'revoked' });
      expect(await security.sessions.refresh(t.refreshToken)).toEqual({ ok: false, code: 'revoked' });
    }
    expect((await security.sessions.authenticate(bo.token)).ok).toBe(true);
    // Revoking again changes nothing: not the time of the revocation, not the log.
    const revokedAt = store.security.userRevokedAt('anna');
    nowMs += 60_000;
    expect(security.sessions.revokeUser('anna', 'admin')).toBe(false);
    expect(store.security.userRevokedAt('anna')).toBe(revokedAt);
    expect(security.sessions.revokeUser('nobody', 'admin')).toBe(false);
    expect(security.sessions.restoreUser('bo', 'admin')).toBe(false);
    expect(auditActions().filter((a) => a.startsWith('user_'))).toEqual(['user_revoked:anna']);
    expect(ended).toHaveLength(1);

    // Restored, she may sign in again; the old sessions stay ended as revoked.
    expect(security.sessions.restoreUser('anna', 'admin')).toBe(true);
    expect(security.sessions.isUserRevoked('anna')).toBe(false);
    const back = await security.sessions.signIn(user('anna'), phone.deviceId);
    expect((await security.sessions.authenticate(back.token)).ok).toBe(true);
    expect(await security.sessions.authenticate(phone.token)).toEqual({ ok: false, code: 'revoked' });
    expect(auditActions()).toContain('user_restored:anna');
  });

  it("revoking a device ends its sessions and wipes it; the user's other devices go on", async () => {
    const phone = await security.sessions.signIn(user('anna'), undefined);
    const shared = await security.sessions.signIn(user('bo'), phone.deviceId);
    const tablet = await security.sessions.signIn(user('anna'), undefined);
    expect(shared.deviceId).toBe(phone.deviceId);
    expect(security.sessions.revokeDevice(phone.deviceId, 'admin')).toBe(true);
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ wipe: true });
    expect(ended[0]?.sessionIds).toHaveLength(2);
    for (const t of [phone, shared]) {
      expect(await security.sessions.authenticate(t.token)).toEqual({ ok: false, code: 'revoked' });
      expect(await security.sessions.refresh(t.refreshToken)).toEqual({ ok: false, code: 'revoked' });
    }
    expect((await security.sessions.authenticate(tablet.token)).ok).toBe(true);
    expect(store.security.findDevice(phone.deviceId)).toMatchObject({ revoked_by: 'admin' });
    expect(security.sessions.revokeDevice(phone.deviceId, 'admin')).toBe(false);
    expect(auditActions()).toContain(`device_revoked:${phone.deviceId}`);
  });

  it('ends a session when it expires, though its access token is still within its lifetime', async () => {
    const anna = await security.sessions.signIn(user('anna'), undefined);
    nowMs += SESSION_TTL_SECONDS * 1000 - 1;
    expect((await security.sessions.authenticate(anna.token)).ok).toBe(true);
    nowMs += 1;
    expect(await security.sessions.authenticate(anna.token)).toEqual({ ok: false, code: 'session_ended' });
    expect(await security.sessions.refresh(anna.refreshToken)).toEqual({ ok: false, code: 'session_ended' });
    // Expiry is not a revocation: nobody is told to wipe.
    expect(ended).toEqual([]);
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const calls: EndedSessions[] = [];
    const stop = security.sessions.onEnded((e) => calls.push(e));
    const anna = await security.sessions.signIn(user('anna'), undefined);
    stop();
    security.sessions.revokeDevice(anna.deviceId, 'admin');
    expect(calls).toEqual([]);
    expect(ended).toHaveLength(1);
  });
});
