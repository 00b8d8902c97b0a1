// `npm run bench`: builds nothing itself (the npm script builds first), starts
// the real server with fresh demo data (and a second one with the planning
// board's own team, bench/board-data.ts), and prints the figures the budgets
// in the brief are checked against.
import { launchChromium } from '../test/fixtures/browser';
import { ROOT, removeDataDir, startTestServer } from '../test/fixtures/server';
import { join } from 'node:path';
import { formatSeries, measureBoard, startBoardServer } from './board';
import { measureBundle } from './bundle-size';
import { measureCatchUp } from './sync-catch-up';
import { measureColdStart } from './cold-start';

const BUDGET = { initialJsGzipKb: 100, coldStartMs: 600, catchUpMs: 2000, boardRenderMs: 100 };

async function main(): Promise<void> {
  const bundle = measureBundle(join(ROOT, 'dist'));
  console.log(`initial JS: ${bundle.initialJsGzipKb} KB gzip (budget ${BUDGET.initialJsGzipKb}); lazily loaded: ${bundle.lazyJsGzipKb} KB`);
  for (const f of bundle.files) console.log(`  ${f.file}: ${f.gzipKb} KB`);

  const server = await startTestServer({ env: { LOG_LEVEL: 'warn' } });
  const browser = await launchChromium();
  try {
    const cold = await measureColdStart(browser, server.url);
    console.log(`offline cold start, CPU ${cold.cpuThrottle}x slower: median ${cold.medianMs} ms (budget ${BUDGET.coldStartMs}); runs ${cold.runsMs.join(', ')} ms`);
    const catchUp = await measureCatchUp(browser, server.url);
    console.log(`back online: ${catchUp.changes} changes over ${catchUp.docs} docs confirmed by the server in ${catchUp.syncedMs} ms (budget ${BUDGET.catchUpMs})`);
    const board = await startBoardServer();
    try {
      for (const f of await measureBoard(browser, board.server.url, board.data)) {
        const team = `${board.data.caregivers.length} caregivers, ${board.data.visits.length} visits`;
        console.log(`planning board (${team}), CPU ${f.cpuThrottle}x: render ${formatSeries(f.render)} (budget ${BUDGET.boardRenderMs})`);
        console.log(`  reassign by menu until the card is painted in the new lane: ${formatSeries(f.reassign)}`);
        console.log(`  first open after the app starts (code and docs loaded on the way; no budget): ${formatSeries(f.firstOpen)}`);
      }
    } finally {
      await board.server.stop();
      removeDataDir(board.server.dataDir);
    }
  } finally {
    await browser.close();
    await server.stop();
    removeDataDir(server.dataDir);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
