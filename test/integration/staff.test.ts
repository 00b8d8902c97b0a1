// The staff register (issue 7), against the real server: admins and team
// leads (a team's schedulers) list, add and change people; every wrong field
// is named; caregivers, and team leads reaching outside their teams, are
// refused; a username is only used once; each change is in the audit log
// without personal data; a delegation past its last day no longer counts in
// the team's staff list that the planning board checks against; a team change
// counts at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocsResponseSchema, StaffRegisterSchema, addDays, type StaffRegister } from '../../domain';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import { getJson, postJson, stopServer, today } from './helpers';

let server: TestServer;
let admin: string;
let leadNorr: string;
let anna: string;

beforeAll(async () => {
  server = await startTestServer();
  const tokenOf = async (username: string) => (await login(server.url, username)).token;
  admin = await tokenOf('admin');
  leadNorr = await tokenOf('planerare-norr');
  anna = await tokenOf('anna');
});

afterAll(async () => {
  await stopServer(server);
});

type Answer = { status: number; body: unknown };

const send = (method: 'POST' | 'PUT', path: string, body: unknown, token: string | null): Promise<Answer> => postJson(server, path, body, { token, method });

async function register(token: string): Promise<StaffRegister> {
  const res = await getJson(server, '/api/staff', token);
  expect(res.status).toBe(200);
  return StaffRegisterSchema.parse(res.body);
}

type TeamStaffRow = { id: string; name: string; role: string; competences: string[]; workHours?: unknown; validUntil?: Record<string, string> };
async function teamStaff(teamId: string, token: string): Promise<TeamStaffRow[]> {
  const res = await getJson(server, `/api/teams/${teamId}/staff`, token);
  expect(res.status).toBe(200);
  return (res.body as { staff: TeamStaffRow[] }).staff;
}

type AuditRow = { seq: number; action: string; actor_id: string | null; subject_kind: string | null; subject_id: string | null; detail: string };
async function auditRows(): Promise<AuditRow[]> {
  const res = await fetch(`${server.url}/api/audit/export`, { headers: { authorization: `Bearer ${admin}` } });
  expect(res.status).toBe(200);
  return (await res.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditRow);
}

const newPerson = {
  username: 'sara.n',
  password: 'ett-långt-lösenord',
  name: 'Sara Nyström',
  role: 'caregiver',
  teamIds: ['norr'],
  workHours: { start: '07:00', end: '16:00' },
  competences: [{ competence: 'insulin_delegation', validUntil: addDays(today(), 3) }, { competence: 'lift_training' }],
};

describe('GET /api/staff', () => {
  it('gives admins everyone and every team, without credentials', async () => {
    const all = await register(admin);
    expect(all.staff.map((s) => s.id)).toEqual(expect.arrayContaining(['anna', 'cecilia', 'planerare-norr', 'admin']));
    expect(all.teams.map((t) => t.id)).toEqual(['norr', 'soder']);
    expect(all.staff.find((s) => s.id === 'anna')).toMatchObject({ username: 'anna', role: 'caregiver', teamIds: ['norr'], workHours: { start: '07:00', end: '16:00' } });
    // The seed gives Fatima an insulin delegation that runs out this week.
    expect(all.staff.find((s) => s.id === 'fatima')?.competences).toEqual([{ competence: 'insulin_delegation', validUntil: addDays(today(), 3) }, { competence: 'medication_delegation' }]);
    const raw = await getJson(server, '/api/staff', admin);
    expect(JSON.stringify(raw.body)).not.toMatch(/hash|scrypt|password/i);
  });

  it("gives a team lead the people of their own team only, admins left out", async () => {
    const mine = await register(leadNorr);
    const ids = mine.staff.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['anna', 'fatima', 'planerare-norr']));
    expect(ids).not.toContain('cecilia');
    expect(ids).not.toContain('admin');
    expect(mine.teams.map((t) => t.id)).toEqual(['norr']);
  });

  it('refuses caregivers, and answers 401 without a token', async () => {
    expect((await getJson(server, '/api/staff', anna)).status).toBe(403);
    expect((await getJson(server, '/api/staff')).status).toBe(401);
  });
});

describe('POST /api/staff', () => {
  let saraId = '';

  it('a team lead adds a person to their team, who can then sign in; the team list and the audit log have them', async () => {
    const res = await send('POST', '/api/staff', newPerson, leadNorr);
    expect(res.status).toBe(201);
    saraId = (res.body as { id: string }).id;
    expect(saraId).toMatch(/^u-[0-9a-f]{12}$/);

    const sara = await login(server.url, 'sara.n', 'ett-långt-lösenord');
    expect(sara.user).toMatchObject({ id: saraId, teamIds: ['norr'] });

    expect((await register(leadNorr)).staff.find((s) => s.id === saraId)).toEqual({
      id: saraId,
      username: 'sara.n',
      name: 'Sara Nyström',
      role: 'caregiver',
      teamIds: ['norr'],
      workHours: { start: '07:00', end: '16:00' },
      competences: [{ competence: 'insulin_delegation', validUntil: addDays(today(), 3) }, { competence: 'lift_training' }],
    });
    expect((await teamStaff('norr', anna)).find((s) => s.id === saraId)).toEqual({
      id: saraId,
      name: 'Sara Nyström',
      role: 'caregiver',
      competences: ['insulin_delegation', 'lift_training'],
      workHours: { start: '07:00', end: '16:00' },
      validUntil: { insulin_delegation: addDays(today(), 3) },
    });

    const created = (await auditRows()).filter((r) => r.action === 'staff_created' && r.subject_id === saraId);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actor_id: 'planerare-norr', subject_kind: 'user' });
    expect(JSON.parse(created[0]?.detail ?? '{}')).toEqual({ role: 'caregiver', teamIds: 'norr', competences: 'insulin_delegation,lift_training' });
    expect(created[0]?.detail).not.toMatch(/Sara|Nyström|sara\.n|lösenord/);
  });

  it('names every wrong field in a 400, and makes no one', async () => {
    const before = (await register(admin)).staff.length;
    const res = await send(
      'POST',
      '/api/staff',
      {
        username: 'Sara N',
        password: 'kort',
        name: '',
        role: 'boss',
        teamIds: ['Norr'],
        workHours: { start: '16:00', end: '07:00' },
        competences: [{ competence: 'karate' }, { competence: 'lift_training', validUntil: '30/9' }],
      },
      admin,
    );
    expect(res.status).toBe(400);
    const body = res.body as { error: string; fields: { field: string; message: string }[] };
    expect(body.fields.map((f) => f.field).sort()).toEqual(
      ['username', 'password', 'name', 'role', 'teamIds.0', 'workHours.end', 'competences.0.competence', 'competences.1.validUntil'].sort(),
    );
    for (const f of body.fields) expect(body.error).toContain(f.field);

    // A caregiver needs a team; an unknown team is named; a body that is not JSON is refused.
    expect(((await send('POST', '/api/staff', { ...newPerson, username: 'ny1', teamIds: [] }, admin)).body as { fields: unknown }).fields).toEqual([{ field: 'teamIds', message: 'at least one team' }]);
    expect((await send('POST', '/api/staff', { ...newPerson, username: 'ny2', teamIds: ['norr', 'ost'] }, admin)).body).toMatchObject({ fields: [{ field: 'teamIds.1', message: 'no such team' }] });
    expect((await send('POST', '/api/staff', '{"name": ', admin)).status).toBe(400);
    expect((await register(admin)).staff.length).toBe(before);
  });

  it('answers 409 for a username that is taken', async () => {
    const res = await send('POST', '/api/staff', { ...newPerson, username: 'anna' }, admin);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'username_taken', fields: [{ field: 'username', message: 'already taken' }] });
  });

  it('refuses caregivers, and team leads adding people to other teams or making admins', async () => {
    expect((await send('POST', '/api/staff', { ...newPerson, username: 'ny3' }, anna)).status).toBe(403);
    expect((await send('POST', '/api/staff', { ...newPerson, username: 'ny4', teamIds: ['soder'] }, leadNorr)).status).toBe(403);
    expect((await send('POST', '/api/staff', { ...newPerson, username: 'ny5', teamIds: ['norr', 'soder'] }, leadNorr)).status).toBe(403);
    expect((await send('POST', '/api/staff', { ...newPerson, username: 'ny6', role: 'admin' }, leadNorr)).status).toBe(403);
    expect((await send('POST', '/api/staff', { ...newPerson, username: 'ny7' }, null)).status).toBe(401);
    // An admin may make one.
    expect((await send('POST', '/api/staff', { ...newPerson, username: 'ny8', role: 'admin', teamIds: [] }, admin)).status).toBe(201);
  });
});

describe('PUT /api/staff/:id', () => {
  const bo = {
    name: 'Bo Ekström',
    role: 'caregiver',
    teamIds: ['norr'],
    workHours: { start: '07:00', end: '16:00' },
    competences: [{ competence: 'lift_training' }, { competence: 'medication_delegation' }],
  };

  it('a delegation past its last day is no longer among the competences the board checks against', async () => {
    expect((await teamStaff('norr', anna)).find((s) => s.id === 'bo')?.competences).toEqual(['medication_delegation', 'lift_training']);
    const yesterday = addDays(today(), -1);
    const res = await send('PUT', '/api/staff/bo', { ...bo, competences: [{ competence: 'lift_training' }, { competence: 'medication_delegation', validUntil: yesterday }] }, leadNorr);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'bo', changed: ['competences'] });
    const row = (await teamStaff('norr', anna)).find((s) => s.id === 'bo');
    expect(row?.competences).toEqual(['lift_training']);
    // Still named with its last day, so that the board can look back at days it counted.
    expect(row?.validUntil).toEqual({ medication_delegation: yesterday });

    const updated = (await auditRows()).filter((r) => r.action === 'staff_updated' && r.subject_id === 'bo');
    expect(updated).toHaveLength(1);
    expect(updated[0]?.actor_id).toBe('planerare-norr');
    expect(JSON.parse(updated[0]?.detail ?? '{}')).toEqual({ fields: 'competences' });
  });

  it('the same again changes nothing and logs nothing; a change of name and hours is logged by field name only', async () => {
    const count = async () => (await auditRows()).filter((r) => r.action === 'staff_updated' && r.subject_id === 'bo').length;
    const before = await count();
    const same = { ...bo, competences: [{ competence: 'lift_training' }, { competence: 'medication_delegation', validUntil: addDays(today(), -1) }] };
    expect((await send('PUT', '/api/staff/bo', same, leadNorr)).body).toEqual({ id: 'bo', changed: [] });
    expect(await count()).toBe(before);
    const res = await send('PUT', '/api/staff/bo', { ...same, name: 'Bo Ekström-Lind', workHours: { start: '08:00', end: '17:00' } }, leadNorr);
    expect(res.body).toEqual({ id: 'bo', changed: ['name', 'workHours'] });
    const last = (await auditRows()).filter((r) => r.action === 'staff_updated' && r.subject_id === 'bo').at(-1);
    expect(JSON.parse(last?.detail ?? '{}')).toEqual({ fields: 'name,workHours' });
    expect(last?.detail).not.toMatch(/Ekström/);
  });

  it('names every wrong field in a 400', async () => {
    const res = await send('PUT', '/api/staff/bo', { name: '', role: 'caregiver', teamIds: 'norr', workHours: { start: '7', end: '16:00' }, competences: [{ competence: 'lift_training' }, { competence: 'lift_training' }] }, leadNorr);
    expect(res.status).toBe(400);
    expect((res.body as { fields: { field: string }[] }).fields.map((f) => f.field).sort()).toEqual(['competences', 'name', 'teamIds', 'workHours.start']);
  });

  it('refuses caregivers, team leads reaching into other teams or making admins, and answers 404 for no one', async () => {
    expect((await send('PUT', '/api/staff/bo', bo, anna)).status).toBe(403);
    expect((await send('PUT', '/api/staff/cecilia', { ...bo, name: 'Cecilia Ahmadi', teamIds: ['soder'] }, leadNorr)).status).toBe(403);
    expect((await send('PUT', '/api/staff/bo', { ...bo, teamIds: ['norr', 'soder'] }, leadNorr)).status).toBe(403);
    expect((await send('PUT', '/api/staff/bo', { ...bo, role: 'admin' }, leadNorr)).status).toBe(403);
    expect((await send('PUT', '/api/staff/admin', { ...bo, name: 'Olof Admin', role: 'admin', teamIds: [] }, leadNorr)).status).toBe(403);
    expect((await send('PUT', '/api/staff/nobody', bo, admin)).status).toBe(404);
    expect((await send('PUT', '/api/staff/NOT%20AN%20ID', bo, admin)).status).toBe(404);
    // Nobody changes their own role.
    const own = await send('PUT', '/api/staff/planerare-norr', { name: 'Maria Sjöberg', role: 'caregiver', teamIds: ['norr'], competences: [] }, leadNorr);
    expect(own.status).toBe(400);
    expect(own.body).toMatchObject({ fields: [{ field: 'role' }] });
  });

  it('a team change counts at once: the person gets the new team’s docs and loses the old team’s', async () => {
    const dalia = (await login(server.url, 'dalia')).token;
    const docsOf = async (token: string) => DocsResponseSchema.parse((await getJson(server, '/api/docs', token)).body).docs;
    expect((await docsOf(dalia)).some((d) => d.includes('soder'))).toBe(false);
    const res = await send('PUT', '/api/staff/dalia', { name: 'Dalia Haddad', role: 'caregiver', teamIds: ['soder'], workHours: { start: '07:00', end: '16:00' }, competences: [{ competence: 'medication_delegation' }] }, admin);
    expect(res.body).toEqual({ id: 'dalia', changed: ['teamIds'] });
    const docs = await docsOf(dalia);
    expect(docs.some((d) => d.includes('soder'))).toBe(true);
    expect(docs.some((d) => d.includes('norr'))).toBe(false);
    expect((await getJson(server, '/api/teams/norr/staff', dalia)).status).toBe(403);
    // And she has left the norr team lead's register.
    expect((await register(leadNorr)).staff.map((s) => s.id)).not.toContain('dalia');
    const last = (await auditRows()).filter((r) => r.action === 'staff_updated' && r.subject_id === 'dalia').at(-1);
    expect(last).toMatchObject({ actor_id: 'admin' });
    expect(JSON.parse(last?.detail ?? '{}')).toEqual({ fields: 'teamIds', teamIds: 'soder' });
  });
});
