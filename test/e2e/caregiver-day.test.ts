// A caregiver's day in Debian's Chromium: anna signs in and sees her day, loses
// the network, reloads (the service worker and IndexedDB carry the app), checks
// in and writes a note; back online, the scheduler sees both within seconds.
import { describe, expect, it } from 'vitest';
import { newDevice, useServerAndBrowser, pendingCount, signIn, waitForServiceWorker, waitUntilNothingPending, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();

describe('caregiver day offline', () => {
  it('works offline after a reload and reaches the scheduler when back online', async () => {
    const anna = await newDevice(env.browser());
    await signIn(anna.page, env.server().url, 'anna');
    await expect(anna.page.getByRole('heading', { name: 'Min dag' })).toBeTruthy();
    const cards = anna.page.getByTestId('visit-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(0);
    await waitUntilSynced(anna.page);
    await anna.page.waitForFunction(() => document.querySelector('.visit-name')?.textContent !== '…');
    await waitForServiceWorker(anna.page);
    const firstName = (await anna.page.locator('.visit-name').first().innerText()).trim();
    expect(firstName).not.toBe('…');
    const visitId = await cards.first().getAttribute('data-visit-id');
    expect(visitId).toBeTruthy();

    // The scheduler is at her desk, online, looking at the team's day.
    const planner = await newDevice(env.browser());
    await signIn(planner.page, env.server().url, 'planerare-norr');
    await planner.page.getByRole('heading', { name: 'Teamets dag' }).waitFor();
    const plannerCard = planner.page.locator(`[data-visit-id="${visitId}"]`);
    await plannerCard.waitFor();
    expect(await plannerCard.getByTestId('visit-status').innerText()).toContain('Planerat');

    // No signal: offline, and the page is reloaded.
    await anna.context.setOffline(true);
    await anna.page.reload();
    await anna.page.getByRole('heading', { name: 'Min dag' }).waitFor();
    await anna.page.locator('.visit-name').first().filter({ hasText: firstName }).waitFor({ timeout: 10_000 });
    expect(await anna.page.getByTestId('online-state').innerText()).toBe('Ingen uppkoppling');

    // She checks in and writes a note, still offline.
    await anna.page.locator(`[data-visit-id="${visitId}"] a`).click();
    await anna.page.getByRole('button', { name: 'Checka in' }).click();
    await anna.page.getByRole('button', { name: 'Allt gjort som planerat' }).waitFor();
    expect(await anna.page.getByTestId('visit-status').innerText()).toContain('Pågår');
    const note = 'Hjälpte med morgonrutiner. Personen var pigg och åt frukost.';
    await anna.page.getByTestId('journal-text').fill(note);
    await anna.page.getByTestId('draft-saved').waitFor();
    await anna.page.getByRole('button', { name: 'Signera' }).click();
    await anna.page.locator('[data-testid=journal-entry].signed', { hasText: note }).waitFor();
    expect(await pendingCount(anna.page)).toBeGreaterThan(0);
    // The scheduler has not seen anything yet.
    expect(await plannerCard.getByTestId('visit-status').innerText()).toContain('Planerat');

    // Back online: the device syncs and the scheduler sees the check-in and the note.
    await anna.context.setOffline(false);
    await waitUntilNothingPending(anna.page);
    await plannerCard.getByTestId('visit-status').filter({ hasText: 'Pågår' }).waitFor({ timeout: 10_000 });
    await plannerCard.locator('a').click();
    await planner.page.locator('[data-testid=journal-entry]', { hasText: note }).waitFor({ timeout: 10_000 });
    expect(await planner.page.getByTestId('visit-status').innerText()).toContain('Incheckad');

    expect(anna.errors).toEqual([]);
    expect(planner.errors).toEqual([]);
    await anna.context.close();
    await planner.context.close();
  });
});
