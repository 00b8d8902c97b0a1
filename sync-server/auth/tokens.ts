// Signed, expiring session tokens (HS256 JWTs through hono/jwt).
import { sign, verify } from 'hono/jwt';
import { z } from 'zod/mini';
import { IdSchema } from '../../domain';

const ClaimsSchema = z.object({ sub: IdSchema, exp: z.number(), iat: z.number() });
export type TokenClaims = z.infer<typeof ClaimsSchema>;

export type Tokens = {
  issue(userId: string): Promise<{ token: string; expiresAt: Date }>;
  verify(token: string): Promise<{ ok: true; claims: TokenClaims } | { ok: false; error: string }>;
};

export function createTokens(secret: string, ttlSeconds: number, now: () => number = Date.now): Tokens {
  return {
    async issue(userId) {
      const iat = Math.floor(now() / 1000);
      const exp = iat + ttlSeconds;
      const token = await sign({ sub: userId, iat, exp }, secret, 'HS256');
      return { token, expiresAt: new Date(exp * 1000) };
    },
    async verify(token) {
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
