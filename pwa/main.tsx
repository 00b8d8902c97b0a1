// Start-up: open the device database, read the session, render, and only then
// load the sync engine and the service worker registration (kept out of the
// initial bundle so that "Min dag" is on screen fast, even offline).
import { liveQuery } from 'dexie';
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { App } from './App';
import type { AppServices } from './app-context';
import { createI18n } from './i18n/i18n';
import { openDb } from './storage/db';
import { loadDocList, loadLastSynced, loadLocale } from './storage/meta-repo';
import { clearAllDraftBackups } from './storage/draft-backup';
import { loadSession, type Session } from './storage/session-repo';
import { requirePinSetup, startAppLock } from './security/app-lock';
import { offlineTooLong, wipeDevice, type WipeReason } from './security/device-wipe';
import type { AuthClient } from './security/auth-client';
import { ESCROW_ACROSS_RELOAD, holdSignInEscrow, loadDataKeyFromTab, whenDataKey } from './security/data-key';
import { lockedPath } from './sign-off/lock-state';
import { DocHub } from './sync/doc-hub';
import type { SyncEngine } from './sync/sync-engine';
import { createSyncStatus } from './sync/sync-status';
import { afterDayVisible } from './marks';
import './styles.css';

/** How often the list of docs to sync is fetched again while the app is open. */
const DOC_LIST_REFRESH_MS = 10 * 60_000;

/** Start syncing at the latest this long after start-up, even if no day is shown. */
const FIRST_CONTENT_TIMEOUT_MS = 1500;

function reportError(error: unknown): void {
  console.error('[slinga]', error);
}

async function boot(): Promise<void> {
  const db = openDb();
  const [initialSession, locale, lastSynced, pinRow, contactRow] = await Promise.all([
    loadSession(db),
    loadLocale(db),
    loadLastSynced(db),
    db.meta.get('pin'),
    db.meta.get('lastContact'),
  ]);
  // A device that has not reached the server for longer than the policy allows wipes itself.
  if (initialSession) {
    const contacts = [initialSession.savedAt, lastSynced, typeof contactRow?.value === 'string' ? contactRow.value : null].filter((v): v is string => v !== null);
    const lastContact = contacts.sort().at(-1) ?? null;
    if (offlineTooLong(lastContact, Date.now(), initialSession.policy.wipeAfterOfflineDays)) {
      await wipeDevice(db, 'offline_too_long');
      location.replace('/');
      return;
    }
  }
  const i18n = await createI18n(locale ?? 'sv');
  document.documentElement.lang = i18n.locale();
  const status = createSyncStatus(navigator.onLine);
  status.setLastSyncedAt(lastSynced);
  const hub = new DocHub(db, reportError, () => status.setStorageError(true));
  const [session, setSession] = createSignal<Session | null>(initialSession);
  let engine: SyncEngine | null = null;
  /** Set once start-up is past the first paint (or a user signed in): from then on sync should run. */
  let syncWanted = false;
  const [applyUpdate, setApplyUpdate] = createSignal<(() => Promise<void>) | null>(null);
  let wiping = false;
  const wipe = async (reason: WipeReason) => {
    if (wiping) return;
    wiping = true;
    hub.setOnOpened(null);
    engine?.stop();
    hub.close();
    clearAllDraftBackups();
    await wipeDevice(db, reason);
    location.replace('/');
  };
  let lastContactWrite = 0;
  const onContact = () => {
    if (Date.now() - lastContactWrite < 60_000) return;
    lastContactWrite = Date.now();
    void db.meta.put({ key: 'lastContact', value: new Date().toISOString() }).catch(reportError);
  };
  let authClient: Promise<AuthClient> | null = null;
  const auth = () =>
    (authClient ??= import('./security/auth-client').then(
      (m) =>
        new m.AuthClient({
          db,
          origin: location.origin,
          session,
          setSession,
          onRevoked: () => void wipe('revoked'),
          onEnded: () => status.setAuthExpired(true),
          onContact,
        }),
    ));

  const startSync = async () => {
    engine?.stop();
    engine = null;
    status.setAuthExpired(false);
    // Loading the sync code can fail (offline before the service worker holds
    // it); the 'online' handler then tries again, so changes are never stranded.
    const { SyncEngine } = await import('./sync/sync-engine');
    // The stored documents are sealed: nothing is read or written before the PIN opened the key.
    await whenDataKey();
    engine = new SyncEngine({ hub, auth: await auth(), status, origin: location.origin, onError: reportError, onRevoked: () => void wipe('revoked') });
    engine.setOnline(navigator.onLine);
    await engine.start();
    const started = engine;
    hub.setOnOpened((name) => started.track(name));
  };

  const services: AppServices = {
    db,
    hub,
    status,
    session,
    origin: location.origin,
    reportError,
    update: {
      ready: () => applyUpdate() !== null,
      async apply() {
        const apply = applyUpdate();
        // Never reload in the middle of work: only when the server has every local change.
        if (!apply || status.pending() > 0) return false;
        await apply();
        return true;
      },
    },
    async signedIn(s) {
      const { completeSignIn } = await import('./security/sign-in');
      await completeSignIn(
        {
          db,
          previous: session(),
          pending: status.pending(),
          logoutPrevious: () => auth().then((a) => a.fetch('/api/logout', { method: 'POST' })).then(() => undefined),
          stopAll: () => {
            engine?.stop();
            hub.close();
          },
          signedIn: (kept) => {
            setSession(kept);
            // Every sign-in chooses the PIN anew (a forgotten PIN is replaced this way).
            requirePinSetup();
            if (!lockStarted) {
              lockStarted = true;
              startAppLock({ hasPin: false, hasDataKey: false, lockAfterMinutes: kept.policy.lockAfterMinutes, pausedWhile: () => lockedPath() !== null });
            }
            status.setAuthExpired(false);
            syncWanted = true;
            void navigator.storage?.persist?.();
            startSync().catch(reportError);
          },
        },
        s,
      );
    },
    async signOut() {
      // The session ends on the server first (best effort: offline, it runs out by itself).
      await auth()
        .then((a) => a.fetch('/api/logout', { method: 'POST' }))
        .catch(() => undefined);
      await wipe('signed_out');
    },
    wipe,
    api: async (path, init) => (await auth()).fetch(path, init),
    refreshDocs() {
      engine?.refresh().catch(reportError);
    },
    recordRead(action, brukareId) {
      db.auditQueue.add({ id: crypto.randomUUID(), action, brukareId, at: new Date().toISOString() }).catch(reportError);
    },
  };
  let lockStarted = false;
  const escrowAcrossReload = sessionStorage.getItem(ESCROW_ACROSS_RELOAD);
  if (escrowAcrossReload) {
    sessionStorage.removeItem(ESCROW_ACROSS_RELOAD);
    holdSignInEscrow(escrowAcrossReload);
  }
  if (initialSession) {
    lockStarted = true;
    startAppLock({ hasPin: pinRow !== undefined, hasDataKey: loadDataKeyFromTab(), lockAfterMinutes: initialSession.policy.lockAfterMinutes, pausedWhile: () => lockedPath() !== null });
  }

  window.addEventListener('online', () => {
    status.setOnline(true);
    const current = session();
    if (!engine && current && syncWanted) {
      startSync().catch(reportError);
      return;
    }
    engine?.setOnline(true);
    engine?.refresh().catch(reportError);
  });
  // A new day or month brings new docs: look again when the app comes back and now and then.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') engine?.refresh().catch(reportError);
  });
  setInterval(() => engine?.refresh().catch(reportError), DOC_LIST_REFRESH_MS);
  window.addEventListener('offline', () => {
    status.setOnline(false);
    engine?.setOnline(false);
  });
  liveQuery(() => db.pending.count()).subscribe({ next: (n) => status.setPending(n), error: reportError });
  hub.setOnRecording((n) => status.setRecording(n));

  // Benchmarks (bench/) drive the real stack through this handle; it exists only
  // when explicitly enabled on this device and gives nothing DevTools would not.
  if (localStorage.getItem('slinga:bench') === '1') void import('./bench-handle').then((m) => m.installBenchHandle(hub, status, db));

  const root = document.getElementById('app');
  if (!root) throw new Error('#app missing');
  render(() => <App services={services} i18n={i18n} />, root);

  // Once the day is on screen (sync must not compete with the cold start):
  // sync, persistent storage, service worker.
  void afterDayVisible(FIRST_CONTENT_TIMEOUT_MS).then(() => {
    syncWanted = true;
    if (initialSession && session() === initialSession) startSync().catch(reportError);
    void navigator.storage?.persist?.();
    import('./sw-registration')
      .then((m) => m.registerServiceWorker({ onUpdateReady: (apply) => setApplyUpdate(() => apply), onError: reportError }))
      .catch(reportError);
  });
}

boot().catch(reportError);
