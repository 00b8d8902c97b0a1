// The SQLite store keeps the staff register's expiry dates (the last day a
// delegation counts), adds their column in place to older stores, and parses
// what it reads back.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorruptRowError, SqliteStore } from './sqlite-store';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slinga-store-staff-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const fatima = {
  id: 'fatima',
  username: 'fatima',
  name: 'Fatima',
  role: 'caregiver' as const,
  teamIds: ['norr'],
  competences: ['insulin_delegation' as const, 'medication_delegation' as const],
  passwordHash: 'x',
};

describe('SqliteStore competence expiry', () => {
  it('keeps the last day of a delegation, and nothing for competences without one', () => {
    const store = new SqliteStore(tempDir());
    store.upsertUser({ ...fatima, validUntil: { insulin_delegation: '2026-03-12' } });
    store.upsertUser({ ...fatima, id: 'bo', username: 'bo' });
    expect(store.findUserById('fatima')?.validUntil).toEqual({ insulin_delegation: '2026-03-12' });
    expect(store.staffOfTeam('norr').find((s) => s.id === 'bo')?.validUntil).toBeUndefined();
    // Taken away again: the column goes back to NULL.
    store.upsertUser({ ...fatima, validUntil: {} });
    expect(store.findUserById('fatima')?.validUntil).toBeUndefined();
    store.close();
  });

  it('opens a store from before expiry dates existed and keeps its users', () => {
    const dir = tempDir();
    const old = new Database(join(dir, 'slinga.sqlite'));
    old.exec(`CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
      team_ids TEXT NOT NULL, competences TEXT NOT NULL, password_hash TEXT NOT NULL, work_hours TEXT)`);
    old.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run('anna', 'anna', 'Anna', 'caregiver', '["norr"]', '["insulin_delegation"]', 'x', '{"start":"07:00","end":"16:00"}');
    old.close();
    const store = new SqliteStore(dir);
    expect(store.findUserById('anna')).toMatchObject({ competences: ['insulin_delegation'], workHours: { start: '07:00', end: '16:00' } });
    expect(store.findUserById('anna')?.validUntil).toBeUndefined();
    store.upsertUser({ ...fatima, id: 'anna', username: 'anna', validUntil: { insulin_delegation: '2026-12-31' } });
    expect(store.findUserById('anna')?.validUntil).toEqual({ insulin_delegation: '2026-12-31' });
    store.close();
  });

  it('refuses a row whose expiry is not a date', () => {
    const dir = tempDir();
    const store = new SqliteStore(dir);
    store.upsertUser(fatima);
    store.close();
    const raw = new Database(join(dir, 'slinga.sqlite'));
    raw.prepare('UPDATE users SET competence_valid_until = ? WHERE id = ?').run('{"insulin_delegation":"next week"}', 'fatima');
    raw.close();
    const reopened = new SqliteStore(dir);
    expect(() => reopened.findUserById('fatima')).toThrow(CorruptRowError);
    reopened.close();
  });
});
