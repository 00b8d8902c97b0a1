// How a person proves who they are, behind one interface, so that an e-ID
// (SITHS card, Freja, BankID through the municipality's identity provider
// over OpenID Connect) can sit next to the password without touching
// sessions, devices or permissions: a provider only answers "this is user X"
// (or no), and Sessions.signIn takes it from there. See docs/SECURITY.md.
import { verifyPassword } from './passwords';
import type { Directory, StoredUser } from '../store/types';

export type IdentityResult = { ok: true; user: StoredUser } | { ok: false; knownUser: StoredUser | undefined };

export interface IdentityProvider {
  /** Shown in the audit log's sign-in records: 'password', 'oidc:<issuer>', … */
  readonly method: string;
}

/** Username and password, checked against the scrypt hash in the directory. */
export class PasswordIdentity implements IdentityProvider {
  readonly method = 'password';
  readonly #directory: Directory;
  readonly #dummyHash: string;

  /** `dummyHash`: checked for unknown usernames too, so the answer takes as long either way. */
  constructor(directory: Directory, dummyHash: string) {
    this.#directory = directory;
    this.#dummyHash = dummyHash;
  }

  /** The user named `username` when `password` is theirs. */
  lookup(username: string): StoredUser | undefined {
    return this.#directory.findUserByUsername(username);
  }

  async verify(user: StoredUser | undefined, password: string): Promise<IdentityResult> {
    const valid = await verifyPassword(password, user?.passwordHash ?? this.#dummyHash);
    return user && valid ? { ok: true, user } : { ok: false, knownUser: user };
  }
}
