// The care recipient's sign-off (kvittens) at the end of a visit.
//
// 1. Hussein's caregiver loses the signal, starts the app again (service
//    worker), checks in and hands the tablet over. The sign-off screen speaks
//    Arabic, right to left; Hussein says one insats was not done, picks a face
//    and asks to talk to someone. Taking the tablet back locks the app: only
//    the caregiver's PIN opens it (a wrong one keeps everything hidden). Back online, the scheduler's board,
//    already open, shows the sign-off without a reload; the server holds it
//    exactly as given, with a signed journal entry and a message to the
//    schedulers' inbox.
// 2. A given sign-off cannot be changed: the visit page offers only a new
//    hand-over, and a second sign-off (declined) is added next to the first,
//    which stays as it was.
// 3. A recipient who does not sign digitally: the visit says so and offers no
//    hand-over.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDate, type InsatsType } from '../../domain';
import { signOffAr } from '../../pwa/i18n/signoff/ar';
import { signOffSv } from '../../pwa/i18n/signoff/sv';
import { login } from '../fixtures/server';
import { newDevice, pendingCount, signIn, unlockWithPin, useServerAndBrowser, waitForServiceWorker, waitUntilNothingPending, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();
const TODAY = localDate(new Date());

type ApiSignOff = {
  id: string;
  visitId: string;
  brukareId: string;
  at: string;
  caregiverId: string;
  language: string;
  outcome: 'signed' | 'declined';
  items: Array<{ insatsId: string; done: boolean }>;
  mood?: string;
  wantsToTalk: boolean;
};
type ApiVisit = {
  id: string;
  status: string;
  brukareId: string;
  brukareName?: string;
  date: string;
  requiredStaff: number;
  assignedStaffIds: string[];
  insatser: Array<{ id: string; type: InsatsType; title: string }>;
  signOffs?: ApiSignOff[];
};
type ApiJournalEntry = {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  status: string;
  signedAt: string | null;
  visitId: string | null;
  verified?: boolean;
  signOffId?: string;
};

async function apiGet<T>(path: string, token: string): Promise<T> {
  const res = await fetch(`${env.server().url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function teamDay(token: string): Promise<ApiVisit[]> {
  return (await apiGet<{ visits: ApiVisit[] }>(`/api/days/norr/${TODAY}`, token)).visits;
}

async function visitFromApi(token: string, visitId: string): Promise<ApiVisit> {
  const visit = (await teamDay(token)).find((v) => v.id === visitId);
  if (!visit) throw new Error(`visit ${visitId} is not in today's team day`);
  return visit;
}

async function journalOf(token: string, brukareId: string): Promise<ApiJournalEntry[]> {
  return (await apiGet<{ entries: ApiJournalEntry[] }>(`/api/brukare/${brukareId}/journal?from=${TODAY}&to=${TODAY}`, token)).entries;
}

async function staffNames(token: string): Promise<Map<string, string>> {
  const { staff } = await apiGet<{ staff: Array<{ id: string; name: string }> }>('/api/teams/norr/staff', token);
  return new Map(staff.map((s) => [s.id, s.name]));
}

/** Seed: recipients whose number ends in 7 do not sign digitally (sync-server/seed/people.ts). */
const signsDigitally = (brukareId: string) => !/7$/.test(brukareId);
const visitPath = (v: ApiVisit) => `/besok/${v.date}/${v.id}`;
const signOffPath = (v: ApiVisit) => `/kvittens/${v.date}/${v.id}`;
const byInsats = (a: { insatsId: string }, b: { insatsId: string }) => a.insatsId.localeCompare(b.insatsId);

/** On the visit page after check-in: hand the tablet over; the sign-off screen opens. */
async function handOver(page: Page, visit: ApiVisit): Promise<void> {
  await page.getByRole('button', { name: 'Lämna över till brukaren för kvittens' }).click();
  await page.getByRole('button', { name: 'Starta kvittens' }).click();
  await page.waitForURL((u) => u.pathname === signOffPath(visit));
  await page.getByTestId('sign-off').waitFor();
}

/** The staff button, then "Ta tillbaka surfplattan": sign-off mode ends and the app is locked. */
async function takeBack(page: Page, staffLabel: string): Promise<void> {
  await page.getByRole('button', { name: staffLabel, exact: true }).click();
  await page.getByRole('button', { name: 'Ta tillbaka surfplattan' }).click();
  await page.getByTestId('pin-lock').waitFor();
}

/** On the PIN screen after taking the tablet back: a wrong PIN keeps everything hidden. */
async function wrongPinKeepsItLocked(page: Page): Promise<void> {
  await page.getByLabel('PIN-kod (4–6 siffror)').fill('0000');
  await page.getByRole('button', { name: 'Lås upp' }).click();
  await page.getByRole('alert').filter({ hasText: 'Fel PIN-kod.' }).waitFor();
  await expectNoStaffChrome(page);
  expect(await page.getByTestId('sign-off').count()).toBe(0);
}

/** While locked: no header, no navigation, no sync state. */
async function expectNoStaffChrome(page: Page): Promise<void> {
  expect(await page.locator('header.app-header').count()).toBe(0);
  expect(await page.locator('nav').count()).toBe(0);
  expect(await page.getByTestId('sync-status').count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Min dag' }).count()).toBe(0);
}

describe('recipient sign-off', () => {
  it('a full sign-off in Arabic (right to left), given offline, reaches the scheduler once the tablet is back online', async () => {
    const url = env.server().url;
    const { token } = await login(url, 'planerare-norr');
    const names = await staffNames(token);
    const visit = (await teamDay(token)).find((v) => (v.brukareName ?? '').startsWith('Hussein') && v.assignedStaffIds.length > 0 && v.insatser.length > 0);
    if (!visit) throw new Error('no visit today for a recipient named Hussein');
    expect(signsDigitally(visit.brukareId)).toBe(true);
    expect(visit.signOffs ?? []).toEqual([]);
    const caregiverId = visit.assignedStaffIds[0] ?? '';
    const caregiverName = names.get(caregiverId) ?? '';
    expect(caregiverName).not.toBe('');
    const brukareName = visit.brukareName ?? '';

    // The scheduler has the board open, online, from the start.
    const planner = await newDevice(env.browser());
    await signIn(planner.page, url, 'planerare-norr');
    await waitUntilSynced(planner.page);
    // The day by date: the test's "today" is fixed when the file loads (a run may cross midnight).
    await planner.page.goto(`${url}/planering?dag=${TODAY}`);
    const boardCard = planner.page.locator(`[data-testid=board-card][data-visit-id="${visit.id}"]`);
    await boardCard.waitFor({ timeout: 30_000 });
    expect(await boardCard.getByTestId('board-sign-off').count()).toBe(0);

    // The caregiver loads the visit online, with the service worker in control.
    const caregiver = await newDevice(env.browser());
    const page = caregiver.page;
    await signIn(page, url, caregiverId);
    await waitUntilSynced(page);
    await waitForServiceWorker(page);
    await page.goto(`${url}${visitPath(visit)}`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Checka in' }).waitFor({ timeout: 30_000 });
    await waitUntilSynced(page);

    // No signal, and the app is started again on the visit.
    await caregiver.context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: brukareName, level: 1 }).waitFor({ timeout: 30_000 });
    await page.getByTestId('online-state').filter({ hasText: 'Ingen uppkoppling' }).waitFor();
    await page.getByRole('button', { name: 'Checka in' }).click();
    await page.getByTestId('visit-status').filter({ hasText: 'Pågår' }).waitFor();

    // Hand-over: the app locks on the sign-off screen, in Arabic, right to left.
    await handOver(page, visit);
    const screen = page.getByTestId('sign-off');
    expect(await screen.getAttribute('lang')).toBe('ar');
    expect(await screen.getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(signOffAr.title(caregiverName.split(' ')[0] ?? ''));
    expect(await page.getByRole('heading', { name: signOffAr.wasItDone }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: signOffAr.howWasIt }).count()).toBe(1);
    const items = page.locator('li.so-item');
    expect(await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-insats-id')))).toEqual(visit.insatser.map((i) => i.id));
    for (const insats of visit.insatser) {
      const label = await page.locator(`li.so-item[data-insats-id="${insats.id}"] .so-label span`).first().innerText();
      expect(label).toBe(signOffAr.insats[insats.type]);
      expect(label).toMatch(/[\u0600-\u06FF]/);
    }
    // No Swedish on the recipient's part of the screen.
    for (const swedish of [signOffSv.wasItDone, signOffSv.yes, signOffSv.done, signOffSv.decline, signOffSv.staff]) {
      expect(await screen.getByText(swedish, { exact: true }).count()).toBe(0);
    }
    // The pictograms are there offline (precached).
    const pictograms = await page.locator('[data-testid=sign-off] img.picto').evaluateAll((imgs) =>
      Promise.all(imgs.map((img) => (img as HTMLImageElement).decode().then(() => 'ok', () => (img as HTMLImageElement).src))),
    );
    expect(pictograms.length).toBeGreaterThan(0);
    expect(pictograms.filter((p) => p !== 'ok')).toEqual([]);

    // Locked: any other address shows the sign-off screen, without header or navigation.
    await expectNoStaffChrome(page);
    for (const elsewhere of ['/', '/meddelanden', visitPath(visit)]) {
      await page.goto(`${url}${elsewhere}`);
      await page.waitForURL((u) => u.pathname === signOffPath(visit), { timeout: 30_000 });
      await page.getByTestId('sign-off').waitFor({ timeout: 30_000 });
      await expectNoStaffChrome(page);
    }
    expect(await page.getByTestId('sign-off').getAttribute('dir')).toBe('rtl');

    // Hussein answers: the last insats was not done, the rest were; a face; "talk".
    const notDone = visit.insatser[visit.insatser.length - 1];
    if (!notDone) throw new Error('the visit has no insatser');
    const answers = visit.insatser.map((i) => ({ insatsId: i.id, done: i.id !== notDone.id }));
    for (const answer of answers) {
      const item = page.locator(`li.so-item[data-insats-id="${answer.insatsId}"]`);
      const yes = item.getByRole('button', { name: signOffAr.yes, exact: true });
      const no = item.getByRole('button', { name: signOffAr.no, exact: true });
      await (answer.done ? yes : no).click();
      expect(await yes.getAttribute('aria-pressed')).toBe(String(answer.done));
      expect(await no.getAttribute('aria-pressed')).toBe(String(!answer.done));
    }
    const moods = page.getByRole('group', { name: signOffAr.howWasIt });
    await moods.getByRole('button', { name: signOffAr.moods.so_so }).click();
    expect(await moods.getByRole('button', { name: signOffAr.moods.so_so }).getAttribute('aria-pressed')).toBe('true');
    expect(await moods.getByRole('button', { name: signOffAr.moods.good }).getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: signOffAr.talk }).click();
    const talkChosen = page.getByRole('button', { name: signOffAr.talkChosen });
    await talkChosen.waitFor();
    expect(await talkChosen.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('sign-off-done').innerText()).toContain(signOffAr.done);
    await page.getByTestId('sign-off-done').click();
    await page.getByTestId('sign-off-thanks').filter({ hasText: signOffAr.thanks }).waitFor();
    await expectNoStaffChrome(page);

    // The caregiver takes the tablet back: the app locks, and a wrong PIN keeps it so.
    await takeBack(page, signOffAr.staff);
    await wrongPinKeepsItLocked(page);
    await unlockWithPin(page);
    await page.waitForURL((u) => u.pathname === visitPath(visit));
    await page.getByTestId('sync-status').waitFor();
    const listed = page.locator('[data-testid=sign-offs] li');
    await listed.first().waitFor();
    expect(await listed.count()).toBe(1);
    expect(await listed.first().getAttribute('data-outcome')).toBe('signed');
    expect(await listed.first().innerText()).toContain(`Inte gjort enligt brukaren: ${notDone.title}`);
    // Unlocked: the staff's pages are reachable again.
    await page.getByRole('link', { name: 'Tillbaka till dagen' }).click();
    await page.getByRole('heading', { name: 'Min dag' }).waitFor();
    await page.goto(`${url}${visitPath(visit)}`);
    await page.getByTestId('sign-offs').waitFor({ timeout: 30_000 });

    // Still offline: nothing has reached the scheduler.
    expect(await page.getByTestId('online-state').innerText()).toBe('Ingen uppkoppling');
    expect(await pendingCount(page)).toBeGreaterThan(0);
    expect(await boardCard.getByTestId('board-sign-off').count()).toBe(0);
    expect((await visitFromApi(token, visit.id)).signOffs ?? []).toEqual([]);

    // Back online: everything reaches the server.
    await caregiver.context.setOffline(false);
    await waitUntilNothingPending(page);

    // The board, open all along, shows it without a reload.
    const onBoard = boardCard.locator('[data-testid=board-sign-off][data-outcome=signed][data-mood=so_so]');
    await onBoard.waitFor({ timeout: 30_000 });

    // The server holds the sign-off exactly as given.
    const stored = (await visitFromApi(token, visit.id)).signOffs ?? [];
    expect(stored).toHaveLength(1);
    const signOff = stored[0];
    if (!signOff) throw new Error('no sign-off stored');
    expect(signOff).toMatchObject({
      visitId: visit.id,
      brukareId: visit.brukareId,
      caregiverId,
      language: 'ar',
      outcome: 'signed',
      mood: 'so_so',
      wantsToTalk: true,
    });
    expect([...signOff.items].sort(byInsats)).toEqual([...answers].sort(byInsats));
    expect(signOff.id).toMatch(/\S/);

    // The journal: a structured entry, signed, verified, pointing at the sign-off.
    const entry = (await journalOf(token, visit.brukareId)).find((e) => e.signOffId === signOff.id);
    expect(entry, 'a journal entry with the signOffId').toBeDefined();
    expect(entry).toMatchObject({ status: 'signed', verified: true, visitId: visit.id, authorId: caregiverId, authorName: caregiverName, signedAt: signOff.at });
    expect(entry?.text).toContain('Brukaren signerade besöket.');
    expect(entry?.text).toContain(`Inte gjort enligt brukaren: ${notDone.title}.`);
    expect(entry?.text).toContain('Besöket var sådär.');
    expect(entry?.text).toContain('Vill prata med någon.');

    // The schedulers' inbox: the request to talk.
    await planner.page.getByRole('link', { name: 'Inkorg', exact: true }).click();
    await planner.page.getByRole('heading', { name: 'Inkorg' }).waitFor();
    const message = planner.page.getByTestId('message').filter({ hasText: `${brukareName}:` });
    await message.waitFor({ timeout: 30_000 });
    expect(await message.count()).toBe(1);
    const messageText = await message.innerText();
    expect(messageText).toContain(caregiverName);
    expect(messageText).toContain('Vill prata med någon.');
    expect(messageText).toContain(notDone.title);

    expect(caregiver.errors).toEqual([]);
    expect(planner.errors).toEqual([]);
    await caregiver.context.close();
    await planner.context.close();
  });

  it('once given a sign-off cannot be changed: a second one (declined) is added next to it', async () => {
    const url = env.server().url;
    const { token } = await login(url, 'planerare-norr');
    const otherLanguages = /^(Hussein|Nasrin|Pirjo|Jaakko|Mirjana|Esma|Hodan|Margaret) /;
    const visit = (await teamDay(token)).find(
      (v) =>
        signsDigitally(v.brukareId) &&
        !otherLanguages.test(v.brukareName ?? '') &&
        v.requiredStaff === 1 &&
        v.assignedStaffIds.length === 1 &&
        v.insatser.length > 0 &&
        (v.signOffs ?? []).length === 0,
    );
    if (!visit) throw new Error('no single-staffed visit today for a Swedish-speaking recipient who signs digitally');
    const caregiverId = visit.assignedStaffIds[0] ?? '';

    const caregiver = await newDevice(env.browser());
    const page = caregiver.page;
    await signIn(page, url, caregiverId);
    await waitUntilSynced(page);
    await page.goto(`${url}${visitPath(visit)}`);
    await page.getByRole('button', { name: 'Checka in' }).click({ timeout: 30_000 });
    await page.getByTestId('visit-status').filter({ hasText: 'Pågår' }).waitFor();

    // The first sign-off: everything done, a good visit.
    await handOver(page, visit);
    expect(await page.getByTestId('sign-off').getAttribute('lang')).toBe('sv');
    expect(await page.getByTestId('sign-off').getAttribute('dir')).toBe('ltr');
    for (const insats of visit.insatser) {
      await page.locator(`li.so-item[data-insats-id="${insats.id}"]`).getByRole('button', { name: signOffSv.yes, exact: true }).click();
    }
    await page.getByRole('group', { name: signOffSv.howWasIt }).getByRole('button', { name: signOffSv.moods.good }).click();
    await page.getByTestId('sign-off-done').click();
    await page.getByTestId('sign-off-thanks').filter({ hasText: signOffSv.thanks }).waitFor();
    await takeBack(page, signOffSv.staff);
    await unlockWithPin(page);
    await page.waitForURL((u) => u.pathname === visitPath(visit));
    await waitUntilNothingPending(page);

    const first = (await visitFromApi(token, visit.id)).signOffs ?? [];
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ outcome: 'signed', mood: 'good', wantsToTalk: false, language: 'sv', caregiverId });
    expect([...(first[0]?.items ?? [])].sort(byInsats)).toEqual(visit.insatser.map((i) => ({ insatsId: i.id, done: true })).sort(byInsats));

    // The visit page lists it, and offers no way to change it: only a new hand-over.
    const section = page.locator('section.sign-off-handover');
    await section.getByTestId('sign-offs').waitFor();
    expect(await section.locator('[data-testid=sign-offs] li').count()).toBe(1);
    expect(await section.locator('[data-testid=sign-offs] li').first().innerText()).toContain('Allt gjort.');
    expect(await section.locator('input, textarea, select, [contenteditable=true]').count()).toBe(0);
    expect(await section.locator('[data-testid=sign-offs] button, [data-testid=sign-offs] a').count()).toBe(0);
    expect(await section.getByRole('button').allInnerTexts()).toEqual(['Lämna över till brukaren för kvittens']);
    expect(await section.getByRole('link').count()).toBe(0);

    // A second hand-over: this time the recipient does not want to sign.
    await handOver(page, visit);
    // A fresh screen: nothing of the first sign-off is pre-filled.
    expect(await page.locator('[data-testid=sign-off] [aria-pressed=true]').count()).toBe(0);
    await page.getByTestId('sign-off-decline').click();
    await page.getByTestId('sign-off-thanks').filter({ hasText: signOffSv.declined }).waitFor();
    // A reload keeps the recipient on the thank-you (one sign-off per hand-over).
    await page.reload();
    await page.getByTestId('sign-off-thanks').filter({ hasText: signOffSv.declined }).waitFor();
    await takeBack(page, signOffSv.staff);
    await unlockWithPin(page);
    await page.waitForURL((u) => u.pathname === visitPath(visit));
    await waitUntilNothingPending(page);

    const listed = page.locator('section.sign-off-handover [data-testid=sign-offs] li');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=sign-offs] li').length === 2);
    expect(await listed.evaluateAll((els) => els.map((el) => el.getAttribute('data-outcome')))).toEqual(['signed', 'declined']);
    expect(await listed.nth(1).innerText()).toContain('Brukaren ville inte signera.');

    // The server: two sign-offs, the first exactly as before.
    const both = (await visitFromApi(token, visit.id)).signOffs ?? [];
    expect(both).toHaveLength(2);
    expect(both[0]).toEqual(first[0]);
    expect(both[1]).toMatchObject({ outcome: 'declined', items: [], wantsToTalk: false, language: 'sv', caregiverId, visitId: visit.id });
    expect(both[1]?.mood).toBeUndefined();
    expect(both[1]?.id).not.toBe(both[0]?.id);

    // Each has its own signed journal entry.
    const entries = (await journalOf(token, visit.brukareId)).filter((e) => e.visitId === visit.id && e.signOffId !== undefined);
    expect(entries.map((e) => e.signOffId).sort()).toEqual([both[0]?.id, both[1]?.id].sort());
    expect(entries.every((e) => e.status === 'signed' && e.verified === true)).toBe(true);

    expect(caregiver.errors).toEqual([]);
    await caregiver.context.close();
  });

  it('a recipient who does not sign digitally: the visit says so and offers no hand-over', async () => {
    const url = env.server().url;
    const { token } = await login(url, 'planerare-norr');
    const visit = (await teamDay(token)).find((v) => !signsDigitally(v.brukareId) && v.requiredStaff === 1 && v.assignedStaffIds.length === 1);
    if (!visit) throw new Error('no single-staffed visit today for a recipient who does not sign digitally');
    const caregiverId = visit.assignedStaffIds[0] ?? '';

    const caregiver = await newDevice(env.browser());
    const page = caregiver.page;
    await signIn(page, url, caregiverId);
    await waitUntilSynced(page);
    await page.goto(`${url}${visitPath(visit)}`);
    await page.getByRole('button', { name: 'Checka in' }).click({ timeout: 30_000 });
    await page.getByTestId('visit-status').filter({ hasText: 'Pågår' }).waitFor();

    const notice = page.getByTestId('no-digital-sign-off');
    await notice.waitFor();
    expect(await notice.innerText()).toBe('Brukaren signerar inte digitalt.');
    expect(await page.getByRole('button', { name: 'Lämna över till brukaren för kvittens' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Starta kvittens' }).count()).toBe(0);
    // The rest of the visit works as usual.
    expect(await page.getByRole('button', { name: 'Allt gjort som planerat' }).isVisible()).toBe(true);

    expect(caregiver.errors).toEqual([]);
    await caregiver.context.close();
  });

  it("the scheduler decides how a recipient signs off, and the caregiver's device follows", async () => {
    const url = env.server().url;
    const { token } = await login(url, 'planerare-norr');
    const visit = (await teamDay(token)).find((v) => signsDigitally(v.brukareId) && v.requiredStaff === 1 && v.assignedStaffIds.length === 1 && v.status === 'planned');
    if (!visit) throw new Error('no planned single-staffed visit today for a recipient who signs digitally');

    const planner = await newDevice(env.browser());
    await signIn(planner.page, url, 'planerare-norr');
    await planner.page.goto(`${url}/brukare/${visit.brukareId}`);
    const settings = planner.page.getByTestId('sign-off-settings');
    await settings.getByLabel('Signerar digitalt').uncheck();
    await waitUntilNothingPending(planner.page);

    const caregiver = await newDevice(env.browser());
    await signIn(caregiver.page, url, visit.assignedStaffIds[0] ?? '');
    await waitUntilSynced(caregiver.page);
    await caregiver.page.goto(`${url}${visitPath(visit)}`);
    await caregiver.page.getByRole('button', { name: 'Checka in' }).click({ timeout: 30_000 });
    await caregiver.page.getByTestId('no-digital-sign-off').waitFor();

    // Back on: the hand-over is offered again, live.
    await settings.getByLabel('Signerar digitalt').check();
    await caregiver.page.getByRole('button', { name: 'Lämna över till brukaren för kvittens' }).waitFor({ timeout: 10_000 });
    expect(planner.errors).toEqual([]);
    expect(caregiver.errors).toEqual([]);
  });
});
