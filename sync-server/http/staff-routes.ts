// The staff register (GET/POST /api/staff, PUT /api/staff/:id): people, roles,
// teams, working hours, and competences with the last day they count. Admins
// manage everyone; a team's schedulers (its team leads) manage the people of
// their own teams, never admins, and never make anyone an admin
// (domain/staff-register.ts decides). Every change is attributed in the audit
// log, with the names of the fields it changed and never their contents.
// Role and team changes count at once over HTTP (each request reads the user
// again); an open multiplexed sync socket (the PWA's) drops the documents a
// person lost within a minute (server.ts re-checks every 60 s).
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import {
  IdSchema,
  StaffCreateSchema,
  StaffUpdateSchema,
  changedFields,
  fromGrants,
  managesStaff,
  mayManage,
  parseWith,
  refusedChange,
  registerEntry,
  type Staff,
  type StaffRegister,
} from '../../domain';
import { hashPassword } from '../auth/passwords';
import type { Security } from '../security';
import type { Directory } from '../store/types';
import type { AuthEnv } from './auth-middleware';
import { ApiError } from './errors';
import { fieldProblems, invalidFields, type FieldProblem } from './field-errors';
import { readJson } from './read-json';

export type StaffRouteDeps = { directory: Directory; security: Security };

const invalid = (c: { json(body: unknown, status: 400): Response }, fields: FieldProblem[]) => invalidFields(c, 'staff member', fields);

function newStaffId(): string {
  return `u-${randomBytes(6).toString('hex')}`;
}

export function staffRoutes(deps: StaffRouteDeps): Hono<AuthEnv> {
  const { directory, security } = deps;
  const app = new Hono<AuthEnv>();

  app.use(async (c, next) => {
    if (!managesStaff(c.get('user'))) throw new ApiError(403, 'only admins and team leads (schedulers) manage staff');
    await next();
  });

  /** Teams that do not exist, as field problems. */
  const unknownTeams = (teamIds: readonly string[]): FieldProblem[] => {
    const known = new Set(directory.listTeams().map((t) => t.id));
    return teamIds.flatMap((id, i) => (known.has(id) ? [] : [{ field: `teamIds.${i}`, message: 'no such team' }]));
  };

  app.get('/', (c) => {
    const user = c.get('user');
    const body: StaffRegister = {
      staff: directory
        .listUsers()
        .filter((s) => mayManage(user, s))
        .map(registerEntry),
      teams: directory.listTeams().filter((t) => user.role === 'admin' || user.teamIds.includes(t.id)),
    };
    return c.json(body);
  });

  app.post('/', async (c) => {
    const user = c.get('user');
    const parsed = StaffCreateSchema.safeParse(await readJson(c.req.raw));
    if (!parsed.success) return invalid(c, fieldProblems(parsed.error.issues));
    const input = parsed.data;
    const teams = unknownTeams(input.teamIds);
    if (teams.length > 0) return invalid(c, teams);
    const refused = refusedChange(user, null, input);
    if (refused) throw new ApiError(403, refused);
    const passwordHash = await hashPassword(input.password);
    // Checked after the (slow) hash, right before the insert, with nothing awaited between.
    if (directory.findUserByUsername(input.username)) {
      return c.json({ error: 'username already taken', code: 'username_taken', fields: [{ field: 'username', message: 'already taken' }] }, 409);
    }
    const id = newStaffId();
    const staff: Staff = {
      id,
      username: input.username,
      name: input.name.trim(),
      role: input.role,
      teamIds: input.teamIds,
      ...(input.workHours ? { workHours: input.workHours } : {}),
      ...fromGrants(input.competences),
    };
    directory.upsertUser({ ...staff, passwordHash });
    security.audit.append({
      action: 'staff_created',
      actorId: user.id,
      deviceId: c.get('deviceId'),
      subjectKind: 'user',
      subjectId: id,
      detail: { role: staff.role, teamIds: staff.teamIds.join(','), competences: staff.competences.join(',') },
    });
    return c.json({ id }, 201);
  });

  app.put('/:id', async (c) => {
    const user = c.get('user');
    const id = parseWith(IdSchema, c.req.param('id'));
    const existing = id.ok ? directory.findUserById(id.value) : undefined;
    if (!existing) throw new ApiError(404, 'no such person');
    if (!mayManage(user, existing)) throw new ApiError(403, 'this person is not in your teams');
    const parsed = StaffUpdateSchema.safeParse(await readJson(c.req.raw));
    if (!parsed.success) return invalid(c, fieldProblems(parsed.error.issues));
    const input = parsed.data;
    const teams = unknownTeams(input.teamIds);
    if (teams.length > 0) return invalid(c, teams);
    // Nobody changes their own role here: an admin cannot lock the register out by mistake.
    if (existing.id === user.id && input.role !== existing.role) return invalid(c, [{ field: 'role', message: 'you cannot change your own role' }]);
    const refused = refusedChange(user, existing, input);
    if (refused) throw new ApiError(403, refused);

    const { passwordHash, ...before } = existing;
    const grants = fromGrants(input.competences);
    const after: Staff = {
      ...before,
      name: input.name.trim(),
      role: input.role,
      teamIds: input.teamIds,
      workHours: input.workHours,
      competences: grants.competences,
      validUntil: grants.validUntil,
    };
    const changed = changedFields(before, after);
    if (changed.length === 0) return c.json({ id: existing.id, changed });
    directory.upsertUser({ ...after, passwordHash });
    security.audit.append({
      action: 'staff_updated',
      actorId: user.id,
      deviceId: c.get('deviceId'),
      subjectKind: 'user',
      subjectId: existing.id,
      detail: {
        fields: changed.join(','),
        ...(changed.includes('role') ? { role: after.role } : {}),
        ...(changed.includes('teamIds') ? { teamIds: after.teamIds.join(',') } : {}),
      },
    });
    return c.json({ id: existing.id, changed });
  });

  return app;
}
