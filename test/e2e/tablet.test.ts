// A 10-inch tablet, portrait and landscape: Min dag and a visit fit the width
// (no sideways scrolling), every button and link of the main content is a
// touch target of at least 44×44 CSS px, and anna can go from Min dag to a
// visit, check in and check out as planned with the keyboard alone. Where
// axe-core is installed, it finds no serious or critical problem on either page.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../fixtures/server';
import { useServerAndBrowser, signIn, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();

const MIN_TARGET = 44;
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

const ORIENTATIONS = [
  { name: 'portrait', viewport: { width: 800, height: 1280 }, visit: 0 },
  { name: 'landscape', viewport: { width: 1280, height: 800 }, visit: 1 },
] as const;

async function newTablet(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, screen: viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true, bypassCSP: true }); // axe-core is injected as a script
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/** Visible buttons and links of the main content smaller than 44×44 CSS px, described. */
async function smallTargets(page: Page): Promise<string[]> {
  const targets = page.locator('main').locator('a[href], button, [role=button], [role=link]');
  const small: string[] = [];
  for (const target of await targets.all()) {
    if (!(await target.isVisible())) continue;
    const box = await target.boundingBox();
    if (!box) continue;
    if (box.width < MIN_TARGET || box.height < MIN_TARGET) {
      const name = (await target.getAttribute('aria-label')) ?? (await target.innerText()).trim();
      small.push(`${await target.evaluate((el) => el.tagName.toLowerCase())} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return small;
}

type FocusTarget = { tag: 'A' | 'BUTTON'; href?: string; text?: string };

/** Presses Tab until the focused element is the target (a link by its href, a button by its text). */
async function tabTo(page: Page, target: FocusTarget, maxPresses = 80): Promise<void> {
  for (let n = 0; n < maxPresses; n++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((t) => {
      const el = document.activeElement;
      return (
        !!el &&
        el.tagName === t.tag &&
        (t.href === undefined || el.getAttribute('href') === t.href) &&
        (t.text === undefined || (el.textContent ?? '').trim() === t.text)
      );
    }, target);
    if (hit) return;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  throw new Error(`${JSON.stringify(target)} not reached with ${maxPresses} presses of Tab; focus is on ${focused}`);
}

async function expectFitsAndTouchable(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${where}: document ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
  expect(await smallTargets(page), `${where}: touch targets under ${MIN_TARGET}×${MIN_TARGET} px`).toEqual([]);
}

/** Serious and critical axe-core findings, or null when axe-core is not installed. */
async function axeProblems(page: Page): Promise<string[] | null> {
  if (!existsSync(AXE)) return null;
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; impact?: string | null; nodes: unknown[] }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
  });
}

describe('on a 10-inch tablet', () => {
  for (const orientation of ORIENTATIONS) {
    it(`fits, has large targets and works by keyboard in ${orientation.name}`, async () => {
      const url = env.server().url;
      const anna = await newTablet(env.browser(), orientation.viewport);
      await signIn(anna.page, url, 'anna');
      await anna.page.getByRole('heading', { name: 'Min dag' }).waitFor();
      await waitUntilSynced(anna.page);
      const cards = anna.page.getByTestId('visit-card');
      await cards.nth(orientation.visit).waitFor();
      await anna.page.waitForFunction(() => Array.from(document.querySelectorAll('.visit-name')).every((el) => el.textContent !== '…'));
      expect(await anna.page.evaluate(() => window.innerWidth)).toBe(orientation.viewport.width);

      // Min dag.
      await expectFitsAndTouchable(anna.page, `Min dag (${orientation.name})`);
      const axeDay = await axeProblems(anna.page);
      if (axeDay) expect(axeDay, `axe on Min dag (${orientation.name})`).toEqual([]);

      // A visit, before check-in and while in progress.
      const href = await cards.nth(orientation.visit).locator('a').getAttribute('href');
      if (!href) throw new Error('visit card without a link');
      await anna.page.goto(`${url}${href}`);
      await anna.page.getByRole('button', { name: 'Checka in' }).waitFor({ timeout: 30_000 });
      await anna.page.getByRole('heading', { level: 1 }).filter({ hasNotText: '…' }).waitFor();
      await expectFitsAndTouchable(anna.page, `visit, planned (${orientation.name})`);
      const axeVisit = await axeProblems(anna.page);
      if (axeVisit) expect(axeVisit, `axe on a visit (${orientation.name})`).toEqual([]);

      // Keyboard alone: from Min dag to the visit, check in, check out as planned.
      await anna.page.goto(url);
      await anna.page.getByRole('heading', { name: 'Min dag' }).waitFor();
      await cards.nth(orientation.visit).waitFor();
      await tabTo(anna.page, { tag: 'A', href });
      await anna.page.keyboard.press('Enter');
      await anna.page.waitForURL((u) => u.pathname === href);
      await anna.page.getByRole('button', { name: 'Checka in' }).waitFor({ timeout: 30_000 });
      await tabTo(anna.page, { tag: 'BUTTON', text: 'Checka in' });
      await anna.page.keyboard.press('Enter');
      await anna.page.getByTestId('visit-status').filter({ hasText: 'Pågår' }).waitFor();
      await anna.page.getByRole('button', { name: 'Allt gjort som planerat' }).waitFor();
      await expectFitsAndTouchable(anna.page, `visit, in progress (${orientation.name})`);
      await tabTo(anna.page, { tag: 'BUTTON', text: 'Allt gjort som planerat' });
      await anna.page.keyboard.press('Space');
      await anna.page.getByTestId('visit-status').filter({ hasText: 'Klart' }).waitFor();
      expect(await anna.page.getByTestId('visit-status').innerText()).toContain('Som planerat');
      await expectFitsAndTouchable(anna.page, `visit, done (${orientation.name})`);

      expect(anna.errors).toEqual([]);
      await anna.context.close();
    });
  }
});
