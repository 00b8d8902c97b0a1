// Document names: the unit of sync and of permission. See docs/ARCHITECTURE.md.
//   plan:<teamId>:<YYYY-MM-DD>     exec:<teamId>:<YYYY-MM-DD>
//   brukare:<brukareId>            journal:<brukareId>:<YYYY-MM>
//   deviations:<teamId>:<YYYY-MM>  messages:<teamId>:<YYYY-MM>   phrases:<teamId>
import { DateSchema, ID_PATTERN, MonthSchema } from './ids';

export type DocRef =
  | { kind: 'plan'; teamId: string; date: string }
  | { kind: 'exec'; teamId: string; date: string }
  | { kind: 'brukare'; brukareId: string }
  | { kind: 'journal'; brukareId: string; month: string }
  | { kind: 'deviations'; teamId: string; month: string }
  | { kind: 'messages'; teamId: string; month: string }
  | { kind: 'phrases'; teamId: string };

export type DocKind = DocRef['kind'];

export const MAX_DOC_NAME_CHARS = 120;

export function planDocName(teamId: string, date: string): string {
  return `plan:${teamId}:${date}`;
}
export function execDocName(teamId: string, date: string): string {
  return `exec:${teamId}:${date}`;
}
export function brukareDocName(brukareId: string): string {
  return `brukare:${brukareId}`;
}
export function journalDocName(brukareId: string, month: string): string {
  return `journal:${brukareId}:${month}`;
}

export function deviationsDocName(teamId: string, month: string): string {
  return `deviations:${teamId}:${month}`;
}
export function messagesDocName(teamId: string, month: string): string {
  return `messages:${teamId}:${month}`;
}
export function phrasesDocName(teamId: string): string {
  return `phrases:${teamId}`;
}

export function formatDocName(ref: DocRef): string {
  switch (ref.kind) {
    case 'plan':
      return planDocName(ref.teamId, ref.date);
    case 'exec':
      return execDocName(ref.teamId, ref.date);
    case 'brukare':
      return brukareDocName(ref.brukareId);
    case 'journal':
      return journalDocName(ref.brukareId, ref.month);
    case 'deviations':
      return deviationsDocName(ref.teamId, ref.month);
    case 'messages':
      return messagesDocName(ref.teamId, ref.month);
    case 'phrases':
      return phrasesDocName(ref.teamId);
    default: {
      const never: never = ref;
      throw new Error(`unknown doc ref ${JSON.stringify(never)}`);
    }
  }
}

/** Parses a doc name; anything not exactly of one of the four shapes is null. */
export function parseDocName(name: string): DocRef | null {
  if (name.length > MAX_DOC_NAME_CHARS) return null;
  const parts = name.split(':');
  const [kind, a, b] = parts;
  if (a === undefined || !ID_PATTERN.test(a)) return null;
  if ((kind === 'plan' || kind === 'exec') && parts.length === 3 && b !== undefined) {
    return DateSchema.safeParse(b).success ? { kind, teamId: a, date: b } : null;
  }
  if (kind === 'brukare' && parts.length === 2) return { kind, brukareId: a };
  if (kind === 'journal' && parts.length === 3 && b !== undefined) {
    return MonthSchema.safeParse(b).success ? { kind, brukareId: a, month: b } : null;
  }
  if ((kind === 'deviations' || kind === 'messages') && parts.length === 3 && b !== undefined) {
    return MonthSchema.safeParse(b).success ? { kind, teamId: a, month: b } : null;
  }
  if (kind === 'phrases' && parts.length === 2) return { kind, teamId: a };
  return null;
}

/** Docs that keep their full history (no garbage collection of deleted content): the journal. */
export function keepsHistory(docName: string): boolean {
  return docName.startsWith('journal:');
}
