// What admins manage here: users' and devices' access. Revoking ends every
// session at once (connected sockets are closed) and makes the devices wipe.
import { Hono } from 'hono';
import { DeviceIdSchema, IdSchema, parseWith, type AdminDevice, type AdminUser } from '../../domain';
import type { Security } from '../security';
import type { SqliteSecurityStore } from '../store/security-store';
import type { Directory } from '../store/types';
import { adminOnly } from './audit-routes';
import type { AuthEnv } from './auth-middleware';
import { ApiError } from './errors';

export type AdminRouteDeps = { directory: Directory; security: Security; store: SqliteSecurityStore };

export function adminRoutes(deps: AdminRouteDeps): Hono<AuthEnv> {
  const { directory, security, store } = deps;
  const app = new Hono<AuthEnv>();
  app.use(adminOnly);

  app.get('/users', (c) => {
    const users: AdminUser[] = directory.listUsers().map((u) => ({
      id: u.id,
      username: u.username,
      name: u.name,
      role: u.role,
      teamIds: u.teamIds,
      revokedAt: store.userRevokedAt(u.id),
    }));
    return c.json({ users });
  });

  app.post('/users/:userId/:action', (c) => {
    const id = parseWith(IdSchema, c.req.param('userId'));
    if (!id.ok) throw new ApiError(400, `userId: ${id.error}`);
    const action = c.req.param('action');
    if (!directory.findUserById(id.value)) throw new ApiError(404, 'no such user');
    const by = c.get('user').id;
    if (action === 'revoke') {
      if (id.value === by) throw new ApiError(400, 'an admin cannot revoke themselves');
      return c.json({ changed: security.sessions.revokeUser(id.value, by) });
    }
    if (action === 'restore') return c.json({ changed: security.sessions.restoreUser(id.value, by) });
    throw new ApiError(404, 'no such action');
  });

  app.get('/devices', (c) => {
    const devices: AdminDevice[] = store.listDevices().map((d) => ({
      id: d.id,
      userId: d.last_user_id,
      userName: d.last_user_id ? (directory.findUserById(d.last_user_id)?.name ?? null) : null,
      createdAt: d.created_at,
      lastSeenAt: d.last_seen_at,
      revokedAt: d.revoked_at,
    }));
    return c.json({ devices });
  });

  app.post('/devices/:deviceId/revoke', (c) => {
    const id = parseWith(DeviceIdSchema, c.req.param('deviceId'));
    if (!id.ok) throw new ApiError(400, `deviceId: ${id.error}`);
    if (!store.findDevice(id.value)) throw new ApiError(404, 'no such device');
    return c.json({ changed: security.sessions.revokeDevice(id.value, c.get('user').id) });
  });

  return app;
}
