// The scheduler assigns a visit on the planning board (with the menu, no
// dragging); the caregiver's online device shows it within seconds, and the
// caregiver's check-in shows on the board's live day without a reload.
import { describe, expect, it } from 'vitest';
import { localDate } from '../../domain';
import { login } from '../fixtures/server';
import { newDevice, signIn, useServerAndBrowser, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();

describe('planning board', () => {
  it("reassigns a visit by menu, and it appears on the caregiver's device within seconds", async () => {
    const { token } = await login(env.server().url, 'planerare-norr');
    const res = await fetch(`${env.server().url}/api/days/norr/${localDate(new Date())}`, { headers: { authorization: `Bearer ${token}` } });
    const day = (await res.json()) as { visits: Array<{ id: string; assignedStaffIds: string[]; requiredStaff: number }> };
    const visit = day.visits.find((v) => v.requiredStaff === 1 && v.assignedStaffIds.length === 1 && !v.assignedStaffIds.includes('bo'));
    if (!visit) throw new Error('no single-staffed visit to reassign');

    const bo = await newDevice(env.browser());
    await signIn(bo.page, env.server().url, 'bo');
    await waitUntilSynced(bo.page);
    expect(await bo.page.locator(`[data-testid=visit-card][data-visit-id="${visit.id}"]`).count()).toBe(0);

    const planner = await newDevice(env.browser());
    await signIn(planner.page, env.server().url, 'planerare-norr');
    await planner.page.getByRole('link', { name: 'Planering' }).click();
    const card = planner.page.locator(`[data-testid=board-card][data-visit-id="${visit.id}"]`);
    await card.waitFor();
    await card.locator('.board-card-button').click();
    await planner.page.getByTestId('assign-select').selectOption({ label: 'Bo Ekström' });
    await planner.page.locator(`[data-testid=board-lane][data-staff-id="bo"] [data-visit-id="${visit.id}"]`).waitFor();

    const started = Date.now();
    await bo.page.locator(`[data-testid=visit-card][data-visit-id="${visit.id}"]`).waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);

    // The live day: Bo checks in, and the scheduler's board shows the visit in progress without a reload.
    await bo.page.locator(`[data-testid=visit-card][data-visit-id="${visit.id}"] a`).click();
    await bo.page.getByRole('button', { name: 'Checka in' }).click();
    await planner.page.locator(`[data-testid=board-card][data-visit-id="${visit.id}"][data-live-status="in_progress"]`).waitFor({ timeout: 10_000 });
    expect(Number(await planner.page.getByTestId('live-in_progress').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    expect(bo.errors).toEqual([]);
    expect(planner.errors).toEqual([]);
  });
});
