// Journal entries (social documentation). A signed entry is never changed or
// deleted; a correction is a new entry that points at the one it corrects.
import { z } from 'zod/mini';
import { IdSchema, InstantSchema } from './ids';
import { LifeAreaSchema } from './insatser';

export const JOURNAL_STATUSES = ['draft', 'signed'] as const;
export const JournalStatusSchema = z.enum(JOURNAL_STATUSES);

export const MAX_JOURNAL_TEXT_CHARS = 10_000;

export const JournalEntrySchema = z.object({
  id: IdSchema,
  brukareId: IdSchema,
  authorId: IdSchema,
  authorName: z.string(),
  createdAt: InstantSchema,
  visitId: z.optional(IdSchema),
  lifeArea: z.optional(LifeAreaSchema),
  text: z.string().check(z.maxLength(MAX_JOURNAL_TEXT_CHARS)),
  status: JournalStatusSchema,
  signedAt: z.optional(InstantSchema),
  correctsId: z.optional(IdSchema),
  /** A structured entry made by the app: the recipient's sign-off of a visit (its id). */
  signOffId: z.optional(IdSchema),
  /** For a signed entry: false when its signed content was altered after signing (tampering). */
  verified: z.optional(z.boolean()),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;
