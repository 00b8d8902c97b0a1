// The audit log over a real SQLite file: records chain to each other, the
// chain check passes until someone with the file changes it, and then names
// the first record that does not hold. To tamper, a second handle on the file
// drops the triggers that refuse UPDATE and DELETE, as an attacker with the
// file could.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite-store';
import { AuditLog, GENESIS_HASH, type AuditRecord } from './audit-log';

const SECRET = 'audit-test-secret-that-is-long-enough-0123456789';
const dirs: string[] = [];
const handles: Array<{ close(): void }> = [];

afterEach(() => {
  for (const h of handles.splice(0)) h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh store with `count` records in it; the clock ticks one second per record. */
function logWith(count: number, secret = SECRET): { dir: string; store: SqliteStore; log: AuditLog } {
  const dir = mkdtempSync(join(tmpdir(), 'slinga-audit-'));
  dirs.push(dir);
  const store = new SqliteStore(dir);
  handles.push(store);
  let tick = Date.parse('2026-03-10T08:00:00Z');
  const log = new AuditLog(store.security, secret, () => new Date((tick += 1000)));
  store.security.batch(() => {
    for (let i = 1; i <= count; i++) log.append(sampleRecord(i));
  });
  return { dir, store, log };
}

function sampleRecord(i: number): AuditRecord {
  return { action: i % 2 ? 'sign_in' : 'recipient_doc_synced', actorId: 'anna', deviceId: 'dev-aaaaaaaaaaaaaaaa', subjectKind: 'brukare', subjectId: `norr-b0${i % 10}`, detail: { n: i } };
}

/** A second connection to the same file, as someone with access to the disk; with `dropTriggers`, without the append-only guard. */
function attacker(dir: string, dropTriggers = true): Database.Database {
  const db = new Database(join(dir, 'slinga.sqlite'));
  handles.push(db);
  if (dropTriggers) {
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec('DROP TRIGGER audit_log_no_delete');
  }
  return db;
}

describe('AuditLog', () => {
  it('appends records that chain to each other from the genesis hash', () => {
    const { log } = logWith(0);
    expect(log.append({ action: 'sign_in', actorId: 'anna', subjectKind: 'user', subjectId: 'anna', detail: { address: 'abc' } })).toBe(true);
    expect(log.append({ action: 'sign_out', actorId: 'anna' })).toBe(true);
    const [first, second] = log.page(1, 10);
    expect(first).toMatchObject({ seq: 1, action: 'sign_in', actor_id: 'anna', subject_kind: 'user', subject_id: 'anna', detail: '{"address":"abc"}', prev_hash: GENESIS_HASH });
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatchObject({ seq: 2, action: 'sign_out', prev_hash: first?.hash, detail: '{}', subject_id: null });
    expect(log.verify()).toEqual({ ok: true, records: 2 });
  });

  it('verifies an empty log and a long one (more than one page of the check)', () => {
    expect(logWith(0).log.verify()).toEqual({ ok: true, records: 0 });
    expect(logWith(4500).log.verify()).toEqual({ ok: true, records: 4500 });
  });

  it('records a client event once, however often it is uploaded', () => {
    const { log } = logWith(3);
    const event: AuditRecord = { action: 'recipient_opened', actorId: 'anna', subjectKind: 'brukare', subjectId: 'norr-b01', eventId: 'dev-x/evt-00000001', deviceAt: '2026-03-10T07:00:00.000Z' };
    expect(log.append(event)).toBe(true);
    expect(log.append(event)).toBe(false);
    expect(log.append({ ...event, deviceAt: '2026-03-10T07:05:00.000Z' })).toBe(false);
    expect(log.append({ ...event, eventId: 'dev-x/evt-00000002' })).toBe(true);
    expect(log.page(1, 100)).toHaveLength(5);
    expect(log.about('brukare', 'norr-b01').filter((r) => r.action === 'recipient_opened')).toHaveLength(2);
    expect(log.verify()).toEqual({ ok: true, records: 5 });
  });

  it('refuses UPDATE and DELETE while its triggers are in place', () => {
    const { dir, log } = logWith(3);
    const db = attacker(dir, false);
    expect(() => db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
    expect(log.verify()).toEqual({ ok: true, records: 3 });
  });

  it('names a changed record: its content no longer matches its hash', () => {
    for (const [column, value] of [
      ['detail', '{"n":99}'],
      ['action', 'sign_out'],
      ['actor_id', 'bo'],
      ['at', '2020-01-01T00:00:00.000Z'],
      ['subject_id', 'soder-b01'],
    ] as const) {
      const { dir, log } = logWith(6);
      attacker(dir).prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = 4`).run(value);
      expect(log.verify(), column).toEqual({ ok: false, records: 3, firstBrokenSeq: 4, reason: 'its content does not match its hash' });
    }
  });

  it('names a changed first and last record', () => {
    const first = logWith(5);
    attacker(first.dir).prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 1").run();
    expect(first.log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 1 });
    const last = logWith(5);
    attacker(last.dir).prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 5").run();
    expect(last.log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 5, records: 4 });
  });

  it('names a deleted record as missing', () => {
    const { dir, log } = logWith(6);
    attacker(dir).prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect(log.verify()).toEqual({ ok: false, records: 2, firstBrokenSeq: 3, reason: 'record 3 is missing' });
  });

  it('names a record deleted and the rest renumbered: the next one does not link', () => {
    const { dir, log } = logWith(6);
    const db = attacker(dir);
    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    for (const seq of [4, 5, 6]) db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(seq - 1, seq);
    expect(log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'does not link to the record before it' });
  });

  it('names an inserted record, even one that links correctly but was hashed without the secret', () => {
    const { dir, log } = logWith(5);
    const db = attacker(dir);
    const rows = log.page(1, 10);
    // Make room after record 2 and insert a forged record 3 that links to record 2.
    for (const seq of [5, 4, 3]) db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(seq + 1, seq);
    db.prepare(
      `INSERT INTO audit_log (seq, at, device_at, action, actor_id, device_id, subject_kind, subject_id, detail, event_id, prev_hash, hash)
       VALUES (3, '2026-03-10T08:00:02.500Z', NULL, 'sign_in', 'admin', NULL, 'user', 'admin', '{}', NULL, ?, ?)`,
    ).run(rows[1]?.hash, 'f'.repeat(64));
    expect(log.verify()).toMatchObject({ ok: false, records: 2, firstBrokenSeq: 3, reason: 'its content does not match its hash' });
  });

  it('names an appended record whose hash was made with another secret', () => {
    const { dir, log } = logWith(3);
    // The attacker copies the log and appends to the copy with a secret of their own guessing.
    const forger = logWith(0, 'a-guessed-secret-that-is-not-the-servers-secret');
    const insert = `INSERT INTO audit_log (seq, at, device_at, action, actor_id, device_id, subject_kind, subject_id, detail, event_id, prev_hash, hash)
      VALUES (@seq, @at, @device_at, @action, @actor_id, @device_id, @subject_kind, @subject_id, @detail, @event_id, @prev_hash, @hash)`;
    const copy = attacker(forger.dir).prepare(insert);
    for (const row of log.page(1, 10)) copy.run(row);
    forger.log.append({ action: 'user_restored', actorId: 'admin', subjectKind: 'user', subjectId: 'mallory' });
    const forged = forger.log.page(4, 1)[0];
    expect(forged?.prev_hash).toBe(log.page(3, 1)[0]?.hash);
    attacker(dir).prepare(insert).run(forged);
    expect(log.verify()).toEqual({ ok: false, records: 3, firstBrokenSeq: 4, reason: 'its content does not match its hash' });
  });

  it('names the first of two swapped records', () => {
    const { dir, log } = logWith(6);
    const db = attacker(dir);
    db.prepare('UPDATE audit_log SET seq = 100 WHERE seq = 2').run();
    db.prepare('UPDATE audit_log SET seq = 2 WHERE seq = 3').run();
    db.prepare('UPDATE audit_log SET seq = 3 WHERE seq = 100').run();
    expect(log.verify()).toEqual({ ok: false, records: 1, firstBrokenSeq: 2, reason: 'does not link to the record before it' });
  });

  it('catches a chain rewritten from the start without the secret', () => {
    const { dir, log } = logWith(4);
    const db = attacker(dir);
    db.prepare("UPDATE audit_log SET hash = 'a' || substr(hash, 2) WHERE seq = 1").run();
    expect(log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 1, records: 0 });
  });

  it('checks with the secret: the same file under another secret does not verify', () => {
    const { store } = logWith(3);
    expect(new AuditLog(store.security, 'another-secret-0123456789-0123456789').verify()).toMatchObject({ ok: false, firstBrokenSeq: 1 });
  });

  it('goes on chaining after a tampered record, and still names it', () => {
    const { dir, log } = logWith(5);
    attacker(dir).prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 2").run();
    expect(log.append({ action: 'sign_in', actorId: 'bo' })).toBe(true);
    expect(log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });
});
