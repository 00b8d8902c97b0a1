// The care recipient (brukare): profile, door info and the care plan per insats.
import { z } from 'zod/mini';
import { IdSchema, TimeOfDaySchema } from './ids';
import { CompetenceSchema, InsatsTypeSchema, LifeAreaSchema } from './insatser';
import { ContactRoleSchema, ServiceEndedSchema, WhoIsWhoSchema } from './recipient-card';
import { SignOffSettingsSchema } from './sign-off';

export const ContactSchema = z.object({
  name: z.string().check(z.minLength(1)),
  relation: z.string(),
  phone: z.string(),
  /** Next of kin, guardian, call first (recipient-card.ts); absent: none. */
  roles: z.optional(z.array(ContactRoleSchema)),
});
export type Contact = z.infer<typeof ContactSchema>;

/** When an insats recurs: which weekdays (1 = Monday), every week or every other week. */
export const RhythmSchema = z.object({
  weekdays: z.array(z.number().check(z.int(), z.gte(1), z.lte(7))),
  everyOtherWeek: z.boolean(),
  windowStart: TimeOfDaySchema,
  windowEnd: TimeOfDaySchema,
  minutes: z.number().check(z.int(), z.gte(5), z.lte(480)),
  staffCount: z.number().check(z.int(), z.gte(1), z.lte(3)),
});
export type Rhythm = z.infer<typeof RhythmSchema>;

/** One insats of the care plan (genomförandeplan) and how it is carried out for this person. */
export const CarePlanItemSchema = z.object({
  id: IdSchema,
  type: InsatsTypeSchema,
  title: z.string().check(z.minLength(1)),
  /** What is done and how, in the recipient's own words where possible. */
  instructions: z.string(),
  /** The recipient's preferences: who, when, how. */
  preferences: z.optional(z.string()),
  lifeArea: LifeAreaSchema,
  requires: z.array(CompetenceSchema),
  rhythm: RhythmSchema,
});
export type CarePlanItem = z.infer<typeof CarePlanItemSchema>;

export const BrukareSchema = z.object({
  id: IdSchema,
  teamId: IdSchema,
  name: z.string().check(z.minLength(1)),
  /** Absent for a recipient who came in through an order (orders carry no birth year). */
  birthYear: z.optional(z.number().check(z.int(), z.gte(1900), z.lte(2100))),
  address: z.string().check(z.minLength(1)),
  phone: z.string(),
  keyInfo: z.string(),
  language: z.string().check(z.minLength(2), z.maxLength(12)),
  communicationNeeds: z.array(z.string()),
  contacts: z.array(ContactSchema),
  allergies: z.array(z.string()),
  risks: z.array(z.string()),
  goodToKnow: z.array(z.string()),
  carePlan: z.array(CarePlanItemSchema),
  /** How the recipient signs off visits (absent: the defaults, DEFAULT_SIGN_OFF_SETTINGS). */
  signOff: z.optional(SignOffSettingsSchema),
  /** The recipient's contact person among the staff (kontaktman): a staff id. */
  kontaktmanId: z.optional(IdSchema),
  /** Needs assessor, district nurse and others around the recipient. */
  whoIsWho: z.optional(z.array(WhoIsWhoSchema)),
  /** Set when the service ended (moved, deceased, residential care): no planning from `on`. */
  serviceEnded: z.optional(ServiceEndedSchema),
});
export type Brukare = z.infer<typeof BrukareSchema>;
