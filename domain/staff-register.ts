// The staff register (personalregistret): people, roles, teams, working hours,
// and competences and delegations with the last day they count. A nurse's
// delegation is written for a period; once it has run out it no longer counts
// in the planning checks, and the board warns a week before. Who may change
// whom is decided here, for the server's routes (docs/ARCHITECTURE.md) and the
// register page alike; the request bodies are in staff-requests.ts.
//
// A competence is held when it is in `competences` or named in `validUntil`
// (the team staff list sends only today's competences in `competences`, and
// every dated one, expired or not, in `validUntil`); it counts on a date when
// it is held and its last day, if it has one, is not before that date.
import { z } from 'zod/mini';
import { addDays } from './dates';
import { DateSchema, IdSchema, TimeOfDaySchema } from './ids';
import { CompetenceSchema, type Competence } from './insatser';
import { ROLES, RoleSchema, type Role, type Staff } from './team';

/** How many days ahead of a delegation's last day the board warns. */
export const EXPIRY_WARNING_DAYS = 7;

/** Competence → its last valid day (YYYY-MM-DD, inclusive), as on StaffSchema. */
export type CompetenceExpiry = NonNullable<Staff['validUntil']>;

/** One competence in the register, with the last day it counts when it ends. */
export const CompetenceGrantSchema = z.object({ competence: CompetenceSchema, validUntil: z.optional(DateSchema) });
export type CompetenceGrant = z.infer<typeof CompetenceGrantSchema>;

/** Whoever holds competences: a stored staff member, or a row of a team's staff list. */
export type CompetenceHolder = { competences: readonly Competence[]; validUntil?: CompetenceExpiry | undefined };

/** A competence that runs out soon, for the board's warning. */
export type Expiring = { competence: Competence; validUntil: string };

/**
 * The register's order of competences: every one of them (the type makes sure),
 * kept here rather than read from COMPETENCES so that the browser's start-up
 * bundle, which holds insatser.ts, does not have to export it to lazy pages.
 */
const IN_REGISTER: Readonly<Record<Competence, true>> = { insulin_delegation: true, medication_delegation: true, lift_training: true };
export const REGISTER_COMPETENCES = Object.keys(IN_REGISTER) as Competence[];

/** Every competence held, counting or not, in the register's order. */
export function heldCompetences(holder: CompetenceHolder): Competence[] {
  const dated = holder.validUntil ?? {};
  return REGISTER_COMPETENCES.filter((c) => holder.competences.includes(c) || dated[c] !== undefined);
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
  const competences = REGISTER_COMPETENCES.filter((c) => grants.some((g) => g.competence === c));
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

/** The roles the actor may give someone: only admins make admins. */
export function assignableRoles(actor: Pick<Actor, 'role'>): Role[] {
  return ROLES.filter((role) => role !== 'admin' || actor.role === 'admin');
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
