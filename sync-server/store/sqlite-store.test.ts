// The SQLite store opens stores written by earlier versions (columns added
// later are added in place) and keeps staff working hours.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slinga-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SqliteStore users', () => {
  it('keeps working hours, and staff without them', () => {
    const store = new SqliteStore(tempDir());
    store.upsertTeam({ id: 'norr', name: 'Norr' });
    store.upsertUser({ id: 'anna', username: 'anna', name: 'Anna', role: 'caregiver', teamIds: ['norr'], competences: [], workHours: { start: '07:00', end: '16:00' }, passwordHash: 'x' });
    store.upsertUser({ id: 'bo', username: 'bo', name: 'Bo', role: 'caregiver', teamIds: ['norr'], competences: [], passwordHash: 'x' });
    const staff = store.staffOfTeam('norr');
    expect(staff.find((s) => s.id === 'anna')?.workHours).toEqual({ start: '07:00', end: '16:00' });
    expect(staff.find((s) => s.id === 'bo')?.workHours).toBeUndefined();
    store.close();
  });

  it('opens a store from before working hours existed and keeps its users', () => {
    const dir = tempDir();
    const old = new Database(join(dir, 'slinga.sqlite'));
    old.exec(`CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
      team_ids TEXT NOT NULL, competences TEXT NOT NULL, password_hash TEXT NOT NULL)`);
    old.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?)').run('anna', 'anna', 'Anna', 'caregiver', '["norr"]', '[]', 'x');
    old.close();
    const store = new SqliteStore(dir);
    expect(store.staffOfTeam('norr').map((s) => s.id)).toEqual(['anna']);
    store.upsertUser({ id: 'anna', username: 'anna', name: 'Anna', role: 'caregiver', teamIds: ['norr'], competences: [], workHours: { start: '15:00', end: '22:00' }, passwordHash: 'x' });
    expect(store.staffOfTeam('norr')[0]?.workHours).toEqual({ start: '15:00', end: '22:00' });
    store.close();
  });
});
