// journal:<brukareId>:<YYYY-MM> — that month's journal entries, append-only.
// Layout: root map "entries": entryId → Y.Map of JournalEntry fields. Signing
// copies the text into `signedText`; readers show `signedText` for a signed
// entry, so an edit merged in from a stale device can never change it.
import * as Y from 'yjs';
import { JournalEntrySchema, MAX_JOURNAL_TEXT_CHARS, type JournalEntry } from '../journal';
import { describeIssues } from '../validation';
import { ensureMap, mapToObject, setFields } from './y-helpers';
import type { ReadResult } from './plan-doc';

const ENTRIES = 'entries';

export type JournalError = { code: 'not_found' | 'exists' | 'signed' | 'not_author' | 'empty' | 'too_long'; message: string };
export type JournalResult = { ok: true } | { ok: false; error: JournalError };

function entriesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ENTRIES);
}

function parseEntry(value: unknown): { ok: true; value: JournalEntry } | { ok: false; error: string } {
  if (!(value instanceof Y.Map)) return { ok: false, error: 'not a record' };
  const { signedText, ...raw } = mapToObject(value);
  const fields = raw.status === 'signed' && typeof signedText === 'string' ? { ...raw, text: signedText } : raw;
  const parsed = JournalEntrySchema.safeParse(fields);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error.issues) };
}

export function readJournalEntries(doc: Y.Doc): ReadResult<JournalEntry> {
  const items: JournalEntry[] = [];
  const invalid: { id: string; error: string }[] = [];
  entriesMap(doc).forEach((value, id) => {
    const parsed = parseEntry(value);
    if (parsed.ok) items.push(parsed.value);
    else invalid.push({ id, error: parsed.error });
  });
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { items, invalid };
}

export function readJournalEntry(doc: Y.Doc, entryId: string): JournalEntry | undefined {
  const parsed = parseEntry(entriesMap(doc).get(entryId));
  return parsed.ok ? parsed.value : undefined;
}

export type NewEntry = Omit<JournalEntry, 'status' | 'signedAt'>;

/** Starts a draft entry. */
export function createDraft(doc: Y.Doc, entry: NewEntry, origin?: unknown): JournalResult {
  if (entriesMap(doc).has(entry.id)) return { ok: false, error: { code: 'exists', message: 'an entry with this id exists' } };
  const checked = JournalEntrySchema.parse({ ...entry, status: 'draft' });
  doc.transact(() => setFields(ensureMap(entriesMap(doc), checked.id), checked), origin);
  return { ok: true };
}

/** Replaces a draft's text; refused once the entry is signed or for anyone but its author. */
export function updateDraft(doc: Y.Doc, entryId: string, authorId: string, text: string, origin?: unknown): JournalResult {
  const entry = readJournalEntry(doc, entryId);
  if (!entry) return { ok: false, error: { code: 'not_found', message: 'no such entry' } };
  if (entry.status === 'signed') return { ok: false, error: { code: 'signed', message: 'a signed entry cannot be changed; write a correction' } };
  if (entry.authorId !== authorId) return { ok: false, error: { code: 'not_author', message: 'only the author may edit a draft' } };
  if (text.length > MAX_JOURNAL_TEXT_CHARS) return { ok: false, error: { code: 'too_long', message: `at most ${MAX_JOURNAL_TEXT_CHARS} characters` } };
  doc.transact(() => setFields(ensureMap(entriesMap(doc), entryId), { text }), origin);
  return { ok: true };
}

/** Signs a draft: from now on the entry is final. */
export function signEntry(doc: Y.Doc, entryId: string, authorId: string, signedAt: string, origin?: unknown): JournalResult {
  const entry = readJournalEntry(doc, entryId);
  if (!entry) return { ok: false, error: { code: 'not_found', message: 'no such entry' } };
  if (entry.status === 'signed') return { ok: false, error: { code: 'signed', message: 'already signed' } };
  if (entry.authorId !== authorId) return { ok: false, error: { code: 'not_author', message: 'only the author may sign' } };
  if (entry.text.trim() === '') return { ok: false, error: { code: 'empty', message: 'an empty entry cannot be signed' } };
  doc.transact(() => setFields(ensureMap(entriesMap(doc), entryId), { status: 'signed', signedAt, signedText: entry.text }), origin);
  return { ok: true };
}

/** Writes a correction: a new signed-or-draft entry that points at a signed one. */
export function createCorrection(doc: Y.Doc, correctedId: string, entry: NewEntry, origin?: unknown): JournalResult {
  // The corrected entry may live in an earlier month's document; when it is in
  // this one, it must be signed (a draft is simply edited).
  const corrected = readJournalEntry(doc, correctedId);
  if (corrected && corrected.status !== 'signed') {
    return { ok: false, error: { code: 'not_found', message: 'only a signed entry needs a correction; edit the draft' } };
  }
  return createDraft(doc, { ...entry, correctsId: correctedId }, origin);
}

/** Writes a whole entry as it is (demo data and imports); signed entries get their frozen text. */
export function importEntry(doc: Y.Doc, entry: JournalEntry, origin?: unknown): void {
  const checked = JournalEntrySchema.parse(entry);
  doc.transact(() => {
    const fields: Record<string, unknown> = { ...checked };
    if (checked.status === 'signed') fields.signedText = checked.text;
    setFields(ensureMap(entriesMap(doc), checked.id), fields);
  }, origin);
}
