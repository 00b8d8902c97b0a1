// The API's 400 for a body that fails its schema: every wrong field named, as
// text and as a list `{ field, message }` (the contract of POST /api/orders,
// also used by the staff and recipient routes).
import { describeIssue, type FieldProblem, type InvalidFieldsResponse } from '../../domain';

export type { FieldProblem };
type Issue = Parameters<typeof describeIssue>[0];

/** One entry per wrong field, with every message about it. */
export function fieldProblems(issues: readonly Issue[]): FieldProblem[] {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const text = describeIssue(issue);
    const cut = text.indexOf(': ');
    const field = text.slice(0, cut);
    byField.set(field, [...(byField.get(field) ?? []), text.slice(cut + 2)]);
  }
  return [...byField].map(([field, messages]) => ({ field, message: messages.join(', ') }));
}

/** A 400 that names every wrong field; `what` says what was refused ("order", "staff member"). */
export function invalidFields(c: { json(body: unknown, status: 400): Response }, what: string, fields: FieldProblem[]): Response {
  const body: InvalidFieldsResponse = { error: `invalid ${what}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, fields };
  return c.json(body, 400);
}
