// Offline cold start: a signed-in, synced device with the network off and the
// CPU throttled 4x reloads the app; time from navigation start until "Min dag"
// is on screen with its visits and names (the app's performance mark).
import type { Browser } from 'playwright-core';
import { newDevice, signIn, waitForServiceWorker, waitUntilSynced } from '../test/e2e/helpers';

export type ColdStartFigures = { runsMs: number[]; medianMs: number; cpuThrottle: number };

export async function measureColdStart(browser: Browser, baseUrl: string, runs = 7, cpuThrottle = 4): Promise<ColdStartFigures> {
  const { context, page } = await newDevice(browser);
  await signIn(page, baseUrl, 'anna');
  await waitUntilSynced(page);
  await waitForServiceWorker(page);
  await page.reload(); // controlled by the service worker from here on
  await page.getByTestId('visit-card').first().waitFor();
  await context.setOffline(true);
  const cdp = await context.newCDPSession(page);
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    await page.reload({ waitUntil: 'commit' });
    const at = await page.waitForFunction(
      () => performance.getEntriesByName('slinga:day-visible')[0]?.startTime ?? null,
      undefined,
      { timeout: 30_000, polling: 50 },
    );
    runsMs.push(Math.round((await at.jsonValue()) as number));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  await context.close();
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, cpuThrottle };
}
