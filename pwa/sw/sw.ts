// The service worker: only event wiring. Strategies live in caching.ts.
// A waiting version activates only when the page asks (SKIP_WAITING), which it
// does only when the user agreed and nothing local awaits the server.
import { clientsClaim } from 'workbox-core';
import type { PrecacheEntry } from 'workbox-precaching';
import { installCaching } from './caching';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

installCaching(self.__WB_MANIFEST);
// Taking control of pages on first install is safe (there is no old version to
// replace); it lets the very first visit work offline without a reload.
clientsClaim();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
