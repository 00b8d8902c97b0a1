// Short-lived access tokens (HS256 JWTs through hono/jwt). Each names its
// user, its session and its device, so that ending the session or revoking
// the device ends the token too (checked in auth/sessions.ts).
import { sign, verify } from 'hono/jwt';
import { z } from 'zod/mini';
import { IdSchema } from '../../domain';

const ClaimsSchema = z.object({
  sub: IdSchema,
  sid: z.string().check(z.minLength(8), z.maxLength(64)),
  did: z.string().check(z.minLength(8), z.maxLength(80)),
  exp: z.number(),
  iat: z.number(),
});
export type TokenClaims = z.infer<typeof ClaimsSchema>;

export type Tokens = {
  issue(userId: string, sessionId: string, deviceId: string): Promise<{ token: string; expiresAt: Date }>;
  verify(token: string): Promise<{ ok: true; claims: TokenClaims } | { ok: false; error: string }>;
};

export function createTokens(secret: string, ttlSeconds: number, now: () => number = Date.now): Tokens {
  return {
    async issue(userId, sessionId, deviceId) {
      const iat = Math.floor(now() / 1000);
      const exp = iat + ttlSeconds;
      const token = await sign({ sub: userId, sid: sessionId, did: deviceId, iat, exp }, secret, 'HS256');
      return { token, expiresAt: new Date(exp * 1000) };
    },
    async verify(token) {
      if (token.length > 4096) return { ok: false, error: 'token too long' };
      try {
        const payload = await verify(token, secret, 'HS256');
        const claims = ClaimsSchema.safeParse(payload);
        return claims.success ? { ok: true, claims: claims.data } : { ok: false, error: 'malformed claims' };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.name : 'invalid token' };
      }
    },
  };
}
