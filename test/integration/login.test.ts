// Sign-in and the read API over real HTTP against the real server process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocsResponseSchema, LoginResponseSchema, MeResponseSchema, TeamDaySchema, brukareDocName, execDocName, planDocName } from '../../domain';
import { login, startTestServer, type TestServer } from '../fixtures/server';
import { getJson, postJson, stopServer, today } from './helpers';

describe('login and the HTTP API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await stopServer(server);
  });

  it('answers /healthz', async () => {
    const res = await getJson(server, '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it('signs anna in and returns a token with her user', async () => {
    const res = await postJson(server, '/api/login', JSON.stringify({ username: 'anna', password: 'demo' }));
    expect(res.status).toBe(200);
    const body = LoginResponseSchema.parse(res.body);
    expect(body.token.length).toBeGreaterThan(20);
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(body.user).toEqual({ id: 'anna', name: 'Anna Lindqvist', role: 'caregiver', teamIds: ['norr'] });
    // No credentials or other internals leak into the response.
    expect(JSON.stringify(res.body)).not.toMatch(/hash|password|competence/i);
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const wrong = await postJson(server, '/api/login', JSON.stringify({ username: 'anna', password: 'not-demo' }));
    const unknown = await postJson(server, '/api/login', JSON.stringify({ username: 'nobody', password: 'demo' }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).not.toHaveProperty('token');
  });

  it.each([
    ['not JSON', '{"username": "anna", '],
    ['missing password', JSON.stringify({ username: 'anna' })],
    ['empty username', JSON.stringify({ username: '', password: 'demo' })],
    ['wrong types', JSON.stringify({ username: 42, password: ['demo'] })],
    ['an array', '[]'],
  ])('answers a malformed body (%s) with 400 and a message', async (_label, body) => {
    const res = await postJson(server, '/api/login', body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.stringMatching(/\S/) });
  });

  it('serves /api/me and /api/docs with the token, and 401 without', async () => {
    const { token } = await login(server.url, 'anna');
    const me = await getJson(server, '/api/me', token);
    expect(me.status).toBe(200);
    expect(MeResponseSchema.parse(me.body).user).toEqual({ id: 'anna', name: 'Anna Lindqvist', role: 'caregiver', teamIds: ['norr'] });

    const docs = await getJson(server, '/api/docs', token);
    expect(docs.status).toBe(200);
    const parsed = DocsResponseSchema.parse(docs.body);
    const date = today();
    expect(parsed.docs).toContain(planDocName('norr', date));
    expect(parsed.docs).toContain(execDocName('norr', date));
    expect(parsed.docs).toContain(brukareDocName('norr-b01'));
    // Only her own team's documents.
    expect(parsed.docs.filter((name) => name.includes('soder'))).toEqual([]);
    expect(parsed.window.from <= date && date <= parsed.window.to).toBe(true);

    expect((await getJson(server, '/api/me')).status).toBe(401);
    expect((await getJson(server, '/api/docs', 'garbage')).status).toBe(401);
  });

  it("serves today's visits for norr, some of them anna's", async () => {
    const { token } = await login(server.url, 'anna');
    const date = today();
    const res = await getJson(server, `/api/days/norr/${date}`, token);
    expect(res.status).toBe(200);
    const day = TeamDaySchema.parse(res.body);
    expect(day.teamId).toBe('norr');
    expect(day.date).toBe(date);
    expect(day.visits.length).toBeGreaterThan(0);
    const annas = day.visits.filter((v) => v.assignedStaffIds.includes('anna'));
    expect(annas.length).toBeGreaterThan(0);
    for (const v of day.visits) {
      expect(v.teamId).toBe('norr');
      expect(v.brukareId.startsWith('norr-')).toBe(true);
      expect(v.brukareName).toBeTruthy();
      expect(v.address).toBeTruthy();
    }
    // In time order.
    const starts = day.visits.map((v) => v.plannedStart);
    expect(starts).toEqual([...starts].sort());
  });

  it("refuses another team's day (403) and a malformed date (400)", async () => {
    const { token } = await login(server.url, 'anna');
    expect((await getJson(server, `/api/days/soder/${today()}`, token)).status).toBe(403);
    const bad = await getJson(server, '/api/days/norr/tomorrow', token);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: expect.stringMatching(/date/) });
  });
});
