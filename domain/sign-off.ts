// The recipient's sign-off (kvittens) of a visit: with pictograms, in their own
// language, without reading or typing. A sign-off is part of the visit's
// record and is never changed once given; another one can only be added
// alongside. The recipient may decline to sign, or (by their settings) not
// sign digitally at all.
import { z } from 'zod/mini';
import { IdSchema, InstantSchema } from './ids';
import type { JournalEntry } from './journal';

/** Languages the sign-off screen speaks; anything else falls back to Swedish. */
export const SIGN_OFF_LANGUAGES = ['sv', 'en', 'fi', 'ar', 'fa', 'so'] as const;
export type SignOffLanguage = (typeof SIGN_OFF_LANGUAGES)[number];
const RIGHT_TO_LEFT: ReadonlySet<SignOffLanguage> = new Set(['ar', 'fa']);

/** The sign-off language for a recipient's preferred language (e.g. "ar", "fi-FI"); Swedish when not supported. */
export function signOffLanguage(preferred: string): SignOffLanguage {
  const base = preferred.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (SIGN_OFF_LANGUAGES as readonly string[]).includes(base) ? (base as SignOffLanguage) : 'sv';
}

export function isRightToLeft(language: SignOffLanguage): boolean {
  return RIGHT_TO_LEFT.has(language);
}

export const MOODS = ['good', 'so_so', 'bad'] as const;
export const MoodSchema = z.enum(MOODS);
export type Mood = z.infer<typeof MoodSchema>;

/** How a recipient takes part in sign-off (part of their profile). */
export const SignOffSettingsSchema = z.object({
  /** false: the recipient does not sign digitally; the visit shows "does not sign" and the mode is skipped. */
  digital: z.boolean(),
  pictograms: z.boolean(),
  readAloud: z.boolean(),
  largeText: z.boolean(),
});
export type SignOffSettings = z.infer<typeof SignOffSettingsSchema>;
export const DEFAULT_SIGN_OFF_SETTINGS: SignOffSettings = { digital: true, pictograms: true, readAloud: true, largeText: false };

export const SignOffItemSchema = z.object({ insatsId: IdSchema, done: z.boolean() });

export const SignOffSchema = z
  .object({
    id: IdSchema,
    visitId: IdSchema,
    brukareId: IdSchema,
    at: InstantSchema,
    /** The caregiver present, who handed over the tablet. */
    caregiverId: IdSchema,
    /** The language the screen was shown in. */
    language: z.enum(SIGN_OFF_LANGUAGES),
    /** signed: the recipient confirmed; declined: "I don't want to sign". */
    outcome: z.enum(['signed', 'declined']),
    /** Per insats: was it done, in the recipient's view (empty when declined). */
    items: z.array(SignOffItemSchema),
    mood: z.optional(MoodSchema),
    /** "I want to talk to someone": a message goes to the team's schedulers. */
    wantsToTalk: z.boolean(),
  })
  .check(
    z.refine((s) => s.outcome === 'signed' || (s.items.length === 0 && s.mood === undefined), {
      message: 'a declined sign-off carries no answers',
      path: ['outcome'],
    }),
  );
export type SignOff = z.infer<typeof SignOffSchema>;

/** A one-line summary in Swedish for the scheduler and the journal. */
export function signOffSummary(s: SignOff, titleOf: (insatsId: string) => string): string {
  if (s.outcome === 'declined') return `Brukaren ville inte signera.${s.wantsToTalk ? ' Vill prata med någon.' : ''}`;
  const mood = s.mood ? ` Besöket var ${{ good: 'bra', so_so: 'sådär', bad: 'dåligt' }[s.mood]}.` : '';
  const notDone = s.items.filter((i) => !i.done).map((i) => titleOf(i.insatsId));
  const done = notDone.length === 0 ? ' Allt gjort.' : ` Inte gjort enligt brukaren: ${notDone.join(', ')}.`;
  return `Brukaren signerade besöket.${done}${mood}${s.wantsToTalk ? ' Vill prata med någon.' : ''}`;
}

/**
 * The sign-off as a structured journal entry: signed at once (it is the
 * recipient's own statement, recorded by the app), written by the caregiver
 * present, pointing at the visit and the sign-off.
 */
export function signOffJournalEntry(s: SignOff, caregiverName: string, titleOf: (insatsId: string) => string): JournalEntry {
  return {
    id: `so-${s.id}`,
    brukareId: s.brukareId,
    authorId: s.caregiverId,
    authorName: caregiverName,
    createdAt: s.at,
    visitId: s.visitId,
    text: signOffSummary(s, titleOf),
    status: 'signed',
    signedAt: s.at,
    signOffId: s.id,
  };
}
