// Devices, sessions, failed sign-ins and the audit log in the same SQLite file
// as the documents. Every row read back is parsed; every value reaches SQL as
// a bound parameter.
import type Database from 'better-sqlite3';
import { z } from 'zod/mini';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  last_seen_at TEXT,
  last_user_id TEXT,
  revoked_at TEXT,
  revoked_by TEXT,
  wrap_secret TEXT,
  escrow_key TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  refresh_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT,
  end_reason TEXT
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id);
CREATE INDEX IF NOT EXISTS sessions_by_device ON sessions (device_id);
CREATE TABLE IF NOT EXISTS login_failures (scope TEXT NOT NULL, key TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS login_failures_by_key ON login_failures (scope, key, at);
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  device_at TEXT,
  action TEXT NOT NULL,
  actor_id TEXT,
  device_id TEXT,
  subject_kind TEXT,
  subject_id TEXT,
  detail TEXT NOT NULL,
  event_id TEXT UNIQUE,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_subject ON audit_log (subject_kind, subject_id, seq);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

const DeviceRowSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  last_seen_at: z.nullable(z.string()),
  last_user_id: z.nullable(z.string()),
  revoked_at: z.nullable(z.string()),
  revoked_by: z.nullable(z.string()),
  wrap_secret: z.nullable(z.string()),
  escrow_key: z.nullable(z.string()),
});
export type DeviceRow = z.infer<typeof DeviceRowSchema>;

const SessionRowSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  device_id: z.string(),
  refresh_hash: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
  ended_at: z.nullable(z.string()),
  end_reason: z.nullable(z.string()),
});
export type SessionRow = z.infer<typeof SessionRowSchema>;

const AuditRowSchema = z.object({
  seq: z.number(),
  at: z.string(),
  device_at: z.nullable(z.string()),
  action: z.string(),
  actor_id: z.nullable(z.string()),
  device_id: z.nullable(z.string()),
  subject_kind: z.nullable(z.string()),
  subject_id: z.nullable(z.string()),
  detail: z.string(),
  event_id: z.nullable(z.string()),
  prev_hash: z.string(),
  hash: z.string(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

const CountSchema = z.object({ n: z.number() });

export class SqliteSecurityStore {
  readonly #db: Database.Database;
  readonly #s;

  constructor(db: Database.Database) {
    this.#db = db;
    db.exec(SCHEMA_SQL);
    const userColumns = new Set((db.prepare('PRAGMA table_info(users)').all() as { name: string }[]).map((c) => c.name));
    if (!userColumns.has('revoked_at')) db.exec('ALTER TABLE users ADD COLUMN revoked_at TEXT');
    const deviceColumns = new Set((db.prepare('PRAGMA table_info(devices)').all() as { name: string }[]).map((c) => c.name));
    if (!deviceColumns.has('wrap_secret')) db.exec('ALTER TABLE devices ADD COLUMN wrap_secret TEXT');
    if (!deviceColumns.has('escrow_key')) db.exec('ALTER TABLE devices ADD COLUMN escrow_key TEXT');
    this.#s = {
      insertDevice: db.prepare('INSERT INTO devices (id, created_at, wrap_secret, escrow_key) VALUES (?, ?, ?, ?)'),
      setDeviceKeys: db.prepare('UPDATE devices SET wrap_secret = ?, escrow_key = ? WHERE id = ?'),
      device: db.prepare('SELECT * FROM devices WHERE id = ?'),
      devices: db.prepare('SELECT * FROM devices ORDER BY COALESCE(last_seen_at, created_at) DESC LIMIT 1000'),
      touchDevice: db.prepare('UPDATE devices SET last_seen_at = ?, last_user_id = ? WHERE id = ?'),
      revokeDevice: db.prepare('UPDATE devices SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL'),
      insertSession: db.prepare(
        'INSERT INTO sessions (id, user_id, device_id, refresh_hash, created_at, expires_at) VALUES (@id, @user_id, @device_id, @refresh_hash, @created_at, @expires_at)',
      ),
      session: db.prepare('SELECT * FROM sessions WHERE id = ?'),
      sessionByRefresh: db.prepare('SELECT * FROM sessions WHERE refresh_hash = ?'),
      endSession: db.prepare('UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL'),
      openSessionsOfUser: db.prepare('SELECT id FROM sessions WHERE user_id = ? AND ended_at IS NULL'),
      openSessionsOfDevice: db.prepare('SELECT id FROM sessions WHERE device_id = ? AND ended_at IS NULL'),
      revokeUser: db.prepare('UPDATE users SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      restoreUser: db.prepare('UPDATE users SET revoked_at = NULL WHERE id = ? AND revoked_at IS NOT NULL'),
      userRevokedAt: db.prepare('SELECT revoked_at FROM users WHERE id = ?'),
      addFailure: db.prepare('INSERT INTO login_failures (scope, key, at) VALUES (?, ?, ?)'),
      countFailures: db.prepare('SELECT COUNT(*) AS n FROM login_failures WHERE scope = ? AND key = ? AND at > ?'),
      oldestFailure: db.prepare('SELECT MIN(at) AS n FROM login_failures WHERE scope = ? AND key = ? AND at > ?'),
      clearFailures: db.prepare('DELETE FROM login_failures WHERE scope = ? AND key = ?'),
      pruneFailures: db.prepare('DELETE FROM login_failures WHERE at <= ?'),
      lastAudit: db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insertAudit: db.prepare(`INSERT INTO audit_log (seq, at, device_at, action, actor_id, device_id, subject_kind, subject_id, detail, event_id, prev_hash, hash)
        VALUES (@seq, @at, @device_at, @action, @actor_id, @device_id, @subject_kind, @subject_id, @detail, @event_id, @prev_hash, @hash)`),
      auditFrom: db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?'),
      auditBySubject: db.prepare('SELECT * FROM audit_log WHERE subject_kind = ? AND subject_id = ? ORDER BY seq DESC LIMIT ?'),
      auditByEvent: db.prepare('SELECT seq FROM audit_log WHERE event_id = ?'),
    };
  }

  batch<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  // --- devices ---------------------------------------------------------------

  /** `wrapSecret` and `escrowKey`: the device's two server-held keys (see docs/SECURITY.md). */
  createDevice(id: string, at: string, wrapSecret: string, escrowKey: string): void {
    this.#s.insertDevice.run(id, at, wrapSecret, escrowKey);
  }

  /** Gives a device made before the keys existed its keys. */
  setDeviceKeys(id: string, wrapSecret: string, escrowKey: string): void {
    this.#s.setDeviceKeys.run(wrapSecret, escrowKey, id);
  }

  findDevice(id: string): DeviceRow | undefined {
    const row = this.#s.device.get(id);
    return row === undefined ? undefined : DeviceRowSchema.parse(row);
  }

  listDevices(): DeviceRow[] {
    return this.#s.devices.all().map((row) => DeviceRowSchema.parse(row));
  }

  touchDevice(id: string, userId: string, at: string): void {
    this.#s.touchDevice.run(at, userId, id);
  }

  /** True when the device was not revoked before. */
  revokeDevice(id: string, by: string, at: string): boolean {
    return this.#s.revokeDevice.run(at, by, id).changes > 0;
  }

  // --- sessions ---------------------------------------------------------------

  createSession(row: Omit<SessionRow, 'ended_at' | 'end_reason'>): void {
    this.#s.insertSession.run(row);
  }

  findSession(id: string): SessionRow | undefined {
    const row = this.#s.session.get(id);
    return row === undefined ? undefined : SessionRowSchema.parse(row);
  }

  findSessionByRefreshHash(hash: string): SessionRow | undefined {
    const row = this.#s.sessionByRefresh.get(hash);
    return row === undefined ? undefined : SessionRowSchema.parse(row);
  }

  endSession(id: string, reason: string, at: string): boolean {
    return this.#s.endSession.run(at, reason, id).changes > 0;
  }

  /** Ends every open session of a user (or a device); returns their ids. */
  endSessionsOf(kind: 'user' | 'device', id: string, reason: string, at: string): string[] {
    return this.batch(() => {
      const stmt = kind === 'user' ? this.#s.openSessionsOfUser : this.#s.openSessionsOfDevice;
      const ids = stmt.all(id).map((row) => z.object({ id: z.string() }).parse(row).id);
      for (const sid of ids) this.#s.endSession.run(at, reason, sid);
      return ids;
    });
  }

  /** True when it changed something: revoking a revoked user keeps the first time, restoring one not revoked does nothing. */
  setUserRevoked(userId: string, at: string | null): boolean {
    return (at === null ? this.#s.restoreUser.run(userId) : this.#s.revokeUser.run(at, userId)).changes > 0;
  }

  userRevokedAt(userId: string): string | null {
    const row = this.#s.userRevokedAt.get(userId) as { revoked_at: string | null } | undefined;
    return row?.revoked_at ?? null;
  }

  // --- failed sign-ins ---------------------------------------------------------

  addLoginFailure(scope: 'account' | 'address', key: string, atMs: number): void {
    this.#s.addFailure.run(scope, key, atMs);
  }

  /** Failures after `sinceMs`, and the oldest of them (ms), for the lock's end. */
  loginFailures(scope: 'account' | 'address', key: string, sinceMs: number): { count: number; oldestMs: number | null } {
    const count = CountSchema.parse(this.#s.countFailures.get(scope, key, sinceMs)).n;
    const oldest = z.object({ n: z.nullable(z.number()) }).parse(this.#s.oldestFailure.get(scope, key, sinceMs)).n;
    return { count, oldestMs: oldest };
  }

  clearLoginFailures(scope: 'account' | 'address', key: string): void {
    this.#s.clearFailures.run(scope, key);
  }

  pruneLoginFailures(beforeMs: number): void {
    this.#s.pruneFailures.run(beforeMs);
  }

  // --- audit log ----------------------------------------------------------------

  lastAudit(): AuditRow | undefined {
    const row = this.#s.lastAudit.get();
    return row === undefined ? undefined : AuditRowSchema.parse(row);
  }

  insertAudit(row: AuditRow): void {
    this.#s.insertAudit.run(row);
  }

  auditFrom(seq: number, limit: number): AuditRow[] {
    return this.#s.auditFrom.all(seq, limit).map((row) => AuditRowSchema.parse(row));
  }

  auditBySubject(kind: string, id: string, limit: number): AuditRow[] {
    return this.#s.auditBySubject.all(kind, id, limit).map((row) => AuditRowSchema.parse(row));
  }

  hasAuditEvent(eventId: string): boolean {
    return this.#s.auditByEvent.get(eventId) !== undefined;
  }
}
