// The recipient's card (issue 7) in the browser: a scheduler edits it (a
// relative with a role, an allergy, the kontaktman, the district nurse, the
// door code behind its reveal) and sees who changed it last; axe finds nothing
// serious in the editor; a caregiver's tablet, offline after a reload, shows
// all of it on the read-up page, the door code still only on demand. Then the
// scheduler ends the recipient's service in two steps and undoes it.
import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../domain';
import { seriousViolations } from './axe-scan';
import { newDevice, signIn, unlockIfAsked, useServerAndBrowser, waitForServiceWorker, waitUntilNothingPending, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();
const RECIPIENT = 'norr-b02';
describe("the recipient's card", () => {
  it('a scheduler edits the card; a caregiver reads it offline; the service is ended and the ending undone', async () => {
    const url = env.server().url;
    // axe-core is injected as a script: the scheduler's browser runs without the app's CSP.
    const { context: plannerContext, page, errors } = await newDevice(env.browser(), { bypassCSP: true });
    await signIn(page, url, 'planerare-norr');
    await page.goto(`${url}/brukare/${RECIPIENT}`);
    await unlockIfAsked(page);
    const card = page.getByTestId('recipient-card');
    await card.waitFor({ timeout: 30_000 });

    await card.getByRole('button', { name: 'Ändra kortet' }).click();
    const editor = page.getByTestId('card-editor');
    await editor.waitFor();
    // The door code is behind its own reveal, here too.
    expect(await editor.getByLabel('Nyckel och dörrkod').count()).toBe(0);
    await editor.getByRole('button', { name: 'Visa och ändra nyckel och dörrkod' }).click();
    await editor.getByLabel('Nyckel och dörrkod').fill('Nyckel hos grannen i nr 5, portkod 8642');
    await editor.getByLabel('Allergier (en per rad)').fill('Nötter\nPenicillin');
    await editor.getByLabel('Kontaktman').selectOption({ label: 'Anna Lindqvist' });
    await editor.getByRole('button', { name: 'Lägg till kontakt' }).click();
    const contact = editor.getByTestId('card-contact-row').last();
    await contact.getByLabel('Namn').fill('Kim Provsson');
    await contact.getByLabel('Relation (till exempel dotter, granne)').fill('barnbarn');
    await contact.getByLabel('Telefon').fill('070-222 33 44');
    await contact.getByLabel('God man eller förvaltare').check();
    await editor.getByRole('button', { name: 'Lägg till person' }).click();
    const person = editor.getByTestId('card-person-row').last();
    await person.getByLabel('Roll').selectOption('district_nurse');
    await person.getByLabel('Namn').fill('Sara Distriktsson');
    await person.getByLabel('Telefon (valfritt)').fill('010-123 45 67');
    expect(await seriousViolations(page, '[data-testid=card-editor]')).toEqual([]);
    await editor.getByRole('button', { name: 'Spara kortet' }).click();

    await page.getByTestId('card-status').filter({ hasText: 'Kortet är sparat' }).waitFor();
    await card.getByTestId('card-last-changed').filter({ hasText: 'Senast ändrat av Maria Sjöberg' }).waitFor();
    expect(await card.getByTestId('card-kontaktman').innerText()).toBe('Anna Lindqvist');
    expect(await card.getByTestId('card-contacts').innerText()).toContain('Kim Provsson (barnbarn) · God man eller förvaltare');
    expect(await card.getByTestId('card-who-is-who').innerText()).toContain('Distriktssköterska: Sara Distriktsson');
    expect(await seriousViolations(page, '[data-testid=recipient-card]')).toEqual([]);
    await waitUntilNothingPending(page);

    // The team's caregiver: online once (the record and the team's staff reach the tablet), then offline.
    const anna = await newDevice(env.browser());
    await signIn(anna.page, url, 'anna');
    await waitUntilSynced(anna.page);
    await waitForServiceWorker(anna.page);
    await anna.page.goto(`${url}/brukare/${RECIPIENT}`);
    await unlockIfAsked(anna.page);
    await anna.page.getByTestId('card-kontaktman').filter({ hasText: 'Anna Lindqvist' }).waitFor({ timeout: 30_000 });
    await anna.context.setOffline(true);
    await anna.page.reload();
    await unlockIfAsked(anna.page);
    const annaCard = anna.page.getByTestId('recipient-card');
    await annaCard.getByText('Kim Provsson').waitFor({ timeout: 30_000 });
    expect(await annaCard.getByTestId('card-contacts').innerText()).toContain('God man eller förvaltare');
    expect(await annaCard.getByTestId('card-who-is-who').innerText()).toContain('Distriktssköterska: Sara Distriktsson');
    expect(await annaCard.getByTestId('card-kontaktman').innerText()).toBe('Anna Lindqvist');
    expect(await anna.page.locator('section.door').innerText()).toContain('Nötter, Penicillin');
    // Caregivers read the card; they do not edit it or end the service.
    expect(await annaCard.getByRole('button', { name: 'Ändra kortet' }).count()).toBe(0);
    expect(await anna.page.getByTestId('end-service').count()).toBe(0);
    // The door code is not on the page until asked for.
    expect(await anna.page.locator('body').innerText()).not.toContain('portkod 8642');
    await anna.page.getByRole('button', { name: 'Visa nyckelinformation' }).click();
    expect(await anna.page.getByTestId('key-info').innerText()).toContain('portkod 8642');
    expect(anna.errors).toEqual([]);
    await anna.context.close();

    // Ending the service: choose, confirm, and the card says so; then undo it.
    const end = page.getByTestId('end-service');
    const on = addDays(localDate(new Date()), 7);
    await end.getByRole('button', { name: 'Avsluta insatser …' }).click();
    await end.getByLabel('Orsak').selectOption('residential_care');
    await end.getByLabel('Första dagen utan insatser').fill(on);
    await end.getByRole('button', { name: 'Gå vidare' }).click();
    await end.getByRole('button', { name: 'Ja, avsluta insatserna' }).click();
    await card.getByTestId('service-ended').filter({ hasText: `Insatserna är avslutade från ${on} (Särskilt boende)` }).waitFor({ timeout: 30_000 });
    await end.getByRole('button', { name: 'Ångra avslutet' }).click();
    await end.getByTestId('end-service-status').filter({ hasText: 'Avslutet är ångrat' }).waitFor();
    await card.getByTestId('service-ended').waitFor({ state: 'detached', timeout: 30_000 });
    expect(errors).toEqual([]);
    await plannerContext.close();
  });
});
