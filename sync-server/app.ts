// The HTTP API as a Hono app, with no listening socket: tests call
// app.request() directly, server.ts wires it to Node and WebSockets.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { z } from 'zod/mini';
import {
  DateSchema,
  IdSchema,
  addDays,
  journalDocName,
  monthOf,
  nextMonth,
  readJournalEntries,
  brukareDocName,
  docAccess,
  DEFAULT_RETENTION_DAYS_AFTER_END,
  docsForUser,
  execDocName,
  localDate,
  parseWith,
  planDocName,
  readBrukare,
  readPlannedVisits,
  readTeamDay,
  type TeamDay,
  syncWindow,
  teamStaffEntry,
  type BrukareSummary,
  type JournalEntry,
} from '../domain';
import { adminRoutes } from './http/admin-routes';
import { auditRoutes } from './http/audit-routes';
import { requireUser, type AuthEnv } from './http/auth-middleware';
import { clientAddress } from './http/client-address';
import { deliveredCsv } from './http/delivered-csv';
import { ApiError } from './http/errors';
import { orderRoutes } from './http/order-routes';
import { recipientRoutes } from './http/recipient-routes';
import { publicSessionRoutes } from './http/session-routes';
import { staffRoutes } from './http/staff-routes';
import type { Logger } from './logger';
import type { RoomManager } from './rooms/room-manager';
import type { Security } from './security';
import type { SqliteOrderStore } from './store/order-store';
import type { SqliteSecurityStore } from './store/security-store';
import type { Directory } from './store/types';

const JournalRangeSchema = z.object({ from: DateSchema, to: DateSchema });
const MAX_JOURNAL_RANGE_DAYS = 366;

export type AppDeps = {
  directory: Directory;
  rooms: RoomManager;
  security: Security;
  /** Devices, sessions and the audit log's rows (admin views). */
  securityStore: SqliteSecurityStore;
  /** Orders received (POST /api/orders). */
  orderStore: SqliteOrderStore;
  log: Logger;
  now: () => Date;
  /** A hash to verify against for unknown usernames (constant-time answers). */
  dummyHash: string;
  /** Days after a recipient's service ended that devices still hold their docs (RETENTION_DAYS_AFTER_END; default 30). */
  retentionDaysAfterEnd?: number;
};

export function createApp(deps: AppDeps): Hono<AuthEnv> {
  const { directory, rooms, security, log } = deps;
  const { audit } = security;
  const retentionDays = deps.retentionDaysAfterEnd ?? DEFAULT_RETENTION_DAYS_AFTER_END;
  const app = new Hono<AuthEnv>();

  app.use(requestId());
  // Security headers on every response. Scripts only from the app's own origin
  // (no inline scripts); styles may be inline (the UI positions cards with
  // style attributes); nothing may frame the app; no CORS headers are sent, so
  // other origins cannot read the API.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
      crossOriginOpenerPolicy: 'same-origin',
      strictTransportSecurity: false, // set by the TLS-terminating proxy in front, not on plain HTTP
    }),
  );

  app.onError((err, c) => {
    if (err instanceof ApiError) {
      if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.retryAfterSeconds));
      return c.json({ error: err.message || 'request failed', ...(err.code ? { code: err.code } : {}) }, err.status);
    }
    if (err instanceof HTTPException) {
      return c.json({ error: err.message || 'request failed' }, err.status);
    }
    const id = c.get('requestId');
    log.error('unhandled_error', { requestId: id, path: new URL(c.req.url).pathname, error: err.name });
    return c.json({ error: 'internal server error', requestId: id }, 500);
  });

  app.get('/healthz', (c) => c.json({ ok: true }));

  // Limits in front of every API route: body size, then requests per address and minute.
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: security.settings.maxBodyBytes,
      onError: (c) => c.json({ error: `request body larger than ${security.settings.maxBodyBytes} bytes` }, 413),
    }),
  );
  app.use('/api/*', async (c, next) => {
    const wait = security.limiter.take(security.addressKey(clientAddress(c)), Date.now());
    if (wait > 0) throw new ApiError(429, `too many requests; try again in ${wait} s`, { retryAfterSeconds: wait });
    await next();
  });

  app.route('/api', publicSessionRoutes(deps));

  const api = new Hono<AuthEnv>();
  api.use(requireUser(security.sessions));
  api.route('/audit', auditRoutes(deps));
  api.route('/admin', adminRoutes({ directory, security, store: deps.securityStore }));
  api.route('/staff', staffRoutes({ directory, security }));
  api.route('/', orderRoutes({ directory, rooms, orders: deps.orderStore, security, log, now: deps.now }));
  api.route('/', recipientRoutes({ directory, rooms, security, log, now: deps.now, retentionDaysAfterEnd: retentionDays }));

  api.get('/me', (c) => c.json({ user: c.get('user') }));

  // Signing out ends this session on the server and closes its sockets.
  api.post('/logout', (c) => {
    security.sessions.signOut(c.get('sessionId'), c.get('user').id, c.get('deviceId'));
    return c.body(null, 204);
  });

  api.get('/docs', (c) => {
    const today = localDate(deps.now());
    const { from, to } = syncWindow(today, c.get('user').role);
    // An ended recipient's docs are listed until the retention period after the end has passed; then devices drop them.
    const ended = new Map(c.get('user').teamIds.flatMap((teamId) => [...directory.endedRecipientsOfTeam(teamId)]));
    const docs = docsForUser(c.get('user'), today, (teamId) => directory.recipientsOfTeam(teamId), { endedOn: (id) => ended.get(id), days: retentionDays });
    return c.json({ docs, window: { from, to } });
  });

  api.get('/days/:teamId/:date', async (c) => {
    const teamId = parseWith(IdSchema, c.req.param('teamId'));
    const date = parseWith(DateSchema, c.req.param('date'));
    if (!teamId.ok) throw new ApiError(400, `teamId: ${teamId.error}`);
    if (!date.ok) throw new ApiError(400, `date must be YYYY-MM-DD: ${date.error}`);
    const access = docAccess(c.get('user'), { kind: 'plan', teamId: teamId.value, date: date.value }, (id) => directory.teamOfBrukare(id));
    if (access === 'none') throw new ApiError(403, 'no access to this team');
    audit.append({ action: 'day_read_api', actorId: c.get('user').id, deviceId: c.get('deviceId'), subjectKind: 'team', subjectId: teamId.value, detail: { date: date.value } });
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

  api.get('/brukare/:brukareId/journal', async (c) => {
    const brukareId = parseWith(IdSchema, c.req.param('brukareId'));
    if (!brukareId.ok) throw new ApiError(400, `brukareId: ${brukareId.error}`);
    const range = parseWith(JournalRangeSchema, { from: c.req.query('from'), to: c.req.query('to') });
    if (!range.ok) throw new ApiError(400, `invalid query: ${range.error}`);
    const { from, to } = range.value;
    if (from > to) throw new ApiError(400, 'from must not be after to');
    if (addDays(from, MAX_JOURNAL_RANGE_DAYS) < to) throw new ApiError(400, `at most ${MAX_JOURNAL_RANGE_DAYS} days at a time`);
    if (directory.teamOfBrukare(brukareId.value) === undefined) throw new ApiError(404, 'no such recipient');
    const months: string[] = [];
    for (let m = monthOf(from); m <= monthOf(to); m = nextMonth(m)) months.push(m);
    const user = c.get('user');
    const teamOf = (id: string) => directory.teamOfBrukare(id);
    if (months.some((month) => docAccess(user, { kind: 'journal', brukareId: brukareId.value, month }, teamOf) === 'none')) {
      throw new ApiError(403, "no access to this recipient's journal");
    }
    audit.append({ action: 'journal_read_api', actorId: user.id, deviceId: c.get('deviceId'), subjectKind: 'brukare', subjectId: brukareId.value, detail: { from, to } });
    const entries: JournalEntry[] = [];
    for (const month of months) {
      entries.push(...(await rooms.read(journalDocName(brukareId.value, month), (doc) => readJournalEntries(doc).items)));
    }
    const inRange = entries.filter((e) => {
      const day = localDate(new Date(e.createdAt));
      return day >= from && day <= to;
    });
    return c.json({
      entries: inRange.map((e) => ({
        id: e.id,
        authorId: e.authorId,
        authorName: e.authorName,
        time: e.createdAt,
        lifeArea: e.lifeArea ?? null,
        text: e.text,
        status: e.status,
        signedAt: e.signedAt ?? null,
        correctsId: e.correctsId ?? null,
        visitId: e.visitId ?? null,
        // A structured entry: the recipient's sign-off of the visit.
        ...(e.signOffId ? { signOffId: e.signOffId } : {}),
        ...(e.status === 'signed' ? { verified: e.verified === true } : {}),
      })),
    });
  });

  // The team's staff (names, roles, competences): for the planning board and for showing who visits.
  // `competences` are those counting today; `validUntil` the last day of each dated one (expired ones too), for other days.
  api.get('/teams/:teamId/staff', (c) => {
    const teamId = parseWith(IdSchema, c.req.param('teamId'));
    if (!teamId.ok) throw new ApiError(400, `teamId: ${teamId.error}`);
    if (!c.get('user').teamIds.includes(teamId.value)) throw new ApiError(403, 'no access to this team');
    const today = localDate(deps.now());
    const staff = directory.staffOfTeam(teamId.value).map((s) => teamStaffEntry(s, today));
    return c.json({ staff });
  });

  // Planned vs delivered, for payroll and invoicing: one row per visit and staff member.
  api.get('/teams/:teamId/delivered.csv', async (c) => {
    const teamId = parseWith(IdSchema, c.req.param('teamId'));
    if (!teamId.ok) throw new ApiError(400, `teamId: ${teamId.error}`);
    const range = parseWith(JournalRangeSchema, { from: c.req.query('from'), to: c.req.query('to') });
    if (!range.ok) throw new ApiError(400, `invalid query: ${range.error}`);
    const { from, to } = range.value;
    if (from > to) throw new ApiError(400, 'from must not be after to');
    if (addDays(from, MAX_JOURNAL_RANGE_DAYS) < to) throw new ApiError(400, `at most ${MAX_JOURNAL_RANGE_DAYS} days at a time`);
    const user = c.get('user');
    if (user.role !== 'scheduler' || !user.teamIds.includes(teamId.value)) throw new ApiError(403, "only the team's schedulers may fetch this report");
    const days: TeamDay[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      days.push(
        await rooms.read(planDocName(teamId.value, date), (planDoc) =>
          rooms.read(execDocName(teamId.value, date), (execDoc) => readTeamDay(teamId.value, date, planDoc, execDoc, () => undefined)),
        ),
      );
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="delivered-${teamId.value}-${from}-${to}.csv"`);
    return c.body(deliveredCsv(days));
  });

  api.all('*', () => {
    throw new ApiError(404, 'no such endpoint');
  });

  app.route('/api', api);
  return app;
}
