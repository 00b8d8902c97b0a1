// The staff register (personalregistret): people, roles, teams, working hours,
// and competences and delegations with the last day they count. A nurse's
// delegation is written for a period; once it has run out it no longer counts
// in the planning checks, and the board warns a week before. The register's
// request bodies and who may change whom are decided here, for the server's
// routes (docs/ARCHITECTURE.md) and the register page alike.
//
// A competence is held when it is in `competences` or named in `validUntil`
// (the team staff list sends only today's competences in `competences`, and
// every dated one, expired or not, in `validUntil`); it counts on a date when
// it is held and its last day, if it has one, is not before that date.
import { z } from 'zod/mini';
import { addDays } from './dates';
import { DateSchema, IdSchema, TimeOfDaySchema } from './ids';
import { COMPETENCES, CompetenceSchema, type Competence } from './insatser';
import { RoleSchema, StaffSchema, type Role, type Staff } from './team';

/** How many days ahead of a delegation's last day the board warns. */
export const EXPIRY_WARNING_DAYS = 7;

/** Competence → its last valid day (YYYY-MM-DD, inclusive); optional, as on StaffSchema. */
export const CompetenceExpirySchema = StaffSchema.shape.validUntil;
export type CompetenceExpiry = NonNullable<Staff['validUntil']>;

/** One competence in the register, with the last day it counts when it ends. */
export const CompetenceGrantSchema = z.object({ competence: CompetenceSchema, validUntil: z.optional(DateSchema) });
export type CompetenceGrant = z.infer<typeof CompetenceGrantSchema>;

/** Whoever holds competences: a stored staff member, or a row of a team's staff list. */
export type CompetenceHolder = { competences: readonly Competence[]; validUntil?: CompetenceExpiry | undefined };

/** A competence that runs out soon, for the board's warning. */
export type Expiring = { competence: Competence; validUntil: string };

/** Every competence held, counting or not, in catalogue order. */
export function heldCompetences(holder: CompetenceHolder): Competence[] {
  const dated = holder.validUntil ?? {};
  return COMPETENCES.filter((c) => holder.competences.includes(c) || dated[c] !== undefined);
}

/** What counts on `date`: the competences held whose last day, if any, is not before it. */
export function competencesOn(holder: CompetenceHolder, date: string): Competence[] {
  const dated = holder.validUntil ?? {};
  return heldCompetences(holder).filter((c) => {
    const last = dated[c];
    return last === undefined || last >= date;
  });
}

/** Competences whose last day is `date` or within `days` after it, soonest first. */
export function expiringWithin(holder: CompetenceHolder, date: string, days: number = EXPIRY_WARNING_DAYS): Expiring[] {
  const until = addDays(date, days);
  const dated = holder.validUntil ?? {};
  const out: Expiring[] = [];
  for (const competence of heldCompetences(holder)) {
    const last = dated[competence];
    if (last !== undefined && last >= date && last <= until) out.push({ competence, validUntil: last });
  }
  return out.sort((a, b) => a.validUntil.localeCompare(b.validUntil));
}

/** The register's view of someone's competences: one entry each, with its last day when it has one. */
export function grantsOf(holder: CompetenceHolder): CompetenceGrant[] {
  const dated = holder.validUntil ?? {};
  return heldCompetences(holder).map((competence) => {
    const last = dated[competence];
    return last === undefined ? { competence } : { competence, validUntil: last };
  });
}

/** The stored form of the register's competences: held ones, and the last days of those that end. */
export function fromGrants(grants: readonly CompetenceGrant[]): { competences: Competence[]; validUntil?: CompetenceExpiry } {
  const competences = COMPETENCES.filter((c) => grants.some((g) => g.competence === c));
  const validUntil: CompetenceExpiry = {};
  for (const g of grants) if (g.validUntil !== undefined) validUntil[g.competence] = g.validUntil;
  return Object.keys(validUntil).length > 0 ? { competences, validUntil } : { competences };
}

/** A row of GET /api/teams/:teamId/staff: `competences` are those counting `today`, `validUntil` every dated one. */
export type TeamStaffEntry = { id: string; name: string; role: Role; competences: Competence[]; workHours?: { start: string; end: string }; validUntil?: CompetenceExpiry };

export function teamStaffEntry(staff: Staff, today: string): TeamStaffEntry {
  const dated = staff.validUntil ?? {};
  return {
    id: staff.id,
    name: staff.name,
    role: staff.role,
    competences: competencesOn(staff, today),
    ...(staff.workHours ? { workHours: staff.workHours } : {}),
    ...(Object.keys(dated).length > 0 ? { validUntil: dated } : {}),
  };
}

// --- Request bodies -----------------------------------------------------------

/** Sign-in names: what people type on a tablet, so lower case, no spaces. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const MIN_PASSWORD_CHARS = 10;
const MAX_TEAMS = 20;

const unique = (values: readonly string[]) => new Set(values).size === values.length;

const WorkHoursSchema = z
  .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .check(z.refine((h) => h.end > h.start, { message: 'must be after the start', path: ['end'], when: (payload) => payload.issues.length === 0 }));

const editable = {
  name: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(200)),
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

/** A row of GET /api/staff (never credentials). */
export const StaffRegisterEntrySchema = z.object({
  id: IdSchema,
  username: z.string(),
  name: z.string(),
  role: RoleSchema,
  teamIds: z.array(IdSchema),
  workHours: z.optional(z.object({ start: TimeOfDaySchema, end: TimeOfDaySchema })),
  competences: z.array(CompetenceGrantSchema),
});
export type StaffRegisterEntry = z.infer<typeof StaffRegisterEntrySchema>;

/** GET /api/staff: the people the caller may manage, and the teams they may put people in. */
export const StaffRegisterSchema = z.object({
  staff: z.array(StaffRegisterEntrySchema),
  teams: z.array(z.object({ id: IdSchema, name: z.string() })),
});
export type StaffRegister = z.infer<typeof StaffRegisterSchema>;

export function registerEntry(staff: Staff): StaffRegisterEntry {
  return {
    id: staff.id,
    username: staff.username,
    name: staff.name,
    role: staff.role,
    teamIds: staff.teamIds,
    ...(staff.workHours ? { workHours: staff.workHours } : {}),
    competences: grantsOf(staff),
  };
}

// --- Who may change whom ------------------------------------------------------
// Admins manage everyone. A team's schedulers are its team leads: they manage
// the people of their own teams, but not admins, never make anyone an admin,
// and leave other teams' memberships as they were.

type Actor = { role: Role; teamIds: readonly string[] };
type Person = { role: Role; teamIds: readonly string[] };

/** May this user use the register at all? */
export function managesStaff(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'scheduler';
}

/** May the actor see and edit this person? */
export function mayManage(actor: Actor, person: Person): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'scheduler' || person.role === 'admin') return false;
  return person.teamIds.some((t) => actor.teamIds.includes(t));
}

/** Why the actor may not make `after` of `before` (null: a new person), or null when they may. */
export function refusedChange(actor: Actor, before: Person | null, after: Person): string | null {
  if (actor.role === 'admin') return null;
  if (actor.role !== 'scheduler') return 'only admins and team leads (schedulers) manage staff';
  if (before && !mayManage(actor, before)) return 'this person is not in your teams';
  if (after.role === 'admin') return 'only admins may make someone an admin';
  const others = (teams: readonly string[]) => teams.filter((t) => !actor.teamIds.includes(t)).sort().join();
  if (others(after.teamIds) !== others(before?.teamIds ?? [])) return 'you may only change membership of your own teams';
  if (before === null && after.teamIds.length === 0) return 'a new person must join one of your teams';
  return null;
}

/** The register's fields that differ between two versions of a person, for the audit log. */
export function changedFields(before: Staff, after: Staff): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const fields: string[] = [];
  if (before.name !== after.name) fields.push('name');
  if (before.role !== after.role) fields.push('role');
  if (!same([...before.teamIds].sort(), [...after.teamIds].sort())) fields.push('teamIds');
  if (!same(before.workHours ?? null, after.workHours ?? null)) fields.push('workHours');
  if (!same(grantsOf(before), grantsOf(after))) fields.push('competences');
  return fields;
}
