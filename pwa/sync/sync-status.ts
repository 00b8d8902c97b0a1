// The sync state the UI shows at all times: online or not, how many local
// changes await the server's confirmation, when the device last synced.
import { createSignal, type Accessor } from 'solid-js';

export type SyncStatus = {
  online: Accessor<boolean>;
  pending: Accessor<number>;
  lastSyncedAt: Accessor<string | null>;
  authExpired: Accessor<boolean>;
  connectedDocs: Accessor<number>;
  docCount: Accessor<number>;
  syncedDocs: Accessor<number>;
  refusedDocs: Accessor<string[]>;
  storageError: Accessor<boolean>;
  setOnline(v: boolean): void;
  setPending(v: number): void;
  /** Local changes made but not yet stored as pending (counted as pending too). */
  setRecording(v: number): void;
  setLastSyncedAt(v: string | null): void;
  setAuthExpired(v: boolean): void;
  setConnectedDocs(v: number): void;
  setDocCount(v: number): void;
  setSyncedDocs(v: number): void;
  setRefusedDocs(v: string[]): void;
  setStorageError(v: boolean): void;
};

export function createSyncStatus(initialOnline: boolean): SyncStatus {
  const [online, setOnline] = createSignal(initialOnline);
  const [stored, setPending] = createSignal(0);
  const [recording, setRecording] = createSignal(0);
  const pending = () => stored() + recording();
  const [lastSyncedAt, setLastSyncedAt] = createSignal<string | null>(null);
  const [authExpired, setAuthExpired] = createSignal(false);
  const [connectedDocs, setConnectedDocs] = createSignal(0);
  const [docCount, setDocCount] = createSignal(0);
  const [syncedDocs, setSyncedDocs] = createSignal(0);
  const [refusedDocs, setRefusedDocs] = createSignal<string[]>([]);
  const [storageError, setStorageError] = createSignal(false);
  return {
    online,
    pending,
    lastSyncedAt,
    authExpired,
    connectedDocs,
    docCount,
    syncedDocs,
    refusedDocs,
    storageError,
    setOnline,
    setPending,
    setRecording,
    setLastSyncedAt,
    setAuthExpired,
    setConnectedDocs,
    setDocCount,
    setSyncedDocs,
    setRefusedDocs,
    setStorageError,
  };
}
