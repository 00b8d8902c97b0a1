// Turns zod issues into one readable sentence that names every wrong field.
// zod/mini ships without locale messages (to stay small in the browser), so the
// wording lives here, once, for the server's 400s and the client's parse errors.
import type { z } from 'zod/mini';

type Issue = z.core.$ZodIssue;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** zod/mini's message when a schema gives none of its own. */
const GENERIC_MESSAGE = 'Invalid input';

export function describeIssue(issue: Issue): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  // A message written in the schema says it best ("HH:MM", "at least 32 characters").
  if (issue.message && issue.message !== GENERIC_MESSAGE && issue.code !== 'invalid_type') return `${field}: ${issue.message}`;
  switch (issue.code) {
    case 'invalid_type':
      return `${field}: expected ${issue.expected}`;
    case 'too_small':
      return `${field}: too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `${field}: too big (maximum ${String(issue.maximum)})`;
    case 'invalid_format':
      return `${field}: invalid ${issue.format}`;
    case 'invalid_value':
      return `${field}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `${field}: unknown keys ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return `${field}: does not match any allowed shape`;
    default:
      return `${field}: ${issue.message || 'invalid value'}`;
  }
}

export function describeIssues(issues: readonly Issue[]): string {
  return issues.map(describeIssue).join('; ');
}

/** Parses `input` with `schema`; an expected failure is a value, not a throw. */
export function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown): ParseResult<T> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: describeIssues(result.error.issues) };
}
