// Bearer-token authentication for /api routes. The user is read fresh from the
// directory on every request, so a changed role or team takes effect at once.
import { createMiddleware } from 'hono/factory';
import type { SessionUser } from '../../domain';
import type { Tokens } from '../auth/tokens';
import type { Directory } from '../store/types';
import { ApiError } from './errors';

export type AuthEnv = { Variables: { user: SessionUser; requestId: string } };

export type Authenticated = { ok: true; user: SessionUser; expiresAtMs: number } | { ok: false };

/** Verifies a token and looks its user up; shared by the API and the WebSocket route. */
export async function authenticate(token: string | undefined, tokens: Tokens, directory: Directory): Promise<Authenticated> {
  if (!token) return { ok: false };
  const verified = await tokens.verify(token);
  if (!verified.ok) return { ok: false };
  const user = directory.findUserById(verified.claims.sub);
  if (!user) return { ok: false };
  return { ok: true, user: { id: user.id, name: user.name, role: user.role, teamIds: user.teamIds }, expiresAtMs: verified.claims.exp * 1000 };
}

export function requireUser(tokens: Tokens, directory: Directory) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const result = await authenticate(match?.[1], tokens, directory);
    if (!result.ok) throw new ApiError(401, 'missing, invalid or expired token; sign in again');
    c.set('user', result.user);
    await next();
  });
}
