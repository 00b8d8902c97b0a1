// The recipient's card written field by field into brukare:<id>, and who
// changed what. Layout: root map "profile" (field → JSON value, shared with
// brukare-doc.ts); root map "cardChanges": changeId → { at, by, byName, fields }
// (the names of the profile fields that change set), one immutable record per
// save, never edited or removed. Two devices that change different fields
// offline both keep theirs (each field is its own key), and both records stay.
import * as Y from 'yjs';
import { z } from 'zod/mini';
import { BrukareSchema, type Brukare } from '../brukare';
import { IdSchema, InstantSchema } from '../ids';
import { ServiceEndedSchema, type ServiceEnded } from '../recipient-card';
import { describeIssues, type ParseResult } from '../validation';

const PROFILE = 'profile';
const CARD_CHANGES = 'cardChanges';

/** The profile fields the card writes: all but the recipient's id and team (the directory decides those). */
export const CARD_FIELDS = [
  'name',
  'birthYear',
  'address',
  'phone',
  'keyInfo',
  'language',
  'communicationNeeds',
  'contacts',
  'allergies',
  'risks',
  'goodToKnow',
  'signOff',
  'kontaktmanId',
  'whoIsWho',
  'serviceEnded',
] as const satisfies readonly (keyof Brukare)[];
export type CardField = (typeof CARD_FIELDS)[number];
/** Fields to set; `undefined` removes an optional field (e.g. `serviceEnded` when an ending is undone). */
export type CardFields = { [K in CardField]?: Brukare[K] | undefined };

export const CardChangeSchema = z.object({
  id: z.string(),
  at: InstantSchema,
  by: IdSchema,
  byName: z.string().check(z.minLength(1)),
  fields: z.array(z.string()),
});
export type CardChange = z.infer<typeof CardChangeSchema>;
export type CardAuthor = Pick<CardChange, 'by' | 'byName' | 'at'>;

const AuthorSchema = z.pick(CardChangeSchema, { by: true, byName: true, at: true });
const CARD_FIELD_SET: ReadonlySet<string> = new Set(CARD_FIELDS);

/** Checks each given field against the profile schema; a required field cannot be removed. */
function checkFields(fields: CardFields): ParseResult<[CardField, unknown][]> {
  const shape = BrukareSchema.shape;
  const problems: string[] = [];
  const entries: [CardField, unknown][] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (!CARD_FIELD_SET.has(key)) {
      problems.push(`${key}: not a card field`);
      continue;
    }
    const field = key as CardField;
    const parsed = shape[field].safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ ...i, path: [field, ...i.path] }));
      problems.push(value === undefined ? `${field}: required` : describeIssues(issues));
      continue;
    }
    entries.push([field, parsed.data]);
  }
  return problems.length > 0 ? { ok: false, error: problems.join('; ') } : { ok: true, value: entries };
}

/**
 * Sets the given profile fields that differ from the doc's, and records who
 * changed them (one record per call, none when nothing changed). Returns the
 * names of the fields changed. Refuses, and writes nothing, when any field is
 * malformed or the doc has no profile yet (not synced).
 */
export function writeCardFields(doc: Y.Doc, fields: CardFields, author: CardAuthor, origin?: unknown): ParseResult<CardField[]> {
  const who = AuthorSchema.safeParse(author);
  if (!who.success) return { ok: false, error: describeIssues(who.error.issues) };
  const checked = checkFields(fields);
  if (!checked.ok) return checked;
  const profile = doc.getMap<unknown>(PROFILE);
  if (profile.size === 0) return { ok: false, error: 'not synced yet' };
  const changed = checked.value.filter(([key, value]) =>
    value === undefined ? profile.has(key) : JSON.stringify(profile.get(key)) !== JSON.stringify(value),
  );
  if (changed.length === 0) return { ok: true, value: [] };
  // Unique without randomness: no two changes of one client share a clock value.
  const id = `${doc.clientID.toString(36)}-${Y.getState(doc.store, doc.clientID)}`;
  const names = changed.map(([key]) => key);
  doc.transact(() => {
    for (const [key, value] of changed) {
      if (value === undefined) profile.delete(key);
      else profile.set(key, value);
    }
    doc.getMap<unknown>(CARD_CHANGES).set(id, { id, ...who.data, fields: names });
  }, origin);
  return { ok: true, value: names };
}

/** The end of the recipient's service, if it ended (read on its own: the rest of the profile need not be well-formed). */
export function readServiceEnded(doc: Y.Doc): ServiceEnded | undefined {
  const parsed = ServiceEndedSchema.safeParse(doc.getMap<unknown>(PROFILE).get('serviceEnded'));
  return parsed.success ? parsed.data : undefined;
}

/** Who changed the card and when, oldest first; malformed records are left out. */
export function readCardChanges(doc: Y.Doc): CardChange[] {
  const out: CardChange[] = [];
  doc.getMap<unknown>(CARD_CHANGES).forEach((value) => {
    const parsed = CardChangeSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  });
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** The latest change of the card ("Senast ändrat av …"), if any. */
export function lastCardChange(doc: Y.Doc): CardChange | undefined {
  return readCardChanges(doc).at(-1);
}
