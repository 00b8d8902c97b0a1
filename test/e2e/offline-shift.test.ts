// A caregiver's whole shift without network: anna signs in once, loses the
// signal, reloads (the service worker and IndexedDB carry the app) and works all
// of her visits of the day plus an unplanned one: check-in, every insats,
// check-out (one not as planned), a signed note each; she reports a deviation,
// writes a handover and asks for help, which plainly says it is not delivered.
// Back online everything reaches the server, the help request turns delivered
// and the scheduler sees every fact.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDevice, useServerAndBrowser, pendingCount, signIn, waitForServiceWorker, waitUntilNothingPending, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();

type Worked = { id: string; href: string; brukareId: string; note: string; asPlanned: boolean };

const OUTCOME_REASON = 'Tiden räckte inte';

/** The visits listed on Min dag (or Teamets dag), in order: id and link. */
async function listedVisits(page: Page): Promise<Array<{ id: string; href: string }>> {
  return page.getByTestId('visit-card').evaluateAll((cards) =>
    cards.map((card) => ({ id: card.getAttribute('data-visit-id') ?? '', href: card.querySelector('a')?.getAttribute('href') ?? '' })),
  );
}

/** On an open visit page: check in, tick the insatser, check out, write and sign a note. */
async function workVisit(page: Page, note: string, asPlanned: boolean): Promise<{ brukareId: string }> {
  await page.getByRole('button', { name: 'Checka in' }).click();
  await page.getByRole('button', { name: 'Allt gjort som planerat' }).waitFor();
  expect(await page.getByTestId('visit-status').innerText()).toContain('Pågår');

  const tasks = page.locator('[data-testid^="task-"]');
  const taskIds = (await tasks.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''))).map((t) => t.slice('task-'.length));
  expect(taskIds.length).toBeGreaterThan(0);
  // Not as planned: the last insats is left undone; everything else is ticked.
  const notDone = asPlanned ? undefined : taskIds[taskIds.length - 1];
  for (const id of taskIds) {
    if (id === notDone) continue;
    await page.getByTestId(`task-${id}`).check();
    expect(await page.getByTestId(`task-${id}`).isChecked()).toBe(true);
  }

  if (asPlanned) {
    await page.getByRole('button', { name: 'Allt gjort som planerat' }).click();
  } else {
    await page.getByRole('button', { name: 'Inte som planerat …' }).click();
    await page.getByRole('radio', { name: 'En del blev gjort' }).check();
    await page.getByTestId(`not-done-${notDone}`).check();
    await page.getByRole('radio', { name: OUTCOME_REASON }).check();
    await page.getByRole('button', { name: 'Checka ut', exact: true }).click();
  }
  await page.getByTestId('visit-status').filter({ hasText: 'Klart' }).waitFor();
  if (!asPlanned) {
    expect(await page.getByTestId('visit-status').innerText()).toContain('Delvis gjort');
    expect(await page.getByTestId('outcome').innerText()).toContain(OUTCOME_REASON);
  }

  await page.getByTestId('journal-text').fill(note);
  await page.getByTestId('draft-saved').waitFor();
  await page.getByRole('button', { name: 'Signera' }).click();
  await page.locator('[data-testid=journal-entry].signed', { hasText: note }).waitFor();

  const readUp = await page.getByRole('link', { name: 'Läs på om brukaren' }).getAttribute('href');
  const brukareId = readUp?.split('/').pop() ?? '';
  expect(brukareId).not.toBe('');
  return { brukareId };
}

async function backToDay(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Tillbaka till dagen' }).click();
  await page.getByRole('heading', { name: 'Min dag' }).waitFor();
}

describe('offline shift', () => {
  it('A caregiver can work a whole shift offline', async () => {
    const url = env.server().url;
    const anna = await newDevice(env.browser());
    await signIn(anna.page, url, 'anna');
    await anna.page.getByRole('heading', { name: 'Min dag' }).waitFor();
    await waitUntilSynced(anna.page);
    await waitForServiceWorker(anna.page);
    // Reloaded once online, the service worker controls the page.
    await anna.page.reload();
    await anna.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await waitUntilSynced(anna.page);

    // No signal for the whole shift, and the app is started again.
    await anna.context.setOffline(true);
    await anna.page.reload();
    await anna.page.getByRole('heading', { name: 'Min dag' }).waitFor({ timeout: 30_000 });
    await anna.page.getByTestId('online-state').filter({ hasText: 'Ingen uppkoppling' }).waitFor();
    await anna.page.getByTestId('visit-card').first().waitFor({ timeout: 30_000 });
    const planned = await listedVisits(anna.page);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((v) => v.id !== '' && v.href.startsWith('/besok/'))).toBe(true);

    const worked: Worked[] = [];
    // The not-as-planned visit: one with at least two insatser if there is one.
    const partialIndex = Math.max(
      0,
      await anna.page.getByTestId('visit-card').evaluateAll((cards) => cards.findIndex((c) => (c.querySelector('.visit-tasks')?.textContent ?? '').includes(','))),
    );
    for (const [n, visit] of planned.entries()) {
      await anna.page.locator(`[data-visit-id="${visit.id}"] a`).click();
      await anna.page.getByRole('button', { name: 'Checka in' }).waitFor({ timeout: 30_000 });
      const note = `Besök ${n + 1} av passet: hjälpte enligt planen, personen mådde bra.`;
      const asPlanned = n !== partialIndex;
      const { brukareId } = await workVisit(anna.page, note, asPlanned);
      worked.push({ ...visit, brukareId, note, asPlanned });
      await backToDay(anna.page);
    }

    // An unplanned visit, for example after an alarm.
    await anna.page.getByRole('link', { name: 'Nytt oplanerat besök' }).click();
    await anna.page.getByRole('heading', { name: 'Oplanerat besök' }).waitFor();
    const recipient = anna.page.getByLabel('Brukare', { exact: true });
    await anna.page.waitForFunction(() => ((document.querySelector('#recipient') as HTMLSelectElement | null)?.options.length ?? 0) > 1, undefined, {
      timeout: 30_000,
    });
    const chosen = await recipient.evaluate((select) => (select as HTMLSelectElement).options[1]?.value ?? '');
    expect(chosen).not.toBe('');
    await recipient.selectOption(chosen);
    await anna.page.getByRole('group', { name: 'Insatser' }).getByRole('checkbox').first().check();
    await anna.page.getByRole('button', { name: 'Skapa och öppna besöket' }).click();
    await anna.page.waitForURL(/\/besok\/\d{4}-\d{2}-\d{2}\/u-/);
    await anna.page.getByRole('button', { name: 'Checka in' }).waitFor({ timeout: 30_000 });
    expect(await anna.page.locator('.visit-header .visit-time').innerText()).toContain('Oplanerat');
    const unplannedHref = new URL(anna.page.url()).pathname;
    const unplannedId = unplannedHref.split('/').pop() ?? '';
    const unplannedNote = 'Oplanerat besök efter larm: personen hade ramlat lätt, hjälpte upp, inga synliga skador.';
    const unplanned = await workVisit(anna.page, unplannedNote, true);
    expect(unplanned.brukareId).toBe(chosen);
    worked.push({ id: unplannedId, href: unplannedHref, brukareId: chosen, note: unplannedNote, asPlanned: true });

    // A deviation, reported from the unplanned visit.
    const deviationText = 'Personen hade ramlat i hallen innan vi kom. Larmet gick.';
    await anna.page.getByRole('link', { name: 'Rapportera avvikelse' }).click();
    await anna.page.getByRole('heading', { name: 'Avvikelse' }).waitFor();
    await anna.page.getByRole('radio', { name: 'Fall' }).check();
    await anna.page.getByLabel('Vad hände?').fill(deviationText);
    await anna.page.getByLabel('Vad gjordes direkt?').fill('Hjälpte upp, kontrollerade att inget gjorde ont.');
    await anna.page.getByRole('button', { name: 'Skicka avvikelsen' }).click();
    await anna.page.getByTestId('deviation-sent').waitFor();
    await anna.page.getByRole('button', { name: 'Tillbaka till dagen' }).click();
    await anna.page.waitForURL((u) => u.pathname === unplannedHref);

    // A handover on the recipient's read-up page.
    const handoverText = 'Har ramlat i hallen i dag. Titta extra på höger höft nästa pass.';
    await anna.page.getByRole('link', { name: 'Läs på om brukaren' }).click();
    await anna.page.getByRole('heading', { name: /^Inför besöket:/ }).waitFor();
    await anna.page.getByLabel('Meddelande om brukaren till nästa pass').fill(handoverText);
    await anna.page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await anna.page.getByTestId('handover').filter({ hasText: handoverText }).waitFor();

    // Min dag: every visit of the day, the unplanned one too, is done.
    await anna.page.getByRole('link', { name: 'Tillbaka till dagen' }).click();
    await anna.page.getByRole('heading', { name: 'Min dag' }).waitFor();
    await anna.page.getByText(`${worked.length} besök`, { exact: true }).waitFor();
    for (const visit of worked) {
      await anna.page.locator(`[data-visit-id="${visit.id}"]`).getByTestId('visit-status').filter({ hasText: 'Klart' }).waitFor();
    }

    // Help, from the first visit of the day: plainly not delivered while offline.
    const helpVisit = worked[0];
    if (!helpVisit) throw new Error('no visit worked');
    await anna.page.locator(`[data-visit-id="${helpVisit.id}"] a`).click();
    await anna.page.getByRole('button', { name: 'Be om hjälp nu' }).click();
    await anna.page.getByRole('button', { name: 'Ja, skicka' }).click();
    const helpStatus = anna.page.getByTestId('help-status');
    await helpStatus.waitFor();
    expect(await helpStatus.getAttribute('data-delivered')).toBe('false');
    expect(await helpStatus.innerText()).toContain('INTE levererad');
    expect(await pendingCount(anna.page)).toBeGreaterThan(0);
    expect(await anna.page.getByTestId('online-state').innerText()).toBe('Ingen uppkoppling');

    // Back online: everything is confirmed by the server, the help request is delivered.
    await anna.context.setOffline(false);
    await waitUntilNothingPending(anna.page);
    await anna.page.locator('[data-testid=help-status][data-delivered=true]').waitFor({ timeout: 30_000 });
    expect(await helpStatus.innerText()).toContain('levererad');
    expect(await helpStatus.innerText()).not.toContain('INTE');

    // The scheduler sees every fact.
    const planner = await newDevice(env.browser());
    await signIn(planner.page, url, 'planerare-norr');
    await planner.page.getByRole('heading', { name: 'Teamets dag' }).waitFor();
    await waitUntilSynced(planner.page);
    for (const visit of worked) {
      const card = planner.page.locator(`[data-visit-id="${visit.id}"]`);
      await card.getByTestId('visit-status').filter({ hasText: 'Klart' }).waitFor({ timeout: 30_000 });
      expect(await card.locator('.visit-staff').innerText()).toContain('Anna Lindqvist');
    }
    expect(await planner.page.locator(`[data-visit-id="${unplannedId}"] .visit-tasks`).innerText()).toContain('Oplanerat');

    // One visit: anna's signed note.
    const noted = worked[1] ?? helpVisit;
    await planner.page.locator(`[data-visit-id="${noted.id}"] a`).click();
    await planner.page.locator('[data-testid=journal-entry].signed', { hasText: noted.note }).waitFor({ timeout: 30_000 });
    expect(await planner.page.locator('[data-testid=journal-entry].signed', { hasText: noted.note }).innerText()).toContain('Anna Lindqvist');

    // The visit checked out not as planned: its outcome.
    const partial = worked.find((v) => !v.asPlanned);
    if (!partial) throw new Error('no visit checked out not as planned');
    await planner.page.getByRole('link', { name: 'Tillbaka till dagen' }).click();
    await planner.page.getByRole('heading', { name: 'Teamets dag' }).waitFor();
    await planner.page.locator(`[data-visit-id="${partial.id}"] a`).click();
    await planner.page.getByTestId('outcome').waitFor({ timeout: 30_000 });
    expect(await planner.page.getByTestId('visit-status').innerText()).toContain('Delvis gjort');
    expect(await planner.page.getByTestId('outcome').innerText()).toContain(OUTCOME_REASON);
    await planner.page.locator('[data-testid=journal-entry].signed', { hasText: partial.note }).waitFor({ timeout: 30_000 });

    // The inbox: the deviation and the help request.
    await planner.page.getByRole('link', { name: 'Inkorg' }).click();
    await planner.page.getByRole('heading', { name: 'Inkorg' }).waitFor();
    const deviation = planner.page.getByTestId('deviation').filter({ hasText: deviationText });
    await deviation.waitFor({ timeout: 30_000 });
    expect(await deviation.innerText()).toContain('Fall');
    expect(await deviation.innerText()).toContain('Anna Lindqvist');
    const help = planner.page.getByTestId('help-request').filter({ hasText: 'Anna Lindqvist' });
    await help.waitFor({ timeout: 30_000 });
    expect(await help.count()).toBe(1);
    expect(await help.getByRole('button', { name: 'Kvittera' }).isVisible()).toBe(true);

    // The recipient's read-up page: the handover.
    await planner.page.goto(`${url}/brukare/${chosen}`);
    await planner.page.getByTestId('handover').filter({ hasText: handoverText }).waitFor({ timeout: 30_000 });
    expect(await planner.page.getByTestId('handover').filter({ hasText: handoverText }).innerText()).toContain('Anna Lindqvist');

    expect(anna.errors).toEqual([]);
    expect(planner.errors).toEqual([]);
    await anna.context.close();
    await planner.context.close();
  });
});
