// journal:<brukareId>:<YYYY-MM> — that month's journal entries, append-only.
// Layout: root map "entries": entryId → Y.Map with the JournalEntry fields and
//   draft         Y.Text, edited on every keystroke while the entry is a draft
//   signedText    the text as signed        } written once, when signing
//   signatureHash SHA-256 of the signed     } (with status "signed" and signedAt)
//                 content (signatureContent)
//
// A signed entry can never be changed: the accessors refuse, and a crafted
// update that overwrites or deletes a signed field is detected when read. Journal
// docs keep their history (gc off, see keepsHistory), so a reader finds the value
// first written for each signed field, shows that, and flags the entry as
// tampered.
import * as Y from 'yjs';
import { JournalEntrySchema, MAX_JOURNAL_TEXT_CHARS, type JournalEntry } from '../journal';
import { sha256Hex } from '../sha256';
import { describeIssues } from '../validation';
import { ensureMap, setFields } from './y-helpers';
import type { ReadResult } from './plan-doc';

const ENTRIES = 'entries';
const DRAFT = 'draft';
/** Fields written exactly once, at signing. */
const SIGNED_FIELDS = ['signedText', 'signedAt', 'signatureHash'] as const;
/** Fields written exactly once, at creation. */
const CREATED_FIELDS = ['id', 'brukareId', 'authorId', 'authorName', 'createdAt', 'visitId', 'lifeArea', 'correctsId', 'signOffId'] as const;

export type JournalError = { code: 'not_found' | 'exists' | 'signed' | 'not_author' | 'empty' | 'too_long' | 'invalid'; message: string };
export type JournalResult = { ok: true } | { ok: false; error: JournalError };

function entriesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ENTRIES);
}

/** The canonical content a signature covers. */
export function signatureContent(e: Pick<JournalEntry, 'id' | 'brukareId' | 'authorId' | 'createdAt' | 'text'> & { signedAt: string; visitId?: string | undefined; lifeArea?: string | undefined; correctsId?: string | undefined }): string {
  return JSON.stringify([e.id, e.brukareId, e.authorId, e.createdAt, e.visitId ?? null, e.lifeArea ?? null, e.correctsId ?? null, e.signedAt, e.text]);
}

type FieldHistory = { first: unknown; current: unknown; rewritten: boolean };

/**
 * The first and current value of a map key. A key written more than once, or
 * deleted, is "rewritten". Relies on Yjs keeping the earlier items of a key
 * (linked through `left`), with their content when the doc does not gc.
 */
function fieldHistory(map: Y.Map<unknown>, key: string): FieldHistory | undefined {
  let item = map._map.get(key) ?? null;
  if (!item) return undefined;
  const current = item.deleted ? undefined : map.get(key);
  let rewritten = item.deleted;
  while (item.left) {
    rewritten = true;
    item = item.left as Y.Item;
  }
  const content = item.content.getContent();
  return { first: content.length > 0 ? content[content.length - 1] : undefined, current, rewritten };
}

/**
 * The entry record as first written under its id, and whether that id was
 * later rewritten (a whole forged record set in its place) or deleted.
 */
function entryHistory(doc: Y.Doc, entryId: string): { record: unknown; rewritten: boolean } | undefined {
  let item = entriesMap(doc)._map.get(entryId) ?? null;
  if (!item) return undefined;
  let rewritten = item.deleted;
  while (item.left) {
    rewritten = true;
    item = item.left as Y.Item;
  }
  const content = item.content.getContent();
  return { record: content[0], rewritten };
}

function parseEntry(value: unknown, entryRewritten = false): { ok: true; value: JournalEntry } | { ok: false; error: string } {
  if (!(value instanceof Y.Map)) return { ok: false, error: 'not a record' };
  const map = value as Y.Map<unknown>;
  const signedText = fieldHistory(map, 'signedText');
  const fields: Record<string, unknown> = {};
  let tampered = entryRewritten;
  for (const key of CREATED_FIELDS) {
    const h = fieldHistory(map, key);
    if (!h) continue;
    fields[key] = h.first ?? h.current;
    if (h.rewritten) tampered = true;
  }
  if (signedText) {
    // Signed: every signed field is read as first written; any rewrite is tampering.
    for (const key of SIGNED_FIELDS) {
      const h = fieldHistory(map, key);
      if (!h || h.rewritten) tampered = true;
      // The first value is gone only if a doc collected its garbage; then the current one is all there is.
      if (h) fields[key] = h.first ?? h.current;
    }
    fields.text = fields.signedText;
    fields.status = 'signed';
    if (map.get('status') !== 'signed') tampered = true;
    const hash = typeof fields.signatureHash === 'string' ? fields.signatureHash : '';
    const content = signatureContent({ ...(fields as Parameters<typeof signatureContent>[0]) });
    if (hash !== sha256Hex(content)) tampered = true;
  } else {
    const draft = map.get(DRAFT);
    fields.text = draft instanceof Y.Text ? draft.toString() : '';
    fields.status = 'draft';
  }
  delete fields.signedText;
  delete fields.signatureHash;
  const parsed = JournalEntrySchema.safeParse({ ...fields, ...(signedText ? { verified: !tampered } : {}) });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error.issues) };
}

export function readJournalEntries(doc: Y.Doc): ReadResult<JournalEntry> {
  const items: JournalEntry[] = [];
  const invalid: { id: string; error: string }[] = [];
  // Every id ever written, deleted ones included: a removed or replaced signed
  // entry is still shown, as first written, and flagged.
  for (const id of entriesMap(doc)._map.keys()) {
    const history = entryHistory(doc, id);
    const parsed = history ? parseEntry(history.record, history.rewritten) : { ok: false as const, error: 'missing' };
    if (parsed.ok) items.push(parsed.value);
    else invalid.push({ id, error: parsed.error });
  }
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { items, invalid };
}

export function readJournalEntry(doc: Y.Doc, entryId: string): JournalEntry | undefined {
  const history = entryHistory(doc, entryId);
  const parsed = history ? parseEntry(history.record, history.rewritten) : undefined;
  return parsed?.ok ? parsed.value : undefined;
}

export type NewEntry = Omit<JournalEntry, 'status' | 'signedAt' | 'verified'>;

/** Starts a draft entry. */
export function createDraft(doc: Y.Doc, entry: NewEntry, origin?: unknown): JournalResult {
  if (entriesMap(doc).has(entry.id)) return { ok: false, error: { code: 'exists', message: 'an entry with this id exists' } };
  if (entry.text.length > MAX_JOURNAL_TEXT_CHARS) return { ok: false, error: { code: 'too_long', message: `at most ${MAX_JOURNAL_TEXT_CHARS} characters` } };
  const parsed = JournalEntrySchema.safeParse({ ...entry, status: 'draft' });
  if (!parsed.success) return { ok: false, error: { code: 'invalid', message: describeIssues(parsed.error.issues) } };
  const checked = parsed.data;
  const { text, status: _status, ...fields } = checked;
  doc.transact(() => {
    const map = ensureMap(entriesMap(doc), checked.id);
    setFields(map, fields);
    map.set(DRAFT, new Y.Text(text));
  }, origin);
  return { ok: true };
}

/** Applies the smallest edit that turns `from` into `to` (one keystroke is one small insert or delete). */
function editText(target: Y.Text, to: string): void {
  const from = target.toString();
  if (from === to) return;
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from[endFrom - 1] === to[endTo - 1]) {
    endFrom--;
    endTo--;
  }
  if (endFrom > start) target.delete(start, endFrom - start);
  if (endTo > start) target.insert(start, to.slice(start, endTo));
}

/** Replaces a draft's text; refused once the entry is signed or for anyone but its author. */
export function updateDraft(doc: Y.Doc, entryId: string, authorId: string, text: string, origin?: unknown): JournalResult {
  const entry = readJournalEntry(doc, entryId);
  if (!entry) return { ok: false, error: { code: 'not_found', message: 'no such entry' } };
  if (entry.status === 'signed') return { ok: false, error: { code: 'signed', message: 'a signed entry cannot be changed; write a correction' } };
  if (entry.authorId !== authorId) return { ok: false, error: { code: 'not_author', message: 'only the author may edit a draft' } };
  if (text.length > MAX_JOURNAL_TEXT_CHARS) return { ok: false, error: { code: 'too_long', message: `at most ${MAX_JOURNAL_TEXT_CHARS} characters` } };
  doc.transact(() => {
    const map = ensureMap(entriesMap(doc), entryId);
    const draft = map.get(DRAFT);
    if (draft instanceof Y.Text) editText(draft, text);
    else map.set(DRAFT, new Y.Text(text));
  }, origin);
  return { ok: true };
}

/** Signs a draft: from now on the entry is final. */
export function signEntry(doc: Y.Doc, entryId: string, authorId: string, signedAt: string, origin?: unknown): JournalResult {
  const entry = readJournalEntry(doc, entryId);
  if (!entry) return { ok: false, error: { code: 'not_found', message: 'no such entry' } };
  if (entry.status === 'signed') return { ok: false, error: { code: 'signed', message: 'already signed' } };
  if (entry.authorId !== authorId) return { ok: false, error: { code: 'not_author', message: 'only the author may sign' } };
  if (entry.text.trim() === '') return { ok: false, error: { code: 'empty', message: 'an empty entry cannot be signed' } };
  const signatureHash = sha256Hex(signatureContent({ ...entry, signedAt }));
  doc.transact(() => {
    setFields(ensureMap(entriesMap(doc), entryId), { signedText: entry.text, signedAt, signatureHash, status: 'signed' });
  }, origin);
  return { ok: true };
}

/** Writes a correction: a new draft entry that points at a signed one. */
export function createCorrection(doc: Y.Doc, correctedId: string, entry: NewEntry, origin?: unknown): JournalResult {
  // The corrected entry may live in an earlier month's document; when it is in
  // this one, it must be signed (a draft is simply edited).
  const corrected = readJournalEntry(doc, correctedId);
  if (corrected && corrected.status !== 'signed') {
    return { ok: false, error: { code: 'not_found', message: 'only a signed entry needs a correction; edit the draft' } };
  }
  return createDraft(doc, { ...entry, correctsId: correctedId }, origin);
}

/** Writes a whole entry as it is (demo data and imports); a signed entry is signed as it is written. */
export function importEntry(doc: Y.Doc, entry: JournalEntry, origin?: unknown): void {
  const checked = JournalEntrySchema.parse(entry);
  const { text, status, signedAt, verified: _verified, ...fields } = checked;
  doc.transact(() => {
    const map = ensureMap(entriesMap(doc), checked.id);
    setFields(map, fields);
    if (status === 'signed' && signedAt) {
      const signatureHash = sha256Hex(signatureContent({ ...checked, signedAt }));
      setFields(map, { signedText: text, signedAt, signatureHash, status: 'signed' });
    } else {
      map.set(DRAFT, new Y.Text(text));
      map.set('status', 'draft');
    }
  }, origin);
}

export { keepsHistory } from '../doc-names';
