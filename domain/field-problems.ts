// The API's answer to a body that fails its schema (400): every wrong field
// named, `{ error, fields: [{ field, message }] }`. The server builds it
// (sync-server/http/field-errors.ts); the app's forms read it to show each
// problem next to its field. Apart from api.ts, which is on the start-up path.
import { z } from 'zod/mini';

export const FieldProblemSchema = z.object({ field: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

export const InvalidFieldsResponseSchema = z.object({ error: z.string(), fields: z.array(FieldProblemSchema) });
export type InvalidFieldsResponse = z.infer<typeof InvalidFieldsResponseSchema>;
