// A scheduler takes in an order by hand (issue 7): a form that leaves out the
// name and address is refused with both fields named; the full order with two
// insatser makes a recipient whose draft care plan the scheduler reads at once;
// the week view shows granted and planned minutes side by side (flagged until
// visits are generated), and a caregiver of the team has the new recipient's
// record on her tablet, offline too.
import { describe, expect, it } from 'vitest';
import { newDevice, signIn, unlockIfAsked, useServerAndBrowser, waitForServiceWorker, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();

describe('orders in the app', () => {
  it('a scheduler enters an order with two insatser; the recipient and the draft care plan reach a caregiver offline', async () => {
    const url = env.server().url;
    const planner = await newDevice(env.browser());
    await signIn(planner.page, url, 'planerare-norr');
    await planner.page.goto(`${url}/planering/bestallning`);
    await unlockIfAsked(planner.page);
    const page = planner.page;
    await page.getByRole('heading', { name: 'Ny beställning' }).waitFor();
    // The catalogue has loaded into the insats menu.
    await page.waitForFunction(() => (document.querySelector('[data-testid=order-insats] select') as HTMLSelectElement | null)?.options.length === 13);

    // Without name and address: refused, both named.
    await page.getByRole('button', { name: 'Skicka beställningen' }).click();
    const problems = page.getByTestId('order-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('recipient.name');
    expect(await problems.innerText()).toContain('recipient.address');

    await page.getByLabel('Namn', { exact: true }).fill('Greta Provsson');
    await page.getByLabel('Adress', { exact: true }).fill('Provgatan 1, 123 45 Norrby');
    const rows = page.getByTestId('order-insats');
    await rows.nth(0).getByLabel('Anteckning (valfritt)').fill('Vill klä sig själv.');
    await page.getByRole('button', { name: 'Lägg till insats' }).click();
    await rows.nth(1).getByLabel('Insats', { exact: true }).selectOption('shower');
    await rows.nth(1).getByLabel('Minuter per tillfälle').fill('45');
    await rows.nth(1).getByLabel('Tillfällen per vecka').fill('2');
    await page.getByRole('button', { name: 'Skicka beställningen' }).click();
    await page.getByTestId('order-created').waitFor();
    await page.getByRole('link', { name: 'Öppna brukarens uppgifter' }).click();
    await page.getByRole('heading', { name: /Greta Provsson/ }).waitFor({ timeout: 30_000 });
    const carePlan = page.locator('dl.care-plan');
    await carePlan.getByText('Morgonhjälp (07:00–10:00)').waitFor();
    await carePlan.getByText('Dusch (09:00–12:00)').waitFor();
    expect(await carePlan.innerText()).toContain('Vill klä sig själv.');
    const recipientPath = new URL(page.url()).pathname;
    const recipientId = recipientPath.split('/').pop() ?? '';

    // Granted and planned side by side: 7 × 30 + 2 × 45 = 300 minutes granted and in the
    // draft plan, nothing planned yet this week, so it is flagged; generating visits plans some.
    await page.goto(`${url}/planering/vecka`);
    const row = page.locator(`[data-testid=granted-vs-planned] tr[data-recipient-id="${recipientId}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('td').allInnerTexts()).toEqual(['300 min', '300 min', '0 min', '⚠ Avviker']);
    expect(await row.getAttribute('data-drift')).toBe('true');
    await waitUntilSynced(page);
    await page.getByRole('button', { name: 'Skapa besök från omsorgsplaner' }).click();
    await page.waitForFunction((id) => {
      const cells = document.querySelectorAll(`[data-testid=granted-vs-planned] tr[data-recipient-id="${id}"] td`);
      return cells.length > 2 && cells[2]?.textContent !== '0 min';
    }, recipientId);
    expect(planner.errors).toEqual([]);
    await planner.context.close();

    // The team's caregiver: the new recipient is among her docs, and readable offline.
    const anna = await newDevice(env.browser());
    await signIn(anna.page, url, 'anna');
    await waitUntilSynced(anna.page);
    await waitForServiceWorker(anna.page);
    await anna.context.setOffline(true);
    await anna.page.goto(`${url}${recipientPath}`);
    await unlockIfAsked(anna.page);
    await anna.page.getByRole('heading', { name: /Greta Provsson/ }).waitFor({ timeout: 30_000 });
    await anna.page.locator('dl.care-plan').getByText('Dusch (09:00–12:00)').waitFor();
    expect(anna.errors).toEqual([]);
    await anna.context.close();
  });
});
