// The header: app name, language switch, sign-out, and the sync state, which is
// always visible (online/offline, unconfirmed changes, last sync).
import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { useApp } from '../app-context';
import { lock } from '../security/app-lock';
import { useI18n } from '../i18n/i18n';
import { saveLocale } from '../storage/meta-repo';
import { dateTimeOf } from '../format';
import { localDate } from '../../domain';

export function AppHeader(): JSX.Element {
  const app = useApp();
  const i18n = useI18n();
  const t = i18n.t;
  const toggleLocale = () => {
    const next = i18n.locale() === 'sv' ? 'en' : 'sv';
    i18n
      .setLocale(next)
      .then(() => saveLocale(app.db, next))
      .catch(app.reportError);
  };
  return (
    <header class="app-header">
      <div class="header-row">
        <span class="app-name">{t().appName}</span>
        <Show when={app.session()}>
          {(s) => <span class="user-name">{s().user.name}</span>}
        </Show>
        <Show when={app.session()}>
          {(s) => (
            <nav aria-label={t().appName} class="nav">
              <A href="/" end class="nav-link">
                {s().user.role === 'caregiver' ? t().nav.myDay : t().nav.teamDay}
              </A>
              <Show when={s().user.role === 'scheduler'}>
                <A href="/planering" class="nav-link">
                  {t().nav.planning}
                </A>
              </Show>
              <Show when={s().user.role === 'admin'}>
                <A href="/admin" class="nav-link">
                  {t().nav.admin}
                </A>
              </Show>
              <A href="/meddelanden" class="nav-link">
                {s().user.role === 'scheduler' ? t().nav.inbox : t().nav.messages}
              </A>
            </nav>
          )}
        </Show>
        <span class="spacer" />
        {/* Labelled in the language it switches to, and marked as such for screen readers. */}
        <button type="button" class="btn btn-quiet" lang={i18n.locale() === 'sv' ? 'en' : 'sv'} onClick={toggleLocale}>
          {t().language}
        </button>
        <Show when={app.session()}>
          <button type="button" class="btn btn-quiet" onClick={lock}>
            {t().nav.lock}
          </button>
        </Show>
        <Show when={app.session()}>
          <button
            type="button"
            class="btn btn-quiet"
            aria-disabled={app.status.pending() > 0 || app.status.storageError()}
            title={app.status.pending() > 0 || app.status.storageError() ? t().logoutBlocked : undefined}
            onClick={() => {
              // Signing out wipes the device: never while something is not safe on the server.
              if (app.status.pending() > 0 || app.status.storageError()) return alert(t().logoutBlocked);
              void app.signOut();
            }}
          >
            {t().logout}
          </button>
        </Show>
      </div>
      <Show when={app.session()}>
        <div
          class="sync-bar"
          data-testid="sync-status"
          data-synced-docs={app.status.syncedDocs()}
          data-doc-count={app.status.docCount()}
        >
          <span class={app.status.online() ? 'dot dot-online' : 'dot dot-offline'} aria-hidden="true" />
          {/* Only going on- or offline is announced; counts and times change too often to read out. */}
          <span data-testid="online-state" role="status">
            {app.status.online() ? t().sync.online : t().sync.offline}
          </span>
          <span data-testid="pending-count" data-pending={app.status.pending()}>
            {t().sync.pending(app.status.pending())}
          </span>
          <span data-testid="last-synced">
            {app.status.lastSyncedAt() ? t().sync.lastSynced(dateTimeOf(app.status.lastSyncedAt() ?? '', localDate(new Date()))) : t().sync.neverSynced}
          </span>
          <Show when={app.status.authExpired()}>
            <strong class="warn">{t().sync.authExpired}</strong>
          </Show>
        </div>
        <Show when={app.status.storageError()}>
          <p class="error banner" role="alert">
            {t().sync.storageError}
          </p>
        </Show>
        <Show when={app.status.refusedDocs().length > 0}>
          <p class="error banner" role="alert">
            {t().sync.refused(app.status.refusedDocs().length)}
          </p>
        </Show>
      </Show>
      <Show when={app.update.ready()}>
        <div class="update-banner" role="region" aria-label={t().update.available}>
          <span>{t().update.available}</span>
          <Show when={app.status.pending() > 0} fallback={
            <button type="button" class="btn" onClick={() => void app.update.apply()}>
              {t().update.apply}
            </button>
          }>
            <span>{t().update.waiting}</span>
          </Show>
        </div>
      </Show>
    </header>
  );
}
