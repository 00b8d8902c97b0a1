// The parts of the recipient's card (brukarens kort) beyond name, address and
// door: the roles relatives have, the "who is who" around the recipient, and
// the end of their service. Kept out of brukare.ts so that the schemas load
// with the pages that use them. Every field that uses these is optional in the
// profile, so records written before them stay valid.
import { z } from 'zod/mini';
import { DateSchema, IdSchema, InstantSchema } from './ids';

/**
 * What a relative or other private contact is to the recipient, besides the
 * free-text relation ("dotter", "granne"): next of kin (närmast anhörig), a
 * court-appointed guardian or trustee (god man, förvaltare), the one to call
 * first when something happens. A contact may have several.
 */
export const CONTACT_ROLES = ['next_of_kin', 'guardian', 'call_first'] as const;
export const ContactRoleSchema = z.enum(CONTACT_ROLES);
export type ContactRole = z.infer<typeof ContactRoleSchema>;

/** Professionals around the recipient: the municipality's needs assessor, the district nurse, others. */
export const WHO_IS_WHO_ROLES = ['needs_assessor', 'district_nurse', 'other'] as const;
export const WhoIsWhoRoleSchema = z.enum(WHO_IS_WHO_ROLES);

export const WhoIsWhoSchema = z.object({
  role: WhoIsWhoRoleSchema,
  name: z.string().check(z.minLength(1)),
  phone: z.optional(z.string()),
  /** Which role for "other" (e.g. "Arbetsterapeut"), or where they work. */
  detail: z.optional(z.string()),
});
export type WhoIsWho = z.infer<typeof WhoIsWhoSchema>;

/** Why a recipient's service ended. */
export const SERVICE_END_REASONS = ['moved', 'deceased', 'residential_care'] as const;
export const ServiceEndReasonSchema = z.enum(SERVICE_END_REASONS);
export type ServiceEndReason = z.infer<typeof ServiceEndReasonSchema>;

/**
 * The end of the recipient's service: from `on` (the first day without
 * service) no visits are planned; `retentionDays` after it the devices drop
 * the recipient's documents (the server keeps its copy). Written by the server.
 */
export const ServiceEndedSchema = z.object({
  reason: ServiceEndReasonSchema,
  on: DateSchema,
  /** Who ended it (staff id), and when. */
  by: IdSchema,
  at: InstantSchema,
});
export type ServiceEnded = z.infer<typeof ServiceEndedSchema>;

/** The body of POST /api/recipients/:id/end. */
export const EndServiceRequestSchema = z.object({ reason: ServiceEndReasonSchema, on: DateSchema });
export type EndServiceRequest = z.infer<typeof EndServiceRequestSchema>;

/** Whether the recipient still receives service on `date` (YYYY-MM-DD). */
export function serviceActiveOn(recipient: { serviceEnded?: { on: string } | undefined }, date: string): boolean {
  return recipient.serviceEnded === undefined || date < recipient.serviceEnded.on;
}
