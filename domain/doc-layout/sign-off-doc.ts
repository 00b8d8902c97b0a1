// Sign-offs live in the visit's exec doc, root map "signOffs":
// "<visitId>/<signOffId>" → SignOff. Written once: adding refuses an id that
// exists, and there is no function that changes or removes one.
import type * as Y from 'yjs';
import { SignOffSchema, type SignOff } from '../sign-off';
import { describeIssues } from '../validation';

const SIGN_OFFS = 'signOffs';
const SEPARATOR = '/';

export type SignOffResult = { ok: true } | { ok: false; error: 'exists' | 'invalid'; message: string };

/** Adds a sign-off to its visit's record. A given sign-off is never replaced. */
export function addSignOff(doc: Y.Doc, signOff: SignOff, origin?: unknown): SignOffResult {
  const parsed = SignOffSchema.safeParse(signOff);
  if (!parsed.success) return { ok: false, error: 'invalid', message: describeIssues(parsed.error.issues) };
  const map = doc.getMap<unknown>(SIGN_OFFS);
  const key = `${parsed.data.visitId}${SEPARATOR}${parsed.data.id}`;
  if (map.has(key)) return { ok: false, error: 'exists', message: `sign-off ${parsed.data.id} is already given and cannot be changed` };
  doc.transact(() => map.set(key, parsed.data), origin);
  return { ok: true };
}

/** The sign-offs of one visit, oldest first (malformed records are left out). */
export function readSignOffs(doc: Y.Doc, visitId: string): SignOff[] {
  const prefix = `${visitId}${SEPARATOR}`;
  const values: unknown[] = [];
  doc.getMap<unknown>(SIGN_OFFS).forEach((value, key) => {
    if (key.startsWith(prefix)) values.push(value);
  });
  return parseSignOffs(values, visitId);
}

/** Valid sign-offs of `visitId` among stored values, oldest first (for readers that group the map themselves). */
export function parseSignOffs(values: readonly unknown[], visitId: string): SignOff[] {
  const out: SignOff[] = [];
  for (const value of values) {
    const parsed = SignOffSchema.safeParse(value);
    if (parsed.success && parsed.data.visitId === visitId) out.push(parsed.data);
  }
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}
