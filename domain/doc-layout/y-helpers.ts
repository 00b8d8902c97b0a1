// Small helpers for the doc layout: a record is a nested Y.Map of JSON fields,
// so that concurrent edits of different fields merge instead of overwriting.
import * as Y from 'yjs';

export type FieldMap = Y.Map<unknown>;

/** The nested map stored at `key` in `parent`, created on first write. */
export function ensureMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const existing = parent.get(key);
  if (existing instanceof Y.Map) return existing;
  const created = new Y.Map<unknown>();
  parent.set(key, created);
  return created;
}

/** A plain object of a nested map's fields; nested maps become objects too. */
export function mapToObject(map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  map.forEach((value, key) => {
    out[key] = value instanceof Y.Map ? mapToObject(value) : value;
  });
  return out;
}

/** Writes each field whose value differs (deep JSON compare), so no-op writes make no update. */
export function setFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) {
      if (map.has(key)) map.delete(key);
      continue;
    }
    if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
  }
}

/** Runs `fn` in one transaction on the doc that owns `map` (or directly if unattached). */
export function transact(doc: Y.Doc, fn: () => void, origin?: unknown): void {
  doc.transact(fn, origin);
}
