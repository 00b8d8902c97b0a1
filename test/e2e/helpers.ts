// Shared steps of the browser tests: sign in, wait for the device to be in
// sync, wait for the service worker to hold the app shell.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../fixtures/browser';
import { removeDataDir, startTestServer, type TestServer } from '../fixtures/server';

/** A fresh server with demo data and one Chromium for the test file; both torn down afterwards. */
export function useServerAndBrowser(): { server(): TestServer; browser(): Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });
  const get = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} not started`);
    return value;
  };
  return { server: () => get(server, 'server'), browser: () => get(browser, 'browser') };
}

/** A tablet-sized browser context; `bypassCSP` only for tests that inject axe-core (axe-scan.ts). */
export async function newDevice(browser: Browser, options: { bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, ...(options.bypassCSP ? { bypassCSP: true } : {}) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A Content-Security-Policy violation is an error too: the app must run under its own policy.
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('Content Security Policy')) errors.push(m.text());
  });
  return { context, page, errors };
}

/** The personal PIN the browser tests choose after signing in. */
export const TEST_PIN = '2468';

export async function signIn(page: Page, baseUrl: string, username: string, password = 'demo', pin = TEST_PIN): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await choosePin(page, pin);
  // The sync status is only shown with a session, unlocked.
  await page.getByTestId('sync-status').waitFor();
}

/** After a sign-in: choose the personal PIN (typed twice). */
export async function choosePin(page: Page, pin = TEST_PIN): Promise<void> {
  await page.getByTestId('pin-setup').waitFor();
  await page.getByLabel('PIN-kod (4–6 siffror)').fill(pin);
  await page.getByLabel('Samma PIN-kod igen').fill(pin);
  await page.getByRole('button', { name: 'Spara PIN-kod' }).click();
}

/** The app is locked: unlock it with the PIN. */
export async function unlockWithPin(page: Page, pin = TEST_PIN): Promise<void> {
  await page.getByTestId('pin-lock').waitFor();
  await page.getByLabel('PIN-kod (4–6 siffror)').fill(pin);
  await page.getByRole('button', { name: 'Lås upp' }).click();
  await page.getByTestId('sync-status').waitFor();
}

/** Every doc of the device's window has been acknowledged by the server at least once. */
export async function waitUntilSynced(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid=sync-status]');
      const count = Number(el?.getAttribute('data-doc-count') ?? '0');
      return count > 0 && Number(el?.getAttribute('data-synced-docs')) === count;
    },
    undefined,
    { timeout },
  );
}

/** No local change is waiting for the server's confirmation. */
export async function waitUntilNothingPending(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid=pending-count]')?.getAttribute('data-pending') === '0', undefined, { timeout });
}

export async function pendingCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('pending-count').getAttribute('data-pending'));
}

/** The service worker is active and has precached the app shell. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** A new tab asks for the PIN (nothing carries over from a closed one): give it, if asked. */
export async function unlockIfAsked(page: Page, pin = TEST_PIN): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid=pin-lock], [data-testid=sync-status]') !== null, undefined, { timeout: 30_000 });
  if ((await page.getByTestId('pin-lock').count()) > 0) await unlockWithPin(page, pin);
}
