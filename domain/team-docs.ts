// Schemas of the team documents: deviations (avvikelser), messages (handovers,
// messages to the team's schedulers, urgent help requests) and ready-made
// phrases for journal notes.
import { z } from 'zod/mini';
import { IdSchema, InstantSchema } from './ids';
import { LifeAreaSchema } from './insatser';

export const DEVIATION_CATEGORIES = ['missed_or_late', 'fall', 'medication', 'lex_sarah', 'other'] as const;
export const DeviationCategorySchema = z.enum(DEVIATION_CATEGORIES);
export type DeviationCategory = z.infer<typeof DeviationCategorySchema>;

export const DEVIATION_STATES = ['new', 'acknowledged', 'closed'] as const;

export const DeviationSchema = z.object({
  id: IdSchema,
  teamId: IdSchema,
  category: DeviationCategorySchema,
  brukareId: IdSchema,
  visitId: z.optional(IdSchema),
  whatHappened: z.string().check(z.minLength(1, 'describe what happened'), z.maxLength(4000)),
  actionTaken: z.string().check(z.maxLength(4000)),
  reportedBy: IdSchema,
  reportedByName: z.string(),
  at: InstantSchema,
});
export type Deviation = z.infer<typeof DeviationSchema>;

export const DeviationStateSchema = z.object({ state: z.enum(DEVIATION_STATES), by: IdSchema, at: InstantSchema });
export type DeviationState = z.infer<typeof DeviationStateSchema>;

export const HandoverSchema = z.object({
  id: IdSchema,
  brukareId: IdSchema,
  text: z.string().check(z.minLength(1), z.maxLength(1000)),
  authorId: IdSchema,
  authorName: z.string(),
  at: InstantSchema,
});
export type Handover = z.infer<typeof HandoverSchema>;

/** Messages go to a function (the team's schedulers) or back to one staff member. */
export const MessageSchema = z.object({
  id: IdSchema,
  fromId: IdSchema,
  fromName: z.string(),
  to: z.union([z.literal('schedulers'), IdSchema]),
  text: z.string().check(z.minLength(1), z.maxLength(2000)),
  at: InstantSchema,
  replyTo: z.optional(IdSchema),
});
export type Message = z.infer<typeof MessageSchema>;

export const HelpRequestSchema = z.object({
  id: IdSchema,
  staffId: IdSchema,
  staffName: z.string(),
  brukareId: z.optional(IdSchema),
  visitId: z.optional(IdSchema),
  note: z.optional(z.string().check(z.maxLength(500))),
  at: InstantSchema,
});
export type HelpRequest = z.infer<typeof HelpRequestSchema>;

export const PhraseSchema = z.object({
  id: IdSchema,
  text: z.string().check(z.minLength(1), z.maxLength(500)),
  lifeArea: z.optional(LifeAreaSchema),
});
export type Phrase = z.infer<typeof PhraseSchema>;
