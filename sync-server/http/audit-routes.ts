// The audit log over HTTP: devices upload the reads they recorded (offline
// too); admins and the recipient's team leads (its team's schedulers) ask who
// has looked at a recipient; admins export the log and check its chain.
import { Hono } from 'hono';
import { AuditUploadSchema, IdSchema, docAccess, parseWith, type RecipientAccess } from '../../domain';
import type { Security } from '../security';
import type { Directory } from '../store/types';
import type { AuthEnv } from './auth-middleware';
import { ApiError } from './errors';
import { readJson } from './read-json';

export type AuditRouteDeps = { directory: Directory; security: Security };

const EXPORT_PAGE = 5000;

export function auditRoutes(deps: AuditRouteDeps): Hono<AuthEnv> {
  const { directory, security } = deps;
  const { audit } = security;
  const app = new Hono<AuthEnv>();

  app.post('/events', async (c) => {
    const body = parseWith(AuditUploadSchema, await readJson(c.req.raw));
    if (!body.ok) throw new ApiError(400, `invalid audit upload: ${body.error}`);
    const user = c.get('user');
    const deviceId = c.get('deviceId');
    let recorded = 0;
    for (const event of body.value.events) {
      const ref = { kind: 'brukare' as const, brukareId: event.brukareId };
      const allowed = docAccess(user, ref, (id) => directory.teamOfBrukare(id)) !== 'none';
      const added = audit.append({
        action: event.action,
        actorId: user.id,
        deviceId,
        subjectKind: 'brukare',
        subjectId: event.brukareId,
        deviceAt: event.at,
        eventId: `${deviceId}/${event.id}`,
        detail: allowed ? {} : { outsideAccess: true },
      });
      if (added) recorded++;
    }
    return c.json({ recorded, duplicates: body.value.events.length - recorded });
  });

  app.get('/brukare/:brukareId', (c) => {
    const id = parseWith(IdSchema, c.req.param('brukareId'));
    if (!id.ok) throw new ApiError(400, `brukareId: ${id.error}`);
    const user = c.get('user');
    const teamId = directory.teamOfBrukare(id.value);
    if (teamId === undefined) throw new ApiError(404, 'no such recipient');
    const lead = user.role === 'scheduler' && user.teamIds.includes(teamId);
    if (user.role !== 'admin' && !lead) throw new ApiError(403, "only admins and the recipient's team leads may see who has read this record");
    audit.append({ action: 'access_log_viewed', actorId: user.id, deviceId: c.get('deviceId'), subjectKind: 'brukare', subjectId: id.value });
    const names = new Map<string, string>();
    const nameOf = (actorId: string | null): string | null => {
      if (actorId === null) return null;
      if (!names.has(actorId)) names.set(actorId, directory.findUserById(actorId)?.name ?? actorId);
      return names.get(actorId) ?? null;
    };
    const entries: RecipientAccess[] = audit.about('brukare', id.value).map((row) => ({
      seq: row.seq,
      at: row.at,
      deviceAt: row.device_at,
      action: row.action,
      actorId: row.actor_id,
      actorName: nameOf(row.actor_id),
      deviceId: row.device_id,
    }));
    return c.json({ entries });
  });

  app.use('/export', adminOnly);
  app.get('/export', (c) => {
    const user = c.get('user');
    audit.append({ action: 'audit_exported', actorId: user.id, deviceId: c.get('deviceId') });
    // Newline-delimited JSON, every field and both hashes: a copy can be checked elsewhere.
    const lines: string[] = [];
    for (let from = 1; ; ) {
      const rows = audit.page(from, EXPORT_PAGE);
      for (const row of rows) lines.push(JSON.stringify(row));
      if (rows.length < EXPORT_PAGE) break;
      from = (rows.at(-1)?.seq ?? from) + 1;
    }
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="slinga-audit-log.ndjson"');
    return c.body(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  });

  app.use('/verify', adminOnly);
  app.get('/verify', (c) => c.json(audit.verify()));

  return app;
}

export const adminOnly = async (c: { get(key: 'user'): { role: string } }, next: () => Promise<void>): Promise<void> => {
  if (c.get('user').role !== 'admin') throw new ApiError(403, 'only admins may do this');
  await next();
};
