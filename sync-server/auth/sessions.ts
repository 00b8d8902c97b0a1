// Sessions bound to devices: sign-in, refresh, sign-out, and an admin's
// revocation of a user or a device. A session is a row on the server; the
// access token only names it, so ending the row ends the token at once, and
// every socket of it is closed through the listeners.
import { createHash, randomBytes } from 'node:crypto';
import { AUTH_ERROR_CODES, type DevicePolicy, type SessionTokens, type SessionUser } from '../../domain';
import type { AuditLog } from '../audit/audit-log';
import type { SqliteSecurityStore } from '../store/security-store';
import type { Directory, StoredUser } from '../store/types';
import type { Tokens } from './tokens';

export type AuthCode = (typeof AUTH_ERROR_CODES)[keyof typeof AUTH_ERROR_CODES];

export type SessionAuth =
  | { ok: true; user: SessionUser; sessionId: string; deviceId: string; sessionExpiresAtMs: number }
  | { ok: false; code: AuthCode };

/** Sessions that ended, and whether their devices must wipe. */
export type EndedSessions = { sessionIds: string[]; wipe: boolean };

export type SessionDeps = {
  store: SqliteSecurityStore;
  directory: Directory;
  tokens: Tokens;
  audit: AuditLog;
  now: () => Date;
  sessionTtlSeconds: number;
  policy: DevicePolicy;
};

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A 32-byte random key, base64url. */
function newKey(): string {
  return randomBytes(32).toString('base64url');
}

function sessionUserOf(user: StoredUser): SessionUser {
  return { id: user.id, name: user.name, role: user.role, teamIds: user.teamIds };
}

/** Only touch a device's "last seen" this often. */
const TOUCH_EVERY_MS = 60_000;

export class Sessions {
  readonly #d: SessionDeps;
  readonly #listeners = new Set<(ended: EndedSessions) => void>();
  readonly #touched = new Map<string, number>();

  constructor(deps: SessionDeps) {
    this.#d = deps;
  }

  get policy(): DevicePolicy {
    return this.#d.policy;
  }

  /** Called with every batch of sessions that ended (the server closes their sockets). */
  onEnded(listener: (ended: EndedSessions) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A new session for a user whose password was checked, on this device (a new one if unknown or revoked). */
  async signIn(user: StoredUser, deviceIdHint: string | undefined): Promise<SessionTokens> {
    const { store, now } = this.#d;
    const at = now();
    let device = deviceIdHint ? store.findDevice(deviceIdHint) : undefined;
    if (!device || device.revoked_at !== null) {
      const id = `dev-${randomBytes(18).toString('base64url')}`;
      store.createDevice(id, at.toISOString(), newKey(), newKey());
      device = store.findDevice(id);
    } else if (device.wrap_secret === null || device.escrow_key === null) {
      store.setDeviceKeys(device.id, newKey(), newKey());
      device = store.findDevice(device.id);
    }
    if (!device?.wrap_secret || !device.escrow_key) throw new Error('device keys missing');
    const id = device.id;
    const sessionId = randomBytes(16).toString('base64url');
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(at.getTime() + this.#d.sessionTtlSeconds * 1000);
    store.createSession({
      id: sessionId,
      user_id: user.id,
      device_id: id,
      refresh_hash: sha256(refreshToken),
      created_at: at.toISOString(),
      expires_at: refreshExpiresAt.toISOString(),
    });
    store.touchDevice(id, user.id, at.toISOString());
    const { token, expiresAt } = await this.#d.tokens.issue(user.id, sessionId, id);
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      refreshToken,
      refreshExpiresAt: refreshExpiresAt.toISOString(),
      deviceId: id,
      user: sessionUserOf(user),
      policy: this.#d.policy,
      deviceSecret: device.wrap_secret,
      escrowKey: device.escrow_key,
    };
  }

  /** A new access token for a live session; its user's roles and teams are read afresh. */
  async refresh(refreshToken: string): Promise<{ ok: true; tokens: SessionTokens } | { ok: false; code: AuthCode }> {
    const session = this.#d.store.findSessionByRefreshHash(sha256(refreshToken));
    if (!session) return { ok: false, code: AUTH_ERROR_CODES.invalid };
    const checked = this.#check(session.id, session.user_id, session.device_id);
    if (!checked.ok) return checked;
    const { token, expiresAt } = await this.#d.tokens.issue(checked.user.id, session.id, session.device_id);
    const wrapSecret = this.#d.store.findDevice(session.device_id)?.wrap_secret;
    if (!wrapSecret) return { ok: false, code: AUTH_ERROR_CODES.invalid };
    return {
      ok: true,
      tokens: {
        token,
        expiresAt: expiresAt.toISOString(),
        refreshToken,
        refreshExpiresAt: session.expires_at,
        deviceId: session.device_id,
        user: checked.user,
        policy: this.#d.policy,
        deviceSecret: wrapSecret,
      },
    };
  }

  /** Checks an access token and everything it stands for: session, user, device. */
  async authenticate(token: string | undefined): Promise<SessionAuth> {
    if (!token) return { ok: false, code: AUTH_ERROR_CODES.invalid };
    const verified = await this.#d.tokens.verify(token);
    if (!verified.ok) return { ok: false, code: AUTH_ERROR_CODES.invalid };
    const { sub, sid, did } = verified.claims;
    return this.#check(sid, sub, did);
  }

  /** Is this session still live? For sockets that outlive their token's check. */
  stillValid(sessionId: string, userId: string, deviceId: string): SessionAuth {
    return this.#check(sessionId, userId, deviceId);
  }

  #check(sessionId: string, userId: string, deviceId: string): SessionAuth {
    const { store, directory, now } = this.#d;
    const session = store.findSession(sessionId);
    if (!session || session.user_id !== userId || session.device_id !== deviceId) return { ok: false, code: AUTH_ERROR_CODES.invalid };
    const device = store.findDevice(deviceId);
    if (!device || device.revoked_at !== null) return { ok: false, code: AUTH_ERROR_CODES.revoked };
    const user = directory.findUserById(userId);
    if (!user || store.userRevokedAt(userId) !== null) return { ok: false, code: AUTH_ERROR_CODES.revoked };
    if (session.end_reason === 'revoked') return { ok: false, code: AUTH_ERROR_CODES.revoked };
    if (session.ended_at !== null) return { ok: false, code: AUTH_ERROR_CODES.ended };
    const expiresAtMs = Date.parse(session.expires_at);
    const nowMs = now().getTime();
    if (!(expiresAtMs > nowMs)) return { ok: false, code: AUTH_ERROR_CODES.ended };
    const lastTouch = this.#touched.get(deviceId) ?? 0;
    if (nowMs - lastTouch > TOUCH_EVERY_MS) {
      this.#touched.set(deviceId, nowMs);
      store.touchDevice(deviceId, userId, new Date(nowMs).toISOString());
    }
    return { ok: true, user: sessionUserOf(user), sessionId, deviceId, sessionExpiresAtMs: expiresAtMs };
  }

  isUserRevoked(userId: string): boolean {
    return this.#d.store.userRevokedAt(userId) !== null;
  }

  signOut(sessionId: string, userId: string, deviceId: string): void {
    if (this.#d.store.endSession(sessionId, 'signed_out', this.#d.now().toISOString())) {
      this.#d.audit.append({ action: 'sign_out', actorId: userId, deviceId, subjectKind: 'session', subjectId: sessionId });
      this.#emit({ sessionIds: [sessionId], wipe: false });
    }
  }

  /** Ends every session of the user; their devices wipe at next contact (or now, if connected). */
  revokeUser(userId: string, by: string): boolean {
    const at = this.#d.now().toISOString();
    if (!this.#d.store.setUserRevoked(userId, at)) return false;
    const ended = this.#d.store.endSessionsOf('user', userId, 'revoked', at);
    this.#d.audit.append({ action: 'user_revoked', actorId: by, subjectKind: 'user', subjectId: userId, detail: { sessions: ended.length } });
    this.#emit({ sessionIds: ended, wipe: true });
    return true;
  }

  /** Lets a revoked user sign in again (their old sessions stay ended). */
  restoreUser(userId: string, by: string): boolean {
    if (!this.#d.store.setUserRevoked(userId, null)) return false;
    this.#d.audit.append({ action: 'user_restored', actorId: by, subjectKind: 'user', subjectId: userId });
    return true;
  }

  revokeDevice(deviceId: string, by: string): boolean {
    const at = this.#d.now().toISOString();
    if (!this.#d.store.revokeDevice(deviceId, by, at)) return false;
    const ended = this.#d.store.endSessionsOf('device', deviceId, 'revoked', at);
    this.#d.audit.append({ action: 'device_revoked', actorId: by, subjectKind: 'device', subjectId: deviceId, detail: { sessions: ended.length } });
    this.#emit({ sessionIds: ended, wipe: true });
    return true;
  }

  #emit(ended: EndedSessions): void {
    if (ended.sessionIds.length === 0) return;
    for (const listener of this.#listeners) listener(ended);
  }
}
