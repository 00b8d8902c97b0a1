// Back online after a shift: a device makes about 200 changes over 60 docs
// while offline (ticks, check-ins and journal drafts through the domain
// accessors, as the UI would), then the network returns. Time from "online"
// until the server has confirmed every change (pending count 0).
import type { Browser } from 'playwright-core';
import { newDevice, signIn, waitUntilSynced } from '../test/e2e/helpers';

export type CatchUpFigures = { docs: number; changes: number; syncedMs: number };

export async function measureCatchUp(browser: Browser, baseUrl: string, targetDocs = 60, targetChanges = 200): Promise<CatchUpFigures> {
  const { context, page } = await newDevice(browser);
  await page.goto(baseUrl);
  await page.evaluate(() => localStorage.setItem('slinga:bench', '1'));
  await signIn(page, baseUrl, 'anna');
  await page.reload();
  await waitUntilSynced(page);
  await context.setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
  const made = await page.evaluate(
    async ({ targetDocs, targetChanges }) => {
      type Bench = {
        hub: { open(name: string): Promise<import('yjs').Doc> };
        domain: Pick<typeof import('../domain'), 'createDraft' | 'parseDocName' | 'setTaskDone'>;
        LOCAL: symbol;
        docNames(): Promise<string[]>;
      };
      const bench = (window as unknown as { slingaBench: Bench }).slingaBench;
      const names = await bench.docNames();
      const exec = names.filter((n) => n.startsWith('exec:'));
      const journals = names.filter((n) => n.startsWith('journal:'));
      const chosen = [...exec, ...journals].slice(0, targetDocs);
      let changes = 0;
      const at = new Date().toISOString();
      const stamp = { at, staffId: 'anna' };
      for (let round = 0; changes < targetChanges; round++) {
        for (const name of chosen) {
          if (changes >= targetChanges) break;
          const doc = await bench.hub.open(name);
          const ref = bench.domain.parseDocName(name);
          if (ref?.kind === 'exec') {
            bench.domain.setTaskDone(doc, `bench-visit-${round}`, `insats-${changes}`, true, stamp, bench.LOCAL);
          } else if (ref?.kind === 'journal') {
            const id = `bench-${changes}`;
            bench.domain.createDraft(doc, { id, brukareId: ref.brukareId, authorId: 'anna', authorName: 'Anna', createdAt: at, text: `Anteckning ${changes}` }, bench.LOCAL);
          }
          changes++;
        }
      }
      return { docs: chosen.length, changes };
    },
    { targetDocs, targetChanges },
  );
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=pending-count]')?.getAttribute('data-pending')) >= n, made.changes, { timeout: 30_000 });
  const start = Date.now();
  await context.setOffline(false);
  await page.waitForFunction(() => document.querySelector('[data-testid=pending-count]')?.getAttribute('data-pending') === '0', undefined, { timeout: 120_000, polling: 20 });
  const syncedMs = Date.now() - start;
  await context.close();
  return { ...made, syncedMs };
}
