// Two caregivers tick different insatser of the same visit, one of them
// offline; after reconnecting both ticks are on both devices.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login } from '../fixtures/server';
import { newDevice, useServerAndBrowser, signIn, waitUntilNothingPending, waitUntilSynced } from './helpers';
import { localDate } from '../../domain';

const env = useServerAndBrowser();

type DayVisit = { id: string; date: string; assignedStaffIds: string[]; insatser: { id: string }[] };

async function annasVisitWithTwoTasks(): Promise<DayVisit> {
  const { token } = await login(env.server().url, 'anna');
  const res = await fetch(`${env.server().url}/api/days/norr/${localDate(new Date())}`, { headers: { authorization: `Bearer ${token}` } });
  const day = (await res.json()) as { visits: DayVisit[] };
  const visit = day.visits.find((v) => v.assignedStaffIds.includes('anna') && v.insatser.length >= 2);
  if (!visit) throw new Error('demo data has no visit of anna with two insatser today');
  return visit;
}

async function checked(page: Page, insatsId: string): Promise<boolean> {
  return page.getByTestId(`task-${insatsId}`).isChecked();
}

describe('two caregivers on one visit', () => {
  it('keeps both ticks when one caregiver was offline', async () => {
    const visit = await annasVisitWithTwoTasks();
    const [first, second] = visit.insatser;
    if (!first || !second) throw new Error('two insatser expected');

    const anna = await newDevice(env.browser());
    await signIn(anna.page, env.server().url, 'anna');
    await waitUntilSynced(anna.page);
    const bo = await newDevice(env.browser());
    await signIn(bo.page, env.server().url, 'bo');
    await waitUntilSynced(bo.page);

    for (const device of [anna, bo]) {
      await device.page.goto(`${env.server().url}/besok/${visit.date}/${visit.id}`);
      await device.page.getByTestId(`task-${first.id}`).waitFor();
    }

    await bo.context.setOffline(true);
    await bo.page.waitForFunction(() => document.querySelector('[data-testid=online-state]')?.textContent === 'Ingen uppkoppling');

    await anna.page.getByTestId(`task-${first.id}`).check();
    await bo.page.getByTestId(`task-${second.id}`).check();
    await waitUntilNothingPending(anna.page);
    // Bo is offline: anna's tick has not reached him, his has not left the device.
    expect(await checked(bo.page, first.id)).toBe(false);
    expect(await checked(anna.page, second.id)).toBe(false);

    await bo.context.setOffline(false);
    await waitUntilNothingPending(bo.page);
    for (const device of [anna, bo]) {
      await device.page.waitForFunction(
        ([a, b]) =>
          (document.querySelector(`[data-testid="task-${a}"]`) as HTMLInputElement | null)?.checked === true &&
          (document.querySelector(`[data-testid="task-${b}"]`) as HTMLInputElement | null)?.checked === true,
        [first.id, second.id],
        { timeout: 10_000 },
      );
    }
    expect(await checked(anna.page, first.id)).toBe(true);
    expect(await checked(anna.page, second.id)).toBe(true);
    expect(await checked(bo.page, first.id)).toBe(true);
    expect(await checked(bo.page, second.id)).toBe(true);
    expect(anna.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
  });
});
