// Access tokens live minutes; the device-bound refresh token gets new ones.
// Every API call and the sync socket take their token from here. A 401 that
// says "revoked" wipes the device; one that says the session ended asks the
// user to sign in again (local data stays). Loaded lazily, with the sync engine.
import { AUTH_ERROR_CODES, SessionTokensSchema } from '../../domain';
import { saveSession, type Session } from '../storage/session-repo';
import type { SlingaDb } from '../storage/db';

/** Refresh when the token has less than this left. */
const MIN_VALIDITY_MS = 60_000;

export type AuthClientOptions = {
  db: SlingaDb;
  origin: string;
  session(): Session | null;
  setSession(session: Session): void;
  /** The user or device was revoked: wipe. */
  onRevoked(): void;
  /** The session ended (signed out elsewhere, or expired): sign in again. */
  onEnded(): void;
  /** The server answered: the device is in contact (for the offline self-wipe). */
  onContact(): void;
};

async function codeOf(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.clone().json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}

export class AuthClient {
  readonly #o: AuthClientOptions;
  #refreshing: Promise<string | null> | null = null;

  constructor(options: AuthClientOptions) {
    this.#o = options;
  }

  /** The current access token (maybe expired): for building a socket URL synchronously. */
  current(): string | null {
    return this.#o.session()?.token ?? null;
  }

  /** A token with at least a minute left, refreshed if need be; null when offline or signed out. */
  async fresh(): Promise<string | null> {
    const session = this.#o.session();
    if (!session) return null;
    if (Date.parse(session.expiresAt) - Date.now() > MIN_VALIDITY_MS) return session.token;
    return this.refresh();
  }

  /** Gets a new access token now (one request at a time). */
  refresh(): Promise<string | null> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #refresh(): Promise<string | null> {
    const session = this.#o.session();
    if (!session) return null;
    let res: Response;
    try {
      res = await fetch(`${this.#o.origin}/api/session/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
    } catch {
      return null; // offline: work goes on, sync waits
    }
    if (res.status === 401) {
      this.#o.onContact();
      if ((await codeOf(res)) === AUTH_ERROR_CODES.revoked) this.#o.onRevoked();
      else this.#o.onEnded();
      return null;
    }
    if (!res.ok) return null;
    const parsed = SessionTokensSchema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) return null;
    this.#o.onContact();
    await saveSession(this.#o.db, parsed.data);
    this.#o.setSession(parsed.data);
    return parsed.data.token;
  }

  /** fetch() on the API with a fresh token; one refresh and retry on a 401. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const call = (token: string | null) =>
      fetch(`${this.#o.origin}${path}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    let res = await call(await this.fresh());
    if (res.status === 401) {
      const code = await codeOf(res);
      if (code === AUTH_ERROR_CODES.revoked) {
        this.#o.onRevoked();
        return res;
      }
      const token = await this.refresh();
      if (token) res = await call(token);
    }
    if (res.status < 500) this.#o.onContact();
    return res;
  }
}
