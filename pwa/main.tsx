// Start-up: open the device database, read the session, render, and only then
// load the sync engine and the service worker registration (kept out of the
// initial bundle so that "Min dag" is on screen fast, even offline).
import { liveQuery } from 'dexie';
import { createSignal } from 'solid-js';
import { createDraft, parseDocName, setTaskDone } from '../domain';
import { LOCAL } from './sync/origins';
import { render } from 'solid-js/web';
import { App } from './App';
import { PendingChangesError, type AppServices } from './app-context';
import { createI18n } from './i18n/i18n';
import { openDb } from './storage/db';
import { loadDocList, loadLastSynced, loadLocale } from './storage/meta-repo';
import { clearAllDraftBackups } from './storage/draft-backup';
import { loadSession, saveSession, wipeDevice, type Session } from './storage/session-repo';
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
  const [initialSession, locale, lastSynced] = await Promise.all([loadSession(db), loadLocale(db), loadLastSynced(db)]);
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

  const startSync = async (s: Session) => {
    engine?.stop();
    engine = null;
    status.setAuthExpired(false);
    // Loading the sync code can fail (offline before the service worker holds
    // it); the 'online' handler then tries again, so changes are never stranded.
    const { SyncEngine } = await import('./sync/sync-engine');
    engine = new SyncEngine({ hub, session: s, status, origin: location.origin, onError: reportError });
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
      const previous = session();
      if (previous && previous.user.id !== s.user.id) {
        // Another person on a shared tablet: nothing of the previous user may remain,
        // but a change the server has not confirmed must never be wiped.
        if (status.pending() > 0) throw new PendingChangesError();
        engine?.stop();
        hub.close();
        clearAllDraftBackups();
        await wipeDevice(db);
        const fresh = openDb();
        await saveSession(fresh, s);
        location.replace('/');
        return;
      }
      await saveSession(db, s);
      setSession(s);
      syncWanted = true;
      void navigator.storage?.persist?.();
      startSync(s).catch(reportError);
    },
    async signOut() {
      hub.setOnOpened(null);
      engine?.stop();
      hub.close();
      clearAllDraftBackups();
      await wipeDevice(db);
      location.replace('/');
    },
  };

  window.addEventListener('online', () => {
    status.setOnline(true);
    const current = session();
    if (!engine && current && syncWanted) {
      startSync(current).catch(reportError);
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
  if (localStorage.getItem('slinga:bench') === '1') {
    // Only what bench/sync-catch-up.ts calls: a namespace import would keep all of domain/ in the bundle.
    const domain = { createDraft, parseDocName, setTaskDone };
    const docNames = async () => (await loadDocList(db))?.docs ?? [];
    Object.assign(window, { slingaBench: { hub, status, domain, LOCAL, docNames } });
  }

  const root = document.getElementById('app');
  if (!root) throw new Error('#app missing');
  render(() => <App services={services} i18n={i18n} />, root);

  // Once the day is on screen (sync must not compete with the cold start):
  // sync, persistent storage, service worker.
  void afterDayVisible(FIRST_CONTENT_TIMEOUT_MS).then(() => {
    syncWanted = true;
    if (initialSession && session() === initialSession) startSync(initialSession).catch(reportError);
    void navigator.storage?.persist?.();
    import('./sw-registration')
      .then((m) => m.registerServiceWorker({ onUpdateReady: (apply) => setApplyUpdate(() => apply), onError: reportError }))
      .catch(reportError);
  });
}

boot().catch(reportError);
