// The embedded store: one SQLite file in DATA_DIR (better-sqlite3, WAL mode).
// Every row read back is parsed with the domain's schemas.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod/mini';
import { DateSchema, IdSchema, RoleSchema, StaffSchema, TeamSchema, type Role, type Staff, type Team } from '../../domain';
import { SqliteOrderStore } from './order-store';
import { SqliteSecurityStore } from './security-store';
import type { Directory, DocStore, MetaStore, StoredUser } from './types';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS doc_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_name TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (doc_name, id);
CREATE TABLE IF NOT EXISTS teams (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  team_ids TEXT NOT NULL,
  competences TEXT NOT NULL,
  password_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS recipients (id TEXT PRIMARY KEY, team_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS recipients_by_team ON recipients (team_id, id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

const UserRowSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.string(),
  team_ids: z.string(),
  competences: z.string(),
  password_hash: z.string(),
  work_hours: z.nullable(z.string()),
  competence_valid_until: z.nullable(z.string()),
});
const UpdateRowSchema = z.object({ data: z.instanceof(Uint8Array) });
const RecipientRowSchema = z.object({ id: IdSchema, team_id: IdSchema });
const EndedRowSchema = z.object({ id: IdSchema, ended_on: DateSchema });

export class CorruptRowError extends Error {
  constructor(table: string, detail: string) {
    super(`corrupt row in ${table}: ${detail}`);
  }
}

function parseUser(row: unknown): StoredUser {
  const r = UserRowSchema.parse(row);
  const staff = StaffSchema.safeParse({
    id: r.id,
    username: r.username,
    name: r.name,
    role: r.role,
    teamIds: JSON.parse(r.team_ids),
    competences: JSON.parse(r.competences),
    ...(r.work_hours === null ? {} : { workHours: JSON.parse(r.work_hours) }),
    ...(r.competence_valid_until === null ? {} : { validUntil: JSON.parse(r.competence_valid_until) }),
  });
  if (!staff.success) throw new CorruptRowError('users', `user ${r.id}`);
  return { ...staff.data, passwordHash: r.password_hash };
}

export class SqliteStore implements DocStore, Directory, MetaStore {
  readonly #db: Database.Database;
  readonly #stmts;
  /** Devices, sessions, failed sign-ins and the audit log (same file). */
  readonly security: SqliteSecurityStore;
  /** Orders received from the municipality (same file). */
  readonly orders: SqliteOrderStore;

  constructor(dataDir: string, fileName = 'slinga.sqlite') {
    mkdirSync(dataDir, { recursive: true });
    this.#db = new Database(join(dataDir, fileName));
    this.#db.pragma('journal_mode = WAL');
    // FULL: a transaction is on disk when it commits, so "persisted before broadcast" survives power loss.
    this.#db.pragma('synchronous = FULL');
    this.#db.exec(SCHEMA_SQL);
    // Columns added after the first release: added in place to older stores.
    const userColumns = new Set((this.#db.prepare('PRAGMA table_info(users)').all() as { name: string }[]).map((c) => c.name));
    if (!userColumns.has('work_hours')) this.#db.exec('ALTER TABLE users ADD COLUMN work_hours TEXT');
    // The last day each dated competence (a delegation) counts: JSON { competence: YYYY-MM-DD }, NULL for none.
    if (!userColumns.has('competence_valid_until')) this.#db.exec('ALTER TABLE users ADD COLUMN competence_valid_until TEXT');
    const recipientColumns = new Set((this.#db.prepare('PRAGMA table_info(recipients)').all() as { name: string }[]).map((c) => c.name));
    if (!recipientColumns.has('ended_on')) this.#db.exec('ALTER TABLE recipients ADD COLUMN ended_on TEXT');
    const db = this.#db;
    this.security = new SqliteSecurityStore(db);
    this.orders = new SqliteOrderStore(db);
    this.#stmts = {
      load: db.prepare('SELECT data FROM doc_updates WHERE doc_name = ? ORDER BY id'),
      append: db.prepare('INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, ?)'),
      count: db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_name = ?'),
      deleteDoc: db.prepare('DELETE FROM doc_updates WHERE doc_name = ?'),
      listDocs: db.prepare('SELECT DISTINCT doc_name FROM doc_updates WHERE doc_name LIKE ? ORDER BY doc_name'),
      userByName: db.prepare('SELECT * FROM users WHERE username = ?'),
      userById: db.prepare('SELECT * FROM users WHERE id = ?'),
      allUsers: db.prepare('SELECT * FROM users ORDER BY name'),
      upsertUser: db.prepare(`INSERT INTO users (id, username, name, role, team_ids, competences, work_hours, competence_valid_until, password_hash)
        VALUES (@id, @username, @name, @role, @team_ids, @competences, @work_hours, @competence_valid_until, @password_hash)
        ON CONFLICT(id) DO UPDATE SET username=excluded.username, name=excluded.name, role=excluded.role,
          team_ids=excluded.team_ids, competences=excluded.competences, work_hours=excluded.work_hours,
          competence_valid_until=excluded.competence_valid_until, password_hash=excluded.password_hash`),
      countUsers: db.prepare('SELECT COUNT(*) AS n FROM users'),
      countUsersByRole: db.prepare('SELECT COUNT(*) AS n FROM users WHERE role = ?'),
      teams: db.prepare('SELECT id, name FROM teams ORDER BY id'),
      upsertTeam: db.prepare('INSERT INTO teams (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name=excluded.name'),
      teamOf: db.prepare('SELECT id, team_id FROM recipients WHERE id = ?'),
      recipientsOf: db.prepare('SELECT id, team_id FROM recipients WHERE team_id = ? ORDER BY id'),
      upsertRecipient: db.prepare('INSERT INTO recipients (id, team_id) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET team_id=excluded.team_id'),
      endedOn: db.prepare('SELECT ended_on FROM recipients WHERE id = ?'),
      endedOfTeam: db.prepare('SELECT id, ended_on FROM recipients WHERE team_id = ? AND ended_on IS NOT NULL'),
      setEndedOn: db.prepare('UPDATE recipients SET ended_on = ? WHERE id = ?'),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value'),
    };
  }

  close(): void {
    this.#db.close();
  }

  // --- DocStore -------------------------------------------------------------

  async loadUpdates(docName: string): Promise<Uint8Array[]> {
    return this.#stmts.load.all(docName).map((row) => {
      const parsed = UpdateRowSchema.safeParse(row);
      if (!parsed.success) throw new CorruptRowError('doc_updates', `doc ${docName}`);
      return new Uint8Array(parsed.data.data);
    });
  }

  async appendUpdate(docName: string, update: Uint8Array): Promise<number> {
    return this.#db.transaction(() => {
      this.#stmts.append.run(docName, Buffer.from(update), new Date().toISOString());
      return (this.#stmts.count.get(docName) as { n: number }).n;
    })();
  }

  async replaceWithSnapshot(docName: string, snapshot: Uint8Array): Promise<void> {
    this.#db.transaction(() => {
      this.#stmts.deleteDoc.run(docName);
      this.#stmts.append.run(docName, Buffer.from(snapshot), new Date().toISOString());
    })();
  }

  async listDocNames(prefix = ''): Promise<string[]> {
    const like = `${prefix.replace(/[%_]/g, '')}%`;
    return this.#stmts.listDocs.all(like).map((row) => String((row as { doc_name: unknown }).doc_name));
  }

  // --- Directory ------------------------------------------------------------

  findUserByUsername(username: string): StoredUser | undefined {
    const row = this.#stmts.userByName.get(username);
    return row === undefined ? undefined : parseUser(row);
  }

  findUserById(id: string): StoredUser | undefined {
    const row = this.#stmts.userById.get(id);
    return row === undefined ? undefined : parseUser(row);
  }

  listUsers(): Staff[] {
    return this.#stmts.allUsers
      .all()
      .map(parseUser)
      .map(({ passwordHash: _hash, ...staff }) => staff);
  }

  listTeams(): Team[] {
    return this.#stmts.teams.all().map((row) => TeamSchema.parse(row));
  }

  teamOfBrukare(brukareId: string): string | undefined {
    const row = this.#stmts.teamOf.get(brukareId);
    return row === undefined ? undefined : RecipientRowSchema.parse(row).team_id;
  }

  staffOfTeam(teamId: string): Staff[] {
    return this.#stmts.allUsers
      .all()
      .map(parseUser)
      .filter((u) => u.teamIds.includes(teamId))
      .map(({ passwordHash: _hash, ...staff }) => staff);
  }

  recipientsOfTeam(teamId: string): string[] {
    return this.#stmts.recipientsOf.all(teamId).map((row) => RecipientRowSchema.parse(row).id);
  }

  upsertTeam(team: Team): void {
    const t = TeamSchema.parse(team);
    this.#stmts.upsertTeam.run(t.id, t.name);
  }

  upsertUser(user: StoredUser): void {
    const staff = StaffSchema.parse(user);
    this.#stmts.upsertUser.run({
      id: staff.id,
      username: staff.username,
      name: staff.name,
      role: staff.role,
      team_ids: JSON.stringify(staff.teamIds),
      competences: JSON.stringify(staff.competences),
      work_hours: staff.workHours === undefined ? null : JSON.stringify(staff.workHours),
      competence_valid_until: staff.validUntil === undefined || Object.keys(staff.validUntil).length === 0 ? null : JSON.stringify(staff.validUntil),
      password_hash: user.passwordHash,
    });
  }

  upsertRecipient(brukareId: string, teamId: string): void {
    this.#stmts.upsertRecipient.run(IdSchema.parse(brukareId), IdSchema.parse(teamId));
  }

  recipientEndedOn(brukareId: string): string | undefined {
    const row = this.#stmts.endedOn.get(brukareId) as { ended_on: unknown } | undefined;
    if (row === undefined || row.ended_on === null) return undefined;
    const parsed = DateSchema.safeParse(row.ended_on);
    if (!parsed.success) throw new CorruptRowError('recipients', `recipient ${brukareId}`);
    return parsed.data;
  }

  endedRecipientsOfTeam(teamId: string): Map<string, string> {
    return new Map(
      this.#stmts.endedOfTeam.all(teamId).map((row) => {
        const parsed = EndedRowSchema.safeParse(row);
        if (!parsed.success) throw new CorruptRowError('recipients', `team ${teamId}`);
        return [parsed.data.id, parsed.data.ended_on] as const;
      }),
    );
  }

  setRecipientEndedOn(brukareId: string, endedOn: string | null): void {
    this.#stmts.setEndedOn.run(endedOn === null ? null : DateSchema.parse(endedOn), IdSchema.parse(brukareId));
  }

  countUsers(role?: Role): number {
    const row = role === undefined ? this.#stmts.countUsers.get() : this.#stmts.countUsersByRole.get(RoleSchema.parse(role));
    return (row as { n: number }).n;
  }

  /** Runs `fn` in one SQLite transaction (seeding writes thousands of rows). */
  batch<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  // --- MetaStore ------------------------------------------------------------

  getMeta(key: string): string | undefined {
    const row = this.#stmts.getMeta.get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.#stmts.setMeta.run(key, value);
  }
}
