// The HTTP API as a Hono app, with no listening socket: tests call
// app.request() directly, server.ts wires it to Node and WebSockets.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import {
  DateSchema,
  IdSchema,
  LoginRequestSchema,
  brukareDocName,
  docAccess,
  docsForUser,
  execDocName,
  localDate,
  parseWith,
  planDocName,
  readBrukare,
  readPlannedVisits,
  readTeamDay,
  syncWindow,
  type BrukareSummary,
  type LoginResponse,
} from '../domain';
import { verifyPassword } from './auth/passwords';
import type { Tokens } from './auth/tokens';
import { requireUser, type AuthEnv } from './http/auth-middleware';
import { ApiError } from './http/errors';
import type { Logger } from './logger';
import type { RoomManager } from './rooms/room-manager';
import type { Directory } from './store/types';

export type AppDeps = {
  directory: Directory;
  rooms: RoomManager;
  tokens: Tokens;
  log: Logger;
  now: () => Date;
  /** A hash to verify against for unknown usernames (constant-time answers). */
  dummyHash: string;
};

async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new ApiError(400, 'request body must be valid JSON');
  }
}

export function createApp(deps: AppDeps): Hono<AuthEnv> {
  const { directory, rooms, tokens, log } = deps;
  const app = new Hono<AuthEnv>();

  app.use(requestId());

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      return c.json({ error: err.message || 'request failed' }, err.status);
    }
    const id = c.get('requestId');
    log.error('unhandled_error', { requestId: id, path: new URL(c.req.url).pathname, error: err.name });
    return c.json({ error: 'internal server error', requestId: id }, 500);
  });

  app.get('/healthz', (c) => c.json({ ok: true }));

  app.post('/api/login', async (c) => {
    const body = parseWith(LoginRequestSchema, await readJson(c.req.raw));
    if (!body.ok) throw new ApiError(400, `invalid login request: ${body.error}`);
    const user = directory.findUserByUsername(body.value.username);
    const valid = await verifyPassword(body.value.password, user?.passwordHash ?? deps.dummyHash);
    if (!user || !valid) {
      log.info('login_failed', { requestId: c.get('requestId') });
      throw new ApiError(401, 'wrong username or password');
    }
    const { token, expiresAt } = await tokens.issue(user.id);
    log.info('login', { user: user.id });
    const response: LoginResponse = {
      token,
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, name: user.name, role: user.role, teamIds: user.teamIds },
    };
    return c.json(response);
  });

  const api = new Hono<AuthEnv>();
  api.use(requireUser(tokens, directory));

  api.get('/me', (c) => c.json({ user: c.get('user') }));

  api.get('/docs', (c) => {
    const today = localDate(deps.now());
    const { from, to } = syncWindow(today);
    const docs = docsForUser(c.get('user'), today, (teamId) => directory.recipientsOfTeam(teamId));
    return c.json({ docs, window: { from, to } });
  });

  api.get('/days/:teamId/:date', async (c) => {
    const teamId = parseWith(IdSchema, c.req.param('teamId'));
    const date = parseWith(DateSchema, c.req.param('date'));
    if (!teamId.ok) throw new ApiError(400, `teamId: ${teamId.error}`);
    if (!date.ok) throw new ApiError(400, `date must be YYYY-MM-DD: ${date.error}`);
    const access = docAccess(c.get('user'), { kind: 'plan', teamId: teamId.value, date: date.value }, (id) => directory.teamOfBrukare(id));
    if (access === 'none') throw new ApiError(403, 'no access to this team');
    const planName = planDocName(teamId.value, date.value);
    const brukareIds = await rooms.read(planName, (doc) => [...new Set(readPlannedVisits(doc).items.map((v) => v.brukareId))]);
    const summaries = new Map<string, BrukareSummary>();
    for (const id of brukareIds) {
      const brukare = await rooms.read(brukareDocName(id), (doc) => readBrukare(doc));
      if (brukare.ok) summaries.set(id, { name: brukare.value.name, address: brukare.value.address });
    }
    const day = await rooms.read(planName, (planDoc) =>
      rooms.read(execDocName(teamId.value, date.value), (execDoc) =>
        readTeamDay(teamId.value, date.value, planDoc, execDoc, (id) => summaries.get(id)),
      ),
    );
    return c.json(day);
  });

  api.all('*', () => {
    throw new ApiError(404, 'no such endpoint');
  });

  app.route('/api', api);
  return app;
}
