// The scheduler's week view: load per caregiver and day against working hours,
// a day header that opens the day board, a table that scrolls inside its own
// box on a portrait tablet, and visits created from care plans for the last
// week the device holds: some the first time, none the second time, and the
// server has them afterwards.
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, localDate } from '../../domain';
import { login } from '../fixtures/server';
import { newDevice, signIn, useServerAndBrowser, waitUntilNothingPending, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();

describe('week view', () => {
  it('shows load per caregiver and day, links to the day board, and creates visits from care plans once', async () => {
    const url = env.server().url;
    const today = localDate(new Date());
    const monday = addDays(today, 1 - isoWeekday(today));
    const { page, errors } = await newDevice(env.browser());
    await signIn(page, url, 'planerare-norr');
    await waitUntilSynced(page);
    await page.getByRole('link', { name: 'Planering' }).click();
    await page.getByRole('navigation', { name: 'Planeringsvyer' }).getByRole('link', { name: 'Vecka' }).click();
    await page.getByRole('heading', { level: 1, name: 'Veckan' }).waitFor();
    await page.locator(`[data-testid=week-range][data-from="${monday}"][data-to="${addDays(monday, 6)}"][data-loaded=true]`).waitFor();

    // A real table: caption, a column header per day plus name and week total, a row per caregiver.
    const table = page.getByTestId('week-table');
    expect(await table.locator('caption').innerText()).toContain('Belastning vecka');
    expect(await table.locator('thead th[scope=col]').count()).toBe(9);
    const anna = page.locator('[data-testid=week-row][data-staff-id="anna"]');
    expect(await anna.locator('th[scope=row]').innerText()).toContain('Anna Lindqvist');
    expect(await page.getByTestId('week-row').count()).toBeGreaterThanOrEqual(5);
    // "Synced" means acknowledged, which comes before the content: the table follows as it arrives.
    const annaToday = anna.locator(`td[data-date="${today}"]`);
    await expect.poll(async () => Number(await annaToday.getAttribute('data-visits')), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(Number(await annaToday.getAttribute('data-minutes'))).toBeGreaterThan(0);
    expect(await annaToday.innerText()).toMatch(/^\d+ besök · (\d+ h )?(\d+ min)? ?\/ 9 h/);
    const dayTotal = page.locator(`[data-testid=week-totals] td[data-date="${today}"]`);
    expect(Number(await dayTotal.getAttribute('data-visits'))).toBeGreaterThanOrEqual(Number(await annaToday.getAttribute('data-visits')));
    const annaWeek = Number(await anna.getByTestId('week-staff-total').getAttribute('data-visits'));
    expect(annaWeek).toBeGreaterThanOrEqual(Number(await annaToday.getAttribute('data-visits')));

    // On a 10-inch tablet in portrait the page does not scroll sideways; the table scrolls in its own box.
    await page.setViewportSize({ width: 800, height: 1280 });
    const sizes = await page.evaluate(() => {
      const box = document.querySelector('.week-scroll');
      return { page: document.documentElement.scrollWidth, window: window.innerWidth, box: box?.scrollWidth ?? 0, boxVisible: box?.clientWidth ?? 0 };
    });
    expect(sizes.page).toBeLessThanOrEqual(sizes.window);
    expect(sizes.box).toBeGreaterThan(sizes.boxVisible);
    const small = await page
      .locator('main')
      .locator('a[href], button')
      .evaluateAll((els) =>
        els
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => ({ text: (el.textContent ?? '').trim(), box: el.getBoundingClientRect() }))
          .filter((t) => t.box.width < 44 || t.box.height < 44)
          .map((t) => `${t.text} ${Math.round(t.box.width)}×${Math.round(t.box.height)}`),
      );
    expect(small).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 900 });

    // A day header opens that day on the board.
    const dayLink = page.locator(`thead th[data-date="${today}"] a`);
    expect(await dayLink.getAttribute('href')).toBe(`/planering?dag=${today}`);
    await dayLink.click();
    await page.waitForURL((u) => u.pathname === '/planering' && u.searchParams.get('dag') === today);
    await page.getByRole('heading', { level: 1, name: 'Planering' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Veckan' }).waitFor();

    // Forward to the last week the device holds: the next button stops there.
    const next = page.getByRole('button', { name: 'Nästa vecka' });
    const last = addDays(today, 14);
    const lastMonday = addDays(last, 1 - isoWeekday(last));
    for (let from = monday; from !== lastMonday; ) {
      await next.click();
      from = addDays(from, 7);
      await page.locator(`[data-testid=week-range][data-from="${from}"][data-loaded=true]`).waitFor();
    }
    expect(await next.isDisabled()).toBe(true);
    // Days after the window are not on the device and have no link.
    await page.locator(`thead th[data-date="${last}"] a[href="/planering?dag=${last}"]`).waitFor();
    if (isoWeekday(last) < 7) expect(await page.locator(`thead th[data-date="${addDays(last, 1)}"] a`).count()).toBe(0);
    // Demo data has visits only a week ahead: nothing is planned for these days yet.
    expect(Number(await page.getByTestId('week-total').getAttribute('data-visits'))).toBe(0);

    // Create visits from care plans: some the first time, and the table shows them as unassigned.
    const generate = page.getByTestId('generate-visits');
    const result = page.getByTestId('generate-result');
    await generate.click();
    await page.locator('[data-testid=generate-result][data-added]').waitFor();
    const added = Number(await result.getAttribute('data-added'));
    expect(added).toBeGreaterThan(0);
    expect(await result.innerText()).toContain(`${added} nya besök`);
    await expect.poll(async () => Number(await page.getByTestId('week-unassigned-total').getAttribute('data-visits'))).toBe(added);
    expect(Number(await page.getByTestId('week-total').getAttribute('data-visits'))).toBe(added);

    // The second time (by keyboard): nothing new.
    await generate.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=generate-result][data-added="0"]').waitFor();
    expect(await result.innerText()).toContain('Inga nya besök');
    expect(Number(await page.getByTestId('week-total').getAttribute('data-visits'))).toBe(added);

    // The server has the new visits of the last day.
    await waitUntilNothingPending(page);
    const { token } = await login(url, 'planerare-norr');
    const res = await fetch(`${url}/api/days/norr/${last}`, { headers: { authorization: `Bearer ${token}` } });
    const day = (await res.json()) as { visits: Array<{ assignedStaffIds: string[] }> };
    const shownLast = Number(await page.locator(`[data-testid=week-totals] td[data-date="${last}"]`).getAttribute('data-visits'));
    expect(shownLast).toBeGreaterThan(0);
    expect(day.visits.length).toBe(shownLast);
    expect(day.visits.every((v) => v.assignedStaffIds.length === 0)).toBe(true);
    expect(errors).toEqual([]);
  });
});
