// Caching strategies of the service worker: the app shell is precached (so the
// app starts with no network at all), navigations get the cached index.html.
// API calls and the sync socket are never cached: their data lives in IndexedDB.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

export const NOT_APP_SHELL = [/^\/api\//, /^\/sync\//, /^\/healthz/];

export function installCaching(manifest: Array<PrecacheEntry | string>): void {
  precacheAndRoute(manifest);
  cleanupOutdatedCaches();
  registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: NOT_APP_SHELL }));
}
