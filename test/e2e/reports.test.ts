// The scheduler's follow-up page: planned vs delivered per staff member for
// yesterday's week, continuity per recipient, and a CSV made on the device
// that is the same as the server's delivered.csv.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DELIVERED_COLUMNS, addDays, isoWeekday, localDate } from '../../domain';
import { login } from '../fixtures/server';
import { newDevice, signIn, useServerAndBrowser, waitUntilSynced } from './helpers';

const env = useServerAndBrowser();

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function serverCsv(token: string, from: string, to: string): Promise<string> {
  const res = await fetch(`${env.server().url}/api/teams/norr/delivered.csv?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.text();
}

async function downloadCsv(page: Page): Promise<{ text: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-download').click()]);
  const path = await download.path();
  return { text: readFileSync(path, 'utf8'), name: download.suggestedFilename() };
}

describe('follow-up (planned vs delivered, continuity)', () => {
  it("shows yesterday's week per staff member, continuity per recipient, and downloads the server's CSV offline-made", async () => {
    const { token } = await login(env.server().url, 'planerare-norr');
    const today = localDate(new Date());
    const yesterday = addDays(today, -1);
    const monday = addDays(yesterday, 1 - isoWeekday(yesterday));
    const sunday = addDays(monday, 6);

    const { page, errors } = await newDevice(env.browser());
    await signIn(page, env.server().url, 'planerare-norr');
    await waitUntilSynced(page);
    await page.goto(`${env.server().url}/planering/uppfoljning?dag=${yesterday}`);
    await page.locator(`[data-testid=reports-period][data-from="${monday}"][data-to="${sunday}"]`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Uppföljning' }).waitFor();

    // Per staff: the same planned and delivered minutes as the server's rows for the week.
    const week = parseCsv(await serverCsv(token, monday, sunday));
    expect(week[0]).toEqual(DELIVERED_COLUMNS);
    const col = (name: string) => DELIVERED_COLUMNS.indexOf(name);
    const expected = new Map<string, { planned: number; actual: number; visits: number }>();
    for (const row of week.slice(1)) {
      if (row[col('status')] === 'cancelled') continue;
      const e = expected.get(row[col('staff_id')] ?? '') ?? { planned: 0, actual: 0, visits: 0 };
      // Demo data: whoever worked a visit was assigned to it, so every non-cancelled planned row counts as planned.
      if (row[col('unplanned')] === 'no') e.planned += Number(row[col('planned_minutes')]);
      e.actual += Number(row[col('actual_minutes')] || 0);
      e.visits += 1;
      expected.set(row[col('staff_id')] ?? '', e);
    }
    const staffRows = page.getByTestId('per-staff-row');
    await staffRows.first().waitFor();
    // Names arrive from the staff list: the first caregiver's row shows a name, not an id.
    await page.locator('[data-testid=per-staff-row][data-key="anna"] th', { hasText: 'Anna' }).waitFor();
    const readShown = () =>
      staffRows.evaluateAll((rows) =>
        rows.map((r) => ({ key: r.getAttribute('data-key'), planned: Number(r.getAttribute('data-planned')), actual: Number(r.getAttribute('data-actual')), visits: Number(r.getAttribute('data-visits')) })),
      );
    const asMap = (list: Awaited<ReturnType<typeof readShown>>) => new Map(list.map((s) => [s.key, { planned: s.planned, actual: s.actual, visits: s.visits }]));
    // "Synced" counts docs the server has acknowledged, which it does before it
    // sends their content: the older days are still arriving, and the page follows.
    await expect.poll(async () => asMap(await readShown()), { timeout: 30_000 }).toEqual(expected);
    const shown = await readShown();
    expect(shown.length).toBeGreaterThan(2);
    const anna = shown.find((s) => s.key === 'anna');
    expect(anna?.planned).toBeGreaterThan(0);
    expect(anna?.actual).toBeGreaterThan(0); // yesterday has real check-ins
    // The visible cells hold the same numbers.
    const annaCells = await page.locator('[data-testid=per-staff-row][data-key="anna"] td').allInnerTexts();
    expect(annaCells[0]?.replace(/\D/g, '')).toBe(String(anna?.planned));
    expect(annaCells[1]?.replace(/\D/g, '')).toBe(String(anna?.actual));
    expect(await page.locator('[data-testid=per-staff] caption').innerText()).toContain('Per personal');
    expect(await page.locator('[data-testid=per-staff] thead th[scope=col]').count()).toBe(5);

    // Continuity: recipients with a count of different staff, worst first.
    const continuityRows = page.getByTestId('continuity-row');
    await continuityRows.first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid=continuity]')?.textContent?.includes('Okänd brukare'));
    const met = (await continuityRows.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-met'))))) as number[];
    expect(met.length).toBeGreaterThan(10);
    for (const n of met) expect(n).toBeGreaterThanOrEqual(1);
    expect([...met].sort((a, b) => b - a)).toEqual(met);
    expect(await page.getByTestId('continuity-mean').innerText()).toMatch(/\d/);

    // The week's CSV, made on the device, is the server's file byte for byte.
    const weekCsv = await downloadCsv(page);
    expect(weekCsv.name).toBe(`delivered-norr-${monday}-${sunday}.csv`);
    expect(weekCsv.text).toBe(await serverCsv(token, monday, sunday));
    expect(await page.getByTestId('csv-server-url').inputValue()).toBe(`${env.server().url}/api/teams/norr/delivered.csv?from=${monday}&to=${sunday}`);

    // One day: the same header and data rows as the server's delivered.csv for that day.
    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Dag' }).click();
    await page.locator(`[data-testid=reports-period][data-from="${yesterday}"][data-to="${yesterday}"]`).waitFor();
    const dayCsv = await downloadCsv(page);
    const serverDay = await serverCsv(token, yesterday, yesterday);
    const lines = dayCsv.text.split('\r\n');
    expect(lines[0]).toBe(DELIVERED_COLUMNS.join(','));
    expect(lines.slice(1)).toEqual(serverDay.split('\r\n').slice(1));
    const dayRows = parseCsv(serverDay).slice(1);
    expect(dayRows.length).toBeGreaterThan(10);
    expect(dayRows.some((r) => r[col('status')] === 'done' && Number(r[col('actual_minutes')]) > 0)).toBe(true);

    // Every cancelled or missed visit of that day is listed as differing, with a link to the visit.
    const closed = new Map(dayRows.filter((r) => r[col('status')] === 'cancelled' || r[col('status')] === 'missed').map((r) => [r[col('visit_id')], r[col('status')]]));
    for (const [visitId, status] of closed) {
      const row = page.locator(`[data-testid=difference][data-visit-id="${visitId}"]`);
      expect(await row.getAttribute('data-reasons')).toContain(status);
      expect(await row.getByRole('link').getAttribute('href')).toBe(`/besok/${yesterday}/${visitId}`);
    }
    expect(errors).toEqual([]);
  });
});
