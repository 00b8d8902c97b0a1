// `npm run bench`: builds nothing itself (the npm script builds first), starts
// the real server with fresh demo data, and prints the figures the budgets in
// the brief are checked against.
import { launchChromium } from '../test/fixtures/browser';
import { ROOT, removeDataDir, startTestServer } from '../test/fixtures/server';
import { join } from 'node:path';
import { measureBundle } from './bundle-size';
import { measureCatchUp } from './sync-catch-up';
import { measureColdStart } from './cold-start';

const BUDGET = { initialJsGzipKb: 100, coldStartMs: 600, catchUpMs: 2000 };

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
