// The scheduler's planning day board with a realistic team: 15 caregivers and
// 120 visits today (bench/board-data.ts). Two figures, timed inside the page
// with performance.now():
//
// - render: from the click on the header's "Planering" link (client-side
//   navigation from the inbox, app loaded, docs in IndexedDB and already open)
//   until the frame in which all 120 cards, the 15 lanes and the recipients'
//   names are in the DOM has been painted (MutationObserver, then
//   requestAnimationFrame, then a task after that frame).
// - reassign: from choosing another caregiver in a visit's assign menu until
//   the card is in the new lane (and no longer in the old one) and the frame
//   after it has been painted.
//
// Both with Chromium unthrottled and with the CPU throttled (CDP
// Emulation.setCPUThrottlingRate), several runs each. Also reported, without a
// budget: the first open of the board after the app has started (reload on the
// inbox, then the link), which loads the board's code and the day's docs.
// Only the stable hooks of the board are used: [data-testid=board-card][data-visit-id],
// [data-testid=board-lane][data-staff-id], the card's first button and [data-testid=assign-select].
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../test/fixtures/browser';
import { login, removeDataDir, startTestServer, type TestServer } from '../test/fixtures/server';
import { signIn, waitUntilNothingPending, waitUntilSynced } from '../test/e2e/helpers';
import { BENCH_PASSWORD, BENCH_SCHEDULER, BENCH_TEAM, createBoardData, type BoardData } from './board-data';

export type Series = { runsMs: number[]; medianMs: number };
export type BoardFigures = { cpuThrottle: number; render: Series; reassign: Series; firstOpen: Series };

const TIMEOUT_MS = 30_000;
/** A scheduler's office screen. */
const VIEWPORT = { width: 1920, height: 1080 };

/** A fresh DATA_DIR with the bench's team, and the real server on it (no demo data). */
export async function startBoardServer(env: Record<string, string> = {}): Promise<{ server: TestServer; data: BoardData }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'slinga-bench-board-'));
  const data = await createBoardData(dataDir);
  const server = await startTestServer({ dataDir, env: { SLINGA_SEED: 'none', LOG_LEVEL: 'warn', ...env } });
  return { server, data };
}

function series(runsMs: number[]): Series {
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0 };
}

/** What the board must show: every card once per assigned staff member, in that member's lane. */
type Expected = { visitIds: string[]; laneIds: string[]; names: Record<string, string>; lanes: Record<string, string[]> };

function expectedOf(data: BoardData, assignment: Map<string, string[]>): Expected {
  const lanes: Record<string, string[]> = Object.fromEntries(data.caregivers.map((c) => [c.id, []]));
  for (const [visitId, staffIds] of assignment) for (const s of staffIds) lanes[s]?.push(visitId);
  return {
    visitIds: data.visits.map((v) => v.id),
    laneIds: data.caregivers.map((c) => c.id),
    names: Object.fromEntries(data.visits.map((v) => [v.id, data.recipientNames[v.brukareId] ?? '?'])),
    lanes,
  };
}

/** Resolves when nothing in the document has changed for `quietMs` (the page has settled). */
async function settle(page: Page, quietMs = 300): Promise<void> {
  await page.evaluate(
    ({ quietMs, maxMs }) =>
      new Promise<void>((done) => {
        let timer = 0;
        const finish = () => {
          observer.disconnect();
          clearTimeout(cap);
          done();
        };
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = window.setTimeout(finish, quietMs);
        });
        const cap = window.setTimeout(finish, maxMs);
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        timer = window.setTimeout(finish, quietMs);
      }),
    { quietMs, maxMs: 15_000 },
  );
}

/**
 * Clicks the header's "Planering" link and times, in the page, until the frame
 * showing the complete board is painted. Complete: every expected visit has a
 * card with its recipient's name, and every caregiver has a lane.
 */
async function timeBoardOpen(page: Page, expected: Expected): Promise<number> {
  const link = page.getByRole('banner').getByRole('link', { name: 'Planering', exact: true });
  return link.evaluate(
    (a, { expected, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const complete = (): boolean => {
          const cards = document.querySelectorAll<HTMLElement>('[data-testid=board-card][data-visit-id]');
          if (cards.length < expected.visitIds.length) return false;
          const named = new Set<string>();
          for (const card of Array.from(cards)) {
            const id = card.dataset.visitId ?? '';
            const name = expected.names[id];
            if (name !== undefined && card.textContent?.includes(name)) named.add(id);
          }
          if (named.size !== expected.visitIds.length) return false;
          const lanes = new Set(Array.from(document.querySelectorAll<HTMLElement>('[data-testid=board-lane][data-staff-id]'), (l) => l.dataset.staffId));
          return expected.laneIds.every((id) => lanes.has(id));
        };
        let finished = false;
        const observer = new MutationObserver(() => {
          if (finished || !complete()) return;
          finished = true;
          observer.disconnect();
          // The next frame is the one that shows it; the task queued from its rAF runs once it is painted.
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              clearTimeout(timer);
              resolve(performance.now() - t0);
            };
            channel.port2.postMessage(null);
          });
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          const cards = document.querySelectorAll('[data-testid=board-card][data-visit-id]').length;
          const lanes = document.querySelectorAll('[data-testid=board-lane][data-staff-id]').length;
          reject(new Error(`board not complete after ${timeoutMs} ms: ${cards} cards, ${lanes} lanes`));
        }, timeoutMs);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        const t0 = performance.now();
        (a as HTMLElement).click();
      }),
    { expected, timeoutMs: TIMEOUT_MS },
  );
}

/** Checks, outside any timing, that the board shows exactly the expected visits in the expected lanes. */
async function checkBoard(page: Page, expected: Expected): Promise<void> {
  const problem = await page.evaluate((expected) => {
    const ids = Array.from(document.querySelectorAll<HTMLElement>('[data-testid=board-card][data-visit-id]'), (c) => c.dataset.visitId ?? '');
    const unique = new Set(ids);
    const missing = expected.visitIds.filter((id) => !unique.has(id));
    const extra = [...unique].filter((id) => !expected.visitIds.includes(id));
    if (missing.length || extra.length || unique.size !== expected.visitIds.length) return `cards: ${unique.size} visits, missing ${missing.join(' ')}, unexpected ${extra.join(' ')}`;
    const lanes = document.querySelectorAll<HTMLElement>('[data-testid=board-lane][data-staff-id]');
    if (lanes.length !== expected.laneIds.length) return `${lanes.length} lanes, expected ${expected.laneIds.length}`;
    for (const lane of Array.from(lanes)) {
      const staffId = lane.dataset.staffId ?? '';
      const shown = Array.from(lane.querySelectorAll<HTMLElement>('[data-testid=board-card][data-visit-id]'), (c) => c.dataset.visitId).sort();
      const want = [...(expected.lanes[staffId] ?? [])].sort();
      if (shown.join() !== want.join()) return `lane ${staffId} shows ${shown.length} cards, expected ${want.length}`;
    }
    return null;
  }, expected);
  if (problem) throw new Error(`the board does not show the bench's day: ${problem}`);
}

/** Waits until the (new) editor for a visit is open: its assign menu shows the visit's current assignee and offers the target. */
async function openEditor(page: Page, visitId: string, current: string, target: string): Promise<void> {
  // The editor is a modal dialog: close the previous run's first.
  if ((await page.getByTestId('board-editor').count()) > 0) {
    await page.keyboard.press('Escape');
    await page.getByTestId('board-editor').waitFor({ state: 'detached' });
  }
  await page.locator(`[data-testid=board-card][data-visit-id="${visitId}"]`).first().locator('.board-card-button').click();
  await page.waitForFunction(
    ({ current, target }) => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid=assign-select]');
      return select !== null && select.value === current && Array.from(select.options).some((o) => o.value === target);
    },
    { current, target },
    { timeout: TIMEOUT_MS },
  );
}

/** Chooses `target` in the open assign menu; times until the card is in the target's lane, not in the old one, and that frame is painted. */
async function timeReassign(page: Page, visitId: string, from: string, target: string): Promise<number> {
  return page.getByTestId('assign-select').evaluate(
    (select, { visitId, from, target, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const card = `[data-testid=board-card][data-visit-id="${visitId}"]`;
        const moved = () =>
          document.querySelector(`[data-testid=board-lane][data-staff-id="${target}"] ${card}`) !== null &&
          document.querySelector(`[data-testid=board-lane][data-staff-id="${from}"] ${card}`) === null;
        let finished = false;
        const observer = new MutationObserver(() => {
          if (finished || !moved()) return;
          finished = true;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              clearTimeout(timer);
              resolve(performance.now() - t0);
            };
            channel.port2.postMessage(null);
          });
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`visit ${visitId} did not move from ${from} to ${target} within ${timeoutMs} ms`));
        }, timeoutMs);
        observer.observe(document.body, { subtree: true, childList: true });
        const s = select as HTMLSelectElement;
        // What choosing an option does (as Playwright's selectOption): set it, then input and change.
        const t0 = performance.now();
        s.value = target;
        s.dispatchEvent(new Event('input', { bubbles: true }));
        s.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    { visitId, from, target, timeoutMs: TIMEOUT_MS },
  );
}

async function throttled<T>(cdp: CDPSession, rate: number, fn: () => Promise<T>): Promise<T> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    return await fn();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

async function leaveBoard(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: 'Inkorg', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=board-card]') === null, undefined, { timeout: TIMEOUT_MS });
  await settle(page);
}

/**
 * Signs the bench's scheduler in on a fresh device, waits until every doc is
 * on the device, then measures each CPU throttle rate in turn (`runs` each).
 */
export async function measureBoard(browser: Browser, baseUrl: string, data: BoardData, throttles: number[] = [1, 4], runs = 7): Promise<BoardFigures[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx (esbuild, keepNames) wraps named functions in __name(); the functions evaluated in the page need it too.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const assignment = new Map(data.visits.map((v) => [v.id, [...v.assignedStaffIds]]));
  const shiftOf = new Map(data.caregivers.map((c) => [c.id, c.shift]));
  const used = new Set<string>();
  let lastTarget = '';
  try {
    await signIn(page, baseUrl, BENCH_SCHEDULER, BENCH_PASSWORD);
    await waitUntilSynced(page);
    // Once by its address: the board shows exactly the bench's day.
    await page.goto(`${baseUrl}/planering?dag=${data.date}`);
    await page.locator('[data-testid=board-card][data-visit-id]').first().waitFor({ timeout: TIMEOUT_MS });
    await settle(page);
    await checkBoard(page, expectedOf(data, assignment));
    const cdp = await context.newCDPSession(page);
    const out: BoardFigures[] = [];
    for (const rate of throttles) {
      // First open after the app has started: the board's code and the day's docs are loaded on the way.
      const firstOpen: number[] = [];
      for (let i = 0; i < runs; i++) {
        await page.goto(`${baseUrl}/meddelanden`);
        await page.getByRole('banner').getByRole('link', { name: 'Planering', exact: true }).waitFor();
        await waitUntilSynced(page);
        await settle(page, 500);
        firstOpen.push(await throttled(cdp, rate, () => timeBoardOpen(page, expectedOf(data, assignment))));
        await checkBoard(page, expectedOf(data, assignment));
      }
      // The board again, with the app and the docs loaded: navigate away and back.
      const render: number[] = [];
      for (let i = 0; i < runs; i++) {
        await leaveBoard(page);
        render.push(await throttled(cdp, rate, () => timeBoardOpen(page, expectedOf(data, assignment))));
        await checkBoard(page, expectedOf(data, assignment));
      }
      // Reassignments: a different single-staffed visit each run, to another caregiver of the same shift.
      const reassign: number[] = [];
      await settle(page);
      for (let i = 0; i < runs; i++) {
        const candidates = data.visits.filter((v) => {
          const a = assignment.get(v.id) ?? [];
          return v.requiredStaff === 1 && a.length === 1 && !used.has(v.id) && a[0] !== lastTarget;
        });
        const visit = candidates[(i * 7 + rate) % candidates.length];
        const from = visit ? assignment.get(visit.id)?.[0] : undefined;
        if (!visit || !from) throw new Error('no visit left to reassign');
        const sameShift = data.caregivers.filter((c) => c.id !== from && c.shift === shiftOf.get(from));
        const target = sameShift[(i + used.size) % sameShift.length]?.id;
        if (!target) throw new Error(`nobody to reassign ${visit.id} to`);
        await openEditor(page, visit.id, from, target);
        await settle(page);
        reassign.push(await throttled(cdp, rate, () => timeReassign(page, visit.id, from, target)));
        used.add(visit.id);
        lastTarget = target;
        assignment.set(visit.id, [target]);
        await settle(page);
        await checkBoard(page, expectedOf(data, assignment));
      }
      out.push({ cpuThrottle: rate, render: series(render.map(Math.round)), reassign: series(reassign.map((ms) => Math.round(ms * 10) / 10)), firstOpen: series(firstOpen.map(Math.round)) });
    }
    // The reassignments really changed the plan: the server holds them.
    await waitUntilNothingPending(page);
    const { token } = await login(baseUrl, BENCH_SCHEDULER, BENCH_PASSWORD);
    const res = await fetch(`${baseUrl}/api/days/${BENCH_TEAM}/${data.date}`, { headers: { authorization: `Bearer ${token}` } });
    const day = (await res.json()) as { visits: Array<{ id: string; assignedStaffIds: string[] }> };
    const wrong = day.visits.filter((v) => (assignment.get(v.id) ?? []).join() !== v.assignedStaffIds.join());
    if (day.visits.length !== data.visits.length || wrong.length > 0) {
      throw new Error(`the server's plan differs from the board's: ${day.visits.length} visits, ${wrong.map((v) => v.id).join(' ')}`);
    }
    if (errors.length > 0) throw new Error(`errors in the page: ${errors.join('; ')}`);
    return out;
  } finally {
    await context.close();
  }
}

export function formatSeries(s: Series): string {
  return `median ${s.medianMs} ms; runs ${s.runsMs.join(', ')} ms`;
}

// `npx tsx bench/board.ts` runs this bench alone (SLINGA_TEST_STATIC_DIR serves another build than dist/).
async function main(): Promise<void> {
  const { server, data } = await startBoardServer();
  const browser = await launchChromium();
  try {
    for (const f of await measureBoard(browser, server.url, data)) {
      console.log(`planning board (${data.caregivers.length} caregivers, ${data.visits.length} visits), CPU ${f.cpuThrottle}x:`);
      console.log(`  render ${formatSeries(f.render)}`);
      console.log(`  reassign ${formatSeries(f.reassign)}`);
      console.log(`  first open after app start ${formatSeries(f.firstOpen)}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    removeDataDir(server.dataDir);
  }
}

// `npx tsx bench/board.ts` runs this bench alone (SLINGA_TEST_STATIC_DIR serves another build than dist/).
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
