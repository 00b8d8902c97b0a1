// Bearer-token authentication for /api routes. The session, the device and
// the user are checked on every request (auth/sessions.ts), so a sign-out, a
// revocation or a changed role or team takes effect at once.
import { createMiddleware } from 'hono/factory';
import { AUTH_ERROR_CODES, type SessionUser } from '../../domain';
import type { Sessions } from '../auth/sessions';
import { ApiError } from './errors';

export type AuthEnv = { Variables: { user: SessionUser; requestId: string; sessionId: string; deviceId: string } };

const MESSAGES: Record<string, string> = {
  [AUTH_ERROR_CODES.invalid]: 'missing, invalid or expired token; refresh it or sign in again',
  [AUTH_ERROR_CODES.ended]: 'this session has ended; sign in again',
  [AUTH_ERROR_CODES.revoked]: 'this user or device has been revoked',
};

export function requireUser(sessions: Sessions) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const result = await sessions.authenticate(match?.[1]);
    if (!result.ok) throw new ApiError(401, MESSAGES[result.code] ?? 'unauthorised', { code: result.code });
    c.set('user', result.user);
    c.set('sessionId', result.sessionId);
    c.set('deviceId', result.deviceId);
    await next();
  });
}
