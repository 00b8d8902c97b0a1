// The append-only, tamper-evident audit log. Each record carries the hash of
// the one before and its own hash, an HMAC keyed from the server secret, so
// changing, removing or inserting a record breaks the chain from there on and
// cannot be covered up without the secret; SQLite triggers refuse UPDATE and
// DELETE on the table as well. Records hold ids, actions and times only: no
// names, addresses or note text.
import { createHmac } from 'node:crypto';
import type { AuditRow, SqliteSecurityStore } from '../store/security-store';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditRecord = {
  action: string;
  actorId?: string | null;
  deviceId?: string | null;
  subjectKind?: 'user' | 'device' | 'brukare' | 'team' | 'session' | null;
  subjectId?: string | null;
  /** The device's clock, for reads made on the device. */
  deviceAt?: string | null;
  /** Client event id (uploads are idempotent by it). */
  eventId?: string | null;
  /** Small structured detail: ids, counts, reasons. Never personal data. */
  detail?: Record<string, string | number | boolean | null>;
};

export type ChainCheck = { ok: true; records: number } | { ok: false; records: number; firstBrokenSeq: number; reason: string };

function hashOf(key: Buffer, row: Omit<AuditRow, 'hash'>): string {
  const body = JSON.stringify([
    row.seq,
    row.at,
    row.device_at,
    row.action,
    row.actor_id,
    row.device_id,
    row.subject_kind,
    row.subject_id,
    row.detail,
    row.event_id,
    row.prev_hash,
  ]);
  return createHmac('sha256', key).update(body).digest('hex');
}

export class AuditLog {
  readonly #store: SqliteSecurityStore;
  readonly #key: Buffer;
  readonly #now: () => Date;

  constructor(store: SqliteSecurityStore, secret: string, now: () => Date = () => new Date()) {
    this.#store = store;
    this.#key = createHmac('sha256', secret).update('slinga-audit-log-v1').digest();
    this.#now = now;
  }

  /** Appends one record; false when a record with the same event id exists already. */
  append(record: AuditRecord): boolean {
    return this.#store.batch(() => {
      if (record.eventId && this.#store.hasAuditEvent(record.eventId)) return false;
      const last = this.#store.lastAudit();
      const row: Omit<AuditRow, 'hash'> = {
        seq: (last?.seq ?? 0) + 1,
        at: this.#now().toISOString(),
        device_at: record.deviceAt ?? null,
        action: record.action,
        actor_id: record.actorId ?? null,
        device_id: record.deviceId ?? null,
        subject_kind: record.subjectKind ?? null,
        subject_id: record.subjectId ?? null,
        detail: JSON.stringify(record.detail ?? {}),
        event_id: record.eventId ?? null,
        prev_hash: last?.hash ?? GENESIS_HASH,
      };
      this.#store.insertAudit({ ...row, hash: hashOf(this.#key, row) });
      return true;
    });
  }

  /** Walks the whole chain; names the first record whose link or hash does not hold. */
  verify(): ChainCheck {
    let expectedPrev = GENESIS_HASH;
    let expectedSeq = 1;
    let records = 0;
    const PAGE = 2000;
    for (let from = 1; ; ) {
      const rows = this.#store.auditFrom(from, PAGE);
      for (const row of rows) {
        if (row.seq !== expectedSeq) return { ok: false, records, firstBrokenSeq: expectedSeq, reason: `record ${expectedSeq} is missing` };
        if (row.prev_hash !== expectedPrev) return { ok: false, records, firstBrokenSeq: row.seq, reason: 'does not link to the record before it' };
        const { hash, ...rest } = row;
        if (hashOf(this.#key, rest) !== hash) return { ok: false, records, firstBrokenSeq: row.seq, reason: 'its content does not match its hash' };
        expectedPrev = hash;
        expectedSeq = row.seq + 1;
        records++;
      }
      if (rows.length < PAGE) break;
      from = expectedSeq;
    }
    return { ok: true, records };
  }

  /** Records in order from `seq`, for export. */
  page(fromSeq: number, limit: number): AuditRow[] {
    return this.#store.auditFrom(fromSeq, limit);
  }

  /** The newest records about one subject. */
  about(kind: NonNullable<AuditRecord['subjectKind']>, id: string, limit = 500): AuditRow[] {
    return this.#store.auditBySubject(kind, id, limit);
  }
}
