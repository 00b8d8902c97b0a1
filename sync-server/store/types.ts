// Persistence behind small interfaces, so that SQLite (the embedded default)
// can be joined by PostgreSQL later without touching rooms or routes.
import type { Role, Staff, Team } from '../../domain';

/** Append-only update log per document, with compaction into a snapshot. */
export interface DocStore {
  /** All stored updates of a doc, oldest first. */
  loadUpdates(docName: string): Promise<Uint8Array[]>;
  /** Durably appends one update; resolves only when it is stored. Returns the doc's stored row count. */
  appendUpdate(docName: string, update: Uint8Array): Promise<number>;
  /** Atomically replaces every stored update of the doc with one snapshot update. */
  replaceWithSnapshot(docName: string, snapshot: Uint8Array): Promise<void>;
  /** Names of every doc with stored data. */
  listDocNames(prefix?: string): Promise<string[]>;
}

export type StoredUser = Staff & { passwordHash: string };

/** Who exists: teams, staff with credentials, and which team each recipient belongs to. */
export interface Directory {
  findUserByUsername(username: string): StoredUser | undefined;
  findUserById(id: string): StoredUser | undefined;
  /** Every user, without credentials. */
  listUsers(): Staff[];
  listTeams(): Team[];
  /** Staff who belong to the team (any role), without credentials. */
  staffOfTeam(teamId: string): Staff[];
  teamOfBrukare(brukareId: string): string | undefined;
  recipientsOfTeam(teamId: string): string[];
  upsertTeam(team: Team): void;
  upsertUser(user: StoredUser): void;
  upsertRecipient(brukareId: string, teamId: string): void;
  /** The day a recipient's service ended (YYYY-MM-DD), if it did. */
  recipientEndedOn(brukareId: string): string | undefined;
  /** The team's recipients whose service ended: id → end date. */
  endedRecipientsOfTeam(teamId: string): Map<string, string>;
  /** Records the end of a recipient's service, or (null) that it goes on again. */
  setRecipientEndedOn(brukareId: string, endedOn: string | null): void;
  countUsers(role?: Role): number;
}

export interface MetaStore {
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
}
