// A plan change made while a caregiver is offline, and the caregiver's work on
// the same visits, are both kept after they sync; where they clash the board
// shows it for the scheduler to resolve, and resolving drops nothing.
//
// Anna, offline, checks in to two of today's visits. Meanwhile the scheduler
// gives one of them to Bo and cancels the other. Back online: the server holds
// Bo's assignment, the cancellation and both of Anna's check-ins; Anna still
// sees both visits; the board lists two clashes; resolving them (assign Anna,
// keep the cancellation) clears the list and keeps every check-in.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../domain';
import { login } from '../fixtures/server';
import { newDevice, signIn, useServerAndBrowser, waitForServiceWorker, waitUntilNothingPending, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();

type ApiVisit = {
  id: string;
  status: string;
  requiredStaff: number;
  assignedStaffIds: string[];
  checkIn?: { staffId: string };
  cancelled?: { reason: string };
};

async function teamDay(url: string, token: string): Promise<ApiVisit[]> {
  const res = await fetch(`${url}/api/days/norr/${localDate(new Date())}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { visits: ApiVisit[] }).visits;
}

async function openBoardEditor(page: Page, visitId: string): Promise<void> {
  // The editor is a modal dialog: close an open one first.
  if ((await page.getByTestId('board-editor').count()) > 0) {
    await page.keyboard.press('Escape');
    await page.getByTestId('board-editor').waitFor({ state: 'detached' });
  }
  await page.locator(`[data-testid=board-card][data-visit-id="${visitId}"] .board-card-button`).click();
  await page.getByTestId('board-editor').waitFor();
}

describe('plan changes while a caregiver is offline', () => {
  it('keeps both sides and shows the clashes on the board until a person resolves them', async () => {
    const url = env.server().url;
    const { token } = await login(url, 'planerare-norr');
    const annas = (await teamDay(url, token)).filter((v) => v.requiredStaff === 1 && v.assignedStaffIds.length === 1 && v.assignedStaffIds[0] === 'anna');
    const [toReassign, toCancel] = annas;
    if (!toReassign || !toCancel) throw new Error('anna needs two single-staffed visits today');

    // Anna loads her day online, then loses the signal and checks in to both visits.
    const anna = await newDevice(env.browser());
    await signIn(anna.page, url, 'anna');
    await waitUntilSynced(anna.page);
    await waitForServiceWorker(anna.page);
    await anna.context.setOffline(true);
    for (const visit of [toReassign, toCancel]) {
      await anna.page.locator(`[data-testid=visit-card][data-visit-id="${visit.id}"] a`).click();
      await anna.page.getByRole('button', { name: 'Checka in' }).click();
      await anna.page.getByTestId('visit-status').filter({ hasText: 'Pågår' }).waitFor();
      await anna.page.getByRole('link', { name: 'Min dag' }).click();
    }

    // Meanwhile the scheduler, online, gives one visit to Bo and cancels the other.
    const planner = await newDevice(env.browser());
    await signIn(planner.page, url, 'planerare-norr');
    await planner.page.getByRole('link', { name: 'Planering' }).click();
    await openBoardEditor(planner.page, toReassign.id);
    await planner.page.getByTestId('assign-select').selectOption('bo');
    await planner.page.locator(`[data-testid=board-lane][data-staff-id="bo"] [data-visit-id="${toReassign.id}"]`).waitFor();
    await openBoardEditor(planner.page, toCancel.id);
    await planner.page.getByRole('radio', { name: 'Brukaren har avbokat' }).check();
    await planner.page.getByRole('button', { name: 'Ställ in besöket' }).click();
    await planner.page.locator(`[data-testid=closed-visit][data-visit-id="${toCancel.id}"]`).waitFor({ state: 'attached' });
    await planner.page.keyboard.press('Escape');
    await waitUntilNothingPending(planner.page);
    expect(await planner.page.getByTestId('clash').count()).toBe(0);

    // Anna comes back online: her check-ins reach the server.
    await anna.context.setOffline(false);
    await waitUntilNothingPending(anna.page);

    const after = new Map((await teamDay(url, token)).map((v) => [v.id, v]));
    const reassigned = after.get(toReassign.id);
    const cancelled = after.get(toCancel.id);
    // Both sides kept: the plan change and the check-in.
    expect(reassigned?.assignedStaffIds).toEqual(['bo']);
    expect(reassigned?.checkIn?.staffId).toBe('anna');
    expect(reassigned?.status).toBe('in_progress');
    expect(cancelled?.cancelled?.reason).toBe('Brukaren har avbokat');
    expect(cancelled?.checkIn?.staffId).toBe('anna');
    expect(cancelled?.status).toBe('in_progress');

    // Anna still sees both visits she is in, and is told what happened.
    await anna.page.locator(`[data-testid=visit-card][data-visit-id="${toReassign.id}"] [data-testid=reassigned-away]`).waitFor({ timeout: 10_000 });
    await anna.page.locator(`[data-testid=visit-card][data-visit-id="${toCancel.id}"]`, { hasText: 'ställdes in' }).waitFor({ timeout: 10_000 });

    // The board shows both clashes, live (no reload).
    const clash = (visitId: string, kind: string) => planner.page.locator(`[data-testid=clash][data-visit-id="${visitId}"][data-kind="${kind}"][data-staff-id="anna"]`);
    await clash(toReassign.id, 'worked_unassigned').waitFor({ timeout: 10_000 });
    await clash(toCancel.id, 'worked_cancelled').waitFor({ timeout: 10_000 });
    expect(await planner.page.getByTestId('clash').count()).toBe(2);

    // Resolve: the visit goes to Anna, who did it; the cancellation stands.
    await clash(toReassign.id, 'worked_unassigned').getByRole('button', { name: 'Tilldela Anna Lindqvist' }).click();
    await clash(toCancel.id, 'worked_cancelled').getByRole('button', { name: /Behåll planen/ }).click();
    await planner.page.getByText('Inga krockar.').waitFor();
    await waitUntilNothingPending(planner.page);

    const resolved = new Map((await teamDay(url, token)).map((v) => [v.id, v]));
    expect(resolved.get(toReassign.id)?.assignedStaffIds).toEqual(['anna']);
    expect(resolved.get(toReassign.id)?.checkIn?.staffId).toBe('anna');
    expect(resolved.get(toCancel.id)?.cancelled?.reason).toBe('Brukaren har avbokat');
    expect(resolved.get(toCancel.id)?.checkIn?.staffId).toBe('anna');

    // Anna's device gets the resolution: the visit is hers again.
    await anna.page.locator(`[data-testid=visit-card][data-visit-id="${toReassign.id}"] [data-testid=reassigned-away]`).waitFor({ state: 'detached', timeout: 10_000 });
    expect(anna.errors).toEqual([]);
    expect(planner.errors).toEqual([]);
  });
});
