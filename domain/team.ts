// Teams and staff: who works where and in which role.
import { z } from 'zod/mini';
import { DateSchema, IdSchema, TimeOfDaySchema } from './ids';
import { CompetenceSchema } from './insatser';

export const TeamSchema = z.object({
  id: IdSchema,
  name: z.string().check(z.minLength(1)),
});
export type Team = z.infer<typeof TeamSchema>;

export const ROLES = ['caregiver', 'scheduler', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const StaffSchema = z.object({
  id: IdSchema,
  username: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.minLength(1)),
  role: RoleSchema,
  teamIds: z.array(IdSchema),
  competences: z.array(CompetenceSchema),
  /** Usual working hours on a working day (the planning checks warn about visits outside them). */
  workHours: z.optional(z.object({ start: TimeOfDaySchema, end: TimeOfDaySchema })),
  /** The last day (inclusive) a competence counts, for those that end (delegations do); see staff-register.ts. */
  validUntil: z.optional(z.partialRecord(CompetenceSchema, DateSchema)),
});
export type Staff = z.infer<typeof StaffSchema>;

/** What a client learns about the signed-in user (no credentials, no competences). */
export const SessionUserSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: RoleSchema,
  teamIds: z.array(IdSchema),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** First name only: what a recipient-facing screen may show of a staff member. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
