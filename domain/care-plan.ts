// The care plan (genomförandeplan) as versions: every change makes a new,
// immutable version with who made it and why; a version can be marked as
// agreed with the recipient (and how) and carries the date by which it is to
// be followed up. The current version is the newest one; planning reads it.
import { z } from 'zod/mini';
import { CarePlanItemSchema } from './brukare';
import { DateSchema, IdSchema, InstantSchema } from './ids';

/** How the recipient took part in agreeing the plan. */
export const AGREED_HOW = ['in_person', 'with_relative', 'with_pictograms'] as const;
export const AgreedHowSchema = z.enum(AGREED_HOW);
export type AgreedHow = z.infer<typeof AgreedHowSchema>;

export const CarePlanVersionSchema = z.object({
  id: IdSchema,
  at: InstantSchema,
  /** Staff id of the author (or the id of whoever sent the order, for a draft from an order). */
  by: IdSchema,
  byName: z.string(),
  /** Why the plan changed: required, so that the history reads as a record. */
  reason: z.string().check(z.minLength(1), z.maxLength(500)),
  items: z.array(CarePlanItemSchema),
  /** The plan is to be followed up with the recipient by this date. */
  followUpOn: DateSchema,
});
export type CarePlanVersion = z.infer<typeof CarePlanVersionSchema>;

export const CarePlanAgreementSchema = z.object({
  versionId: IdSchema,
  how: AgreedHowSchema,
  at: InstantSchema,
  by: IdSchema,
  byName: z.string(),
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type CarePlanAgreement = z.infer<typeof CarePlanAgreementSchema>;

/** A version as read: with its number (1 = the first) and its agreement, if any. */
export type CarePlanVersionView = CarePlanVersion & { number: number; agreement?: CarePlanAgreement | undefined };

/** Days from an order's start to the first follow-up of the draft plan: it is to be written with the recipient. */
export const DRAFT_FOLLOW_UP_DAYS = 14;
/** The usual interval between follow-ups of an agreed plan. */
export const FOLLOW_UP_INTERVAL_DAYS = 182;

/** Newest last: by time, then id (two versions made offline at the same instant still sort the same everywhere). */
export function compareVersions(a: Pick<CarePlanVersion, 'at' | 'id'>, b: Pick<CarePlanVersion, 'at' | 'id'>): number {
  return a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
}

export type CarePlanStatus = 'agreed' | 'not_agreed' | 'follow_up_due';

/** What the board flags: a plan past its follow-up date, or a current version not agreed with the recipient. */
export function carePlanStatus(current: Pick<CarePlanVersionView, 'followUpOn' | 'agreement'>, today: string): CarePlanStatus {
  if (current.followUpOn < today) return 'follow_up_due';
  return current.agreement ? 'agreed' : 'not_agreed';
}
