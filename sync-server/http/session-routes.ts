// Sign-in, refresh and sign-out. Sign-in is throttled per account and per
// address; every sign-in, failure and lock-out goes into the audit log (ids and
// an address hash only).
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { AUTH_ERROR_CODES, LoginRequestSchema, RefreshRequestSchema, parseWith } from '../../domain';
import { PasswordIdentity } from '../auth/identity';
import type { Logger } from '../logger';
import type { Security } from '../security';
import type { Directory } from '../store/types';
import type { AuthEnv } from './auth-middleware';
import { clientAddress } from './client-address';
import { ApiError } from './errors';
import { readJson } from './read-json';

export type SessionRouteDeps = { directory: Directory; security: Security; log: Logger; now: () => Date; dummyHash: string };

/** Public routes: POST /login, POST /session/refresh. */
export function publicSessionRoutes(deps: SessionRouteDeps): Hono<AuthEnv> {
  const { directory, security, log } = deps;
  const { audit, throttle, sessions } = security;
  const app = new Hono<AuthEnv>();
  // Username and password; an OpenID Connect provider would be a second
  // IdentityProvider with its own start/callback routes (docs/SECURITY.md).
  const passwords = new PasswordIdentity(directory, deps.dummyHash);

  app.post('/login', async (c) => {
    const body = parseWith(LoginRequestSchema, await readJson(c.req.raw));
    if (!body.ok) throw new ApiError(400, `invalid login request: ${body.error}`);
    const nowMs = deps.now().getTime();
    const address = security.addressKey(clientAddress(c));
    const user = passwords.lookup(body.value.username);
    // Unknown usernames are throttled too, under a hash (the name is never stored).
    const account = user ? `user:${user.id}` : `name:${createHash('sha256').update(body.value.username.toLowerCase()).digest('hex').slice(0, 24)}`;
    const verdict = throttle.check(account, address, nowMs);
    if (verdict.locked) {
      audit.append({ action: 'sign_in_refused_locked', actorId: user?.id ?? null, subjectKind: user ? 'user' : null, subjectId: user?.id ?? null, detail: { scope: verdict.scope, address } });
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      throw new ApiError(429, `too many failed sign-ins; try again in ${minutes} min`, { code: AUTH_ERROR_CODES.locked, retryAfterSeconds: verdict.retryAfterSeconds });
    }
    const identity = await passwords.verify(user, body.value.password);
    if (!identity.ok || !user) {
      throttle.failed(account, address, nowMs);
      audit.append({ action: 'sign_in_failed', actorId: user?.id ?? null, subjectKind: user ? 'user' : null, subjectId: user?.id ?? null, detail: { address, knownUser: user !== undefined } });
      const after = throttle.check(account, address, nowMs);
      if (after.locked) {
        audit.append({ action: 'sign_in_locked', actorId: user?.id ?? null, subjectKind: user ? 'user' : null, subjectId: user?.id ?? null, detail: { scope: after.scope, address, seconds: after.retryAfterSeconds } });
        log.warn('login_locked', { scope: after.scope });
      }
      log.info('login_failed', { requestId: c.get('requestId') });
      throw new ApiError(401, 'wrong username or password');
    }
    if (security.sessions.isUserRevoked(user.id)) {
      audit.append({ action: 'sign_in_refused_revoked', actorId: user.id, subjectKind: 'user', subjectId: user.id, detail: { address } });
      throw new ApiError(403, 'this account is blocked; contact your administrator', { code: AUTH_ERROR_CODES.revoked });
    }
    throttle.succeeded(account);
    const tokens = await sessions.signIn(user, body.value.deviceId);
    audit.append({ action: 'sign_in', actorId: user.id, deviceId: tokens.deviceId, subjectKind: 'user', subjectId: user.id, detail: { address, method: passwords.method } });
    log.info('login', { user: user.id });
    return c.json(tokens);
  });

  app.post('/session/refresh', async (c) => {
    const body = parseWith(RefreshRequestSchema, await readJson(c.req.raw));
    if (!body.ok) throw new ApiError(400, `invalid refresh request: ${body.error}`);
    const result = await sessions.refresh(body.value.refreshToken);
    if (!result.ok) {
      const message = result.code === AUTH_ERROR_CODES.revoked ? 'this user or device has been revoked' : 'this session has ended; sign in again';
      throw new ApiError(401, message, { code: result.code });
    }
    return c.json(result.tokens);
  });

  return app;
}
