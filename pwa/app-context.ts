// The app's services, created once at start-up and handed down by context.
import { createContext, useContext, type Accessor } from 'solid-js';
import type { DeviceAuditEvent } from '../domain';
import type { WipeReason } from './security/device-wipe';
import type { SlingaDb } from './storage/db';
import type { Session } from './storage/session-repo';
import type { DocHub } from './sync/doc-hub';
import type { SyncStatus } from './sync/sync-status';

export type AppServices = {
  db: SlingaDb;
  hub: DocHub;
  status: SyncStatus;
  session: Accessor<Session | null>;
  /** Saves a new session (after sign-in) and starts syncing with it. */
  signedIn(session: Session): Promise<void>;
  /** Ends the session on the server, wipes the device and returns to the sign-in screen. */
  signOut(): Promise<void>;
  /** Wipes everything on the device at once (wrong PINs, revoked) and returns to the sign-in screen. */
  wipe(reason: WipeReason): Promise<void>;
  /** fetch() on the server's API with a fresh access token (e.g. '/api/teams/norr/staff'). */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Asks the server for the device's doc list again now (e.g. after an order made a recipient). */
  refreshDocs(): void;
  /** Records a read of a recipient's record for the audit log (uploaded at the next sync). */
  recordRead(action: DeviceAuditEvent['action'], brukareId: string): void;
  /** Origin of the sync server (same origin as the app). */
  origin: string;
  reportError(error: unknown): void;
  /** A new app version waiting to be applied (see sw-registration.ts). */
  update: { ready: Accessor<boolean>; apply(): Promise<boolean> };
};

/** Signing in as someone else would wipe changes the server has not confirmed. */
export class PendingChangesError extends Error {
  constructor() {
    super('unconfirmed local changes');
  }
}

export const AppContext = createContext<AppServices>();

export function useApp(): AppServices {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp must be used inside AppContext.Provider');
  return ctx;
}
