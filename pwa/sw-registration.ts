// Registers the service worker. A new version is offered, never forced: it is
// applied only when the user agrees and no local change awaits the server.
import { registerSW } from 'virtual:pwa-register';

export type UpdateHooks = {
  /** Called when a new version is installed and waiting. */
  onUpdateReady(apply: () => Promise<void>): void;
  onError(error: unknown): void;
};

export function registerServiceWorker(hooks: UpdateHooks): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => hooks.onUpdateReady(() => update(true)),
    onRegisterError: hooks.onError,
  });
}
