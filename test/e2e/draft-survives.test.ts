// A journal draft is saved on the device while it is typed: anna types a note,
// the page is closed right after "Utkast sparat på enheten" shows, and a new
// page at the same visit has the whole text, keystrokes included. Online and
// offline.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDevice, useServerAndBrowser, signIn, unlockIfAsked, waitForServiceWorker, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();

/** Types a draft (fill, then single keystrokes), closes the page, and returns what a new page at the same visit shows. */
async function draftAfterClose(context: BrowserContext, page: Page, errors: string[], visitUrl: string, filled: string, typed: string): Promise<string> {
  await page.goto(visitUrl);
  await unlockIfAsked(page);
  const text = page.getByTestId('journal-text');
  await text.waitFor({ timeout: 30_000 });
  expect(await text.inputValue()).toBe('');
  await text.fill(filled);
  await page.keyboard.type(typed);
  await page.getByText('Utkast sparat på enheten').waitFor();
  expect(await text.inputValue()).toBe(filled + typed);
  await page.close();

  const again = await context.newPage();
  again.on('pageerror', (e) => errors.push(e.message));
  await again.goto(visitUrl);
  // A new tab: the PIN first (the draft is still there behind it).
  await unlockIfAsked(again);
  const restored = again.getByTestId('journal-text');
  await restored.waitFor({ timeout: 30_000 });
  // The draft is read from IndexedDB after the page starts: wait for it, but report whatever is there.
  await again
    .waitForFunction((expected) => (document.querySelector('[data-testid=journal-text]') as HTMLTextAreaElement | null)?.value === expected, filled + typed, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  const value = await restored.inputValue();
  await again.close();
  return value;
}

describe('journal draft', () => {
  it('survives closing the page, online and offline', async () => {
    const url = env.server().url;
    const anna = await newDevice(env.browser());
    await signIn(anna.page, url, 'anna');
    await waitUntilSynced(anna.page);
    await waitForServiceWorker(anna.page);
    const cards = anna.page.getByTestId('visit-card');
    await cards.nth(1).waitFor();
    const [first, second] = await cards.evaluateAll((els) => els.slice(0, 2).map((el) => el.querySelector('a')?.getAttribute('href') ?? ''));
    if (!first || !second) throw new Error('anna has fewer than two visits today');
    // Reloaded once online, the service worker controls the context's pages.
    await anna.page.reload();
    await anna.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

    const onlineText = 'Personen var trött i morse och ville vila efter frukosten. Åt gröt.';
    const online = await draftAfterClose(anna.context, anna.page, anna.errors, `${url}${first}`, onlineText.slice(0, 41), onlineText.slice(41));

    const offlineText = 'Ingen täckning i trapphuset. Hjälpte med dusch och smorde in hälarna.';
    const page = await anna.context.newPage();
    page.on('pageerror', (e) => anna.errors.push(e.message));
    await anna.context.setOffline(true);
    const offline = await draftAfterClose(anna.context, page, anna.errors, `${url}${second}`, offlineText.slice(0, 46), offlineText.slice(46));

    // Both at once, so that a failure shows what was kept in each case.
    expect({ online, offline }).toEqual({ online: onlineText, offline: offlineText });
    expect(anna.errors).toEqual([]);
    await anna.context.setOffline(false);
    await anna.context.close();
  });
});
