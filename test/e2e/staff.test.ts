// The staff register in the browser (issue 7). A team lead (the norr
// scheduler) adds a person: an empty form is refused with each field named in
// Swedish next to it, a taken username too, then the person is in the list.
// She gives a caregiver an insulin delegation that ends in three days: the
// board lists it under "Delegeringar som går ut inom en vecka". She ends
// another caregiver's medication delegation yesterday: the board's competence
// check now flags that caregiver's visit with a medication reminder today.
// axe-core finds nothing serious on the register page, errors showing.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../domain';
import { login } from '../fixtures/server';
import { seriousViolations } from './axe-scan';
import { newDevice, signIn, unlockIfAsked, useServerAndBrowser, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();
const MISSING_COMPETENCE = 'Tilldelad personal saknar delegering eller kompetens för en insats.';

type ApiVisit = { id: string; assignedStaffIds: string[]; requiredStaff: number; status: string; unplanned?: boolean; insatser: { title: string }[] };

async function editPerson(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Ändra ${name}`, exact: true }).click();
  // Focus moves to the form, which now edits that person.
  await page.waitForFunction(() => document.activeElement?.id === 'staff-form-title');
  expect(await page.locator('#staff-form-title').innerText()).toBe(`Ändra ${name}`);
}

async function save(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await page.getByTestId('staff-status').filter({ hasText: `Ändringarna för ${name} är sparade.` }).waitFor();
}

describe('the staff register', () => {
  it('a team lead adds a person and changes delegations; the board warns and checks against them', async () => {
    const url = env.server().url;
    const today = localDate(new Date());
    const inThreeDays = addDays(today, 3);
    const yesterday = addDays(today, -1);

    // A caregiver of norr with a visit today that needs the medication delegation (a medication reminder).
    const token = (await login(url, 'planerare-norr')).token;
    const day = (await (await fetch(`${url}/api/days/norr/${today}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { visits: ApiVisit[] };
    const needsMedication = day.visits.find(
      (v) => !v.unplanned && v.status !== 'cancelled' && v.status !== 'missed' && v.requiredStaff === 1 && v.assignedStaffIds.length === 1 && v.insatser.some((i) => i.title === 'Läkemedelspåminnelse'),
    );
    if (!needsMedication) throw new Error('no visit with a medication reminder today');
    const medicated = needsMedication.assignedStaffIds[0] ?? '';
    const staff = (await (await fetch(`${url}/api/teams/norr/staff`, { headers: { authorization: `Bearer ${token}` } })).json()) as { staff: { id: string; name: string }[] };
    const medicatedName = staff.staff.find((s) => s.id === medicated)?.name ?? '';
    expect(medicatedName).not.toBe('');

    const { context, page, errors } = await newDevice(env.browser(), { bypassCSP: true });
    await signIn(page, url, 'planerare-norr');
    await waitUntilSynced(page);

    // The register, from the planning views' navigation.
    await page.goto(`${url}/planering`);
    await unlockIfAsked(page);
    await page.getByRole('navigation', { name: 'Planeringsvyer' }).getByRole('link', { name: 'Personal' }).click();
    await page.getByRole('heading', { name: 'Personal', level: 1 }).waitFor();
    const rows = page.getByTestId('staff-row');
    await rows.first().waitFor();
    expect(await page.locator('[data-testid=staff-row][data-staff-id=cecilia]').count()).toBe(0); // another team's
    expect(await page.locator('[data-testid=staff-row][data-staff-id=fatima]').innerText()).toContain(`Delegering: insulin (t.o.m. ${addDays(today, 3)})`);

    // An empty form: each missing field named next to it, in Swedish.
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    const problems = page.getByTestId('staff-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('Skriv personens namn.');
    expect(await problems.innerText()).toContain('Användarnamnet ska ha 2–64 tecken');
    expect(await problems.innerText()).toContain('Lösenordet ska ha minst 10 tecken.');
    expect(await page.getByLabel('Namn', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#staff-name-error').innerText()).toBe('Skriv personens namn.');
    expect(await page.getByLabel('Namn', { exact: true }).getAttribute('aria-describedby')).toBe('staff-name-error');
    expect(await seriousViolations(page, 'main')).toEqual([]);

    // A username that is taken, then a free one.
    await page.getByLabel('Namn', { exact: true }).fill('Signe Provsdotter');
    await page.getByLabel('Användarnamn', { exact: true }).fill('anna');
    await page.getByLabel('Första lösenord').fill('ett-långt-lösenord');
    await page.getByLabel('Börjar').fill('07:00');
    await page.getByLabel('Slutar').fill('16:00');
    await page.getByLabel('Delegering: läkemedel', { exact: true }).check();
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await problems.filter({ hasText: 'Användarnamnet är upptaget. Välj ett annat.' }).waitFor();
    await page.getByLabel('Användarnamn', { exact: true }).fill('signe.p');
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await page.getByTestId('staff-status').filter({ hasText: 'Signe Provsdotter är tillagd.' }).waitFor();
    await rows.filter({ hasText: 'Signe Provsdotter' }).filter({ hasText: 'signe.p' }).filter({ hasText: '07:00–16:00' }).waitFor();

    // Dalia gets an insulin delegation that ends in three days.
    await editPerson(page, 'Dalia Haddad');
    const insulin = page.locator('[data-competence=insulin_delegation]');
    await insulin.getByLabel('Delegering: insulin', { exact: true }).check();
    await insulin.getByLabel('Giltig till (valfritt)').fill(inThreeDays);
    await save(page, 'Dalia Haddad');
    expect(await page.locator('[data-testid=staff-row][data-staff-id=dalia]').innerText()).toContain(`Delegering: insulin (t.o.m. ${inThreeDays})`);

    // The medication delegation of the caregiver with today's reminder ended yesterday.
    await editPerson(page, medicatedName);
    await page.locator('[data-competence=medication_delegation]').getByLabel('Giltig till (valfritt)').fill(yesterday);
    await save(page, medicatedName);
    expect(await page.locator(`[data-testid=staff-row][data-staff-id="${medicated}"]`).innerText()).toContain(`Delegering: läkemedel (gick ut ${yesterday})`);

    // The board: the week's warning lists Dalia's delegation (and the demo's Fatima) ...
    await page.goto(`${url}/planering`);
    const warning = page.getByTestId('expiring-delegations');
    await warning.getByRole('heading', { name: 'Delegeringar som går ut inom en vecka' }).waitFor({ timeout: 30_000 });
    expect(await warning.locator('li[data-staff-id=dalia]').innerText()).toBe(`Dalia Haddad: Delegering: insulin, gäller t.o.m. ${inThreeDays}`);
    expect(await warning.locator('li[data-staff-id=fatima]').count()).toBe(1);
    // ... and the visit that needs the ended delegation is flagged.
    const card = page.locator(`[data-testid=board-card][data-visit-id="${needsMedication.id}"]`);
    await card.waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await card.getAttribute('class')) ?? '', { timeout: 15_000 }).toContain('has-issue');
    await card.locator('.board-card-button').click();
    await page.getByTestId('board-editor').getByText(MISSING_COMPETENCE).waitFor();
    await page.keyboard.press('Escape');

    // Four days on, Dalia's delegation has run out: no longer in the warning.
    await page.goto(`${url}/planering?dag=${addDays(today, 4)}`);
    await page.getByTestId('board-lane').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=expiring-delegations] li[data-staff-id=dalia]').count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });
});
