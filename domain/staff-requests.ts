// The staff register's request bodies (POST /api/staff, PUT /api/staff/:id),
// parsed by the server, which names every wrong field in its 400. Kept apart
// from staff-register.ts, which the browser loads: zod is bundled with the
// browser's start-up libraries, so every zod feature a lazy page uses (refine,
// regex, trim) would be paid for at start-up; the register page leaves these
// checks to the server and shows its answer field by field.
import { z } from 'zod/mini';
import { IdSchema, TimeOfDaySchema } from './ids';
import { CompetenceGrantSchema } from './staff-register';
import { RoleSchema, type Role } from './team';

/** Sign-in names: what people type on a tablet, so lower case, no spaces. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const MIN_PASSWORD_CHARS = 10;
const MAX_TEAMS = 20;

const unique = (values: readonly string[]) => new Set(values).size === values.length;

const WorkHoursSchema = z
  .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .check(z.refine((h) => h.end > h.start, { message: 'must be after the start', path: ['end'], when: (payload) => payload.issues.length === 0 }));

const editable = {
  // The server stores the name trimmed.
  name: z.string().check(z.refine((v) => v.trim() !== '', 'required'), z.maxLength(200)),
  role: RoleSchema,
  teamIds: z.array(IdSchema).check(z.maxLength(MAX_TEAMS), z.refine(unique, 'each team once')),
  workHours: z.optional(WorkHoursSchema),
  competences: z.array(CompetenceGrantSchema).check(z.refine((gs) => unique(gs.map((g) => g.competence)), 'each competence once')),
};

/** Caregivers and schedulers belong to a team; an admin need not. Checked even when other fields are wrong. */
const teamNeeded = z.refine<{ role: Role; teamIds: string[] }>((s) => s.role === 'admin' || s.teamIds.length > 0, {
  message: 'at least one team',
  path: ['teamIds'],
  when: (payload) => payload.issues.every((i) => i.path?.[0] !== 'role' && i.path?.[0] !== 'teamIds'),
});

/** POST /api/staff: a new person, with the first password the admin or team lead gives them. */
export const StaffCreateSchema = z
  .object({
    username: z.string().check(z.regex(USERNAME_PATTERN, '2–64 lower-case letters, digits, dots, dashes or underscores')),
    password: z.string().check(z.minLength(MIN_PASSWORD_CHARS, `at least ${MIN_PASSWORD_CHARS} characters`), z.maxLength(200)),
    ...editable,
  })
  .check(teamNeeded);
export type StaffCreate = z.infer<typeof StaffCreateSchema>;

/** PUT /api/staff/:id: everything the register edits (not the username or password); workHours left out means none. */
export const StaffUpdateSchema = z.object(editable).check(teamNeeded);
export type StaffUpdate = z.infer<typeof StaffUpdateSchema>;
