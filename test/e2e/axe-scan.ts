// axe-core in a page, for the browser tests of single screens: the serious or
// critical WCAG 2.2 A/AA violations inside an element, as text. The page's
// context must be made with bypassCSP (newDevice(browser, { bypassCSP: true })):
// axe-core is injected as a script, which the app's own policy forbids.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function seriousViolations(page: Page, selector = 'body'): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(
    async ([sel, tags]) => {
      const api = (window as unknown as { axe: { run(c: string, o: unknown): Promise<AxeResults> } }).axe;
      const result = await api.run(sel, { runOnly: { type: 'tag', values: tags } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
    },
    [selector, WCAG_22_AA] as const,
  );
}
