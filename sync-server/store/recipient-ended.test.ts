// The directory records when a recipient's service ended: in stores written
// before the column existed too, kept when an order moves or updates the
// recipient, cleared when the ending is undone.
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

describe('SqliteStore recipients ended_on', () => {
  it('opens a store from before ended_on existed, records an end date per recipient and clears it', () => {
    const dir = tempDir();
    const old = new Database(join(dir, 'slinga.sqlite'));
    old.exec('CREATE TABLE recipients (id TEXT PRIMARY KEY, team_id TEXT NOT NULL)');
    old.prepare('INSERT INTO recipients VALUES (?, ?)').run('norr-b01', 'norr');
    old.prepare('INSERT INTO recipients VALUES (?, ?)').run('norr-b02', 'norr');
    old.close();
    const store = new SqliteStore(dir);
    expect(store.recipientEndedOn('norr-b01')).toBeUndefined();
    expect(store.endedRecipientsOfTeam('norr')).toEqual(new Map());

    store.setRecipientEndedOn('norr-b01', '2026-03-12');
    // A later order for the same recipient keeps the end date.
    store.upsertRecipient('norr-b01', 'norr');
    expect(store.recipientEndedOn('norr-b01')).toBe('2026-03-12');
    expect(store.endedRecipientsOfTeam('norr')).toEqual(new Map([['norr-b01', '2026-03-12']]));
    expect(store.recipientsOfTeam('norr')).toEqual(['norr-b01', 'norr-b02']);
    expect(() => store.setRecipientEndedOn('norr-b02', '12/03/2026')).toThrow();

    store.setRecipientEndedOn('norr-b01', null);
    expect(store.recipientEndedOn('norr-b01')).toBeUndefined();
    store.close();
  });
});
