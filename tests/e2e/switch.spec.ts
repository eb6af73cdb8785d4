import { test, expect, type Page } from '@playwright/test';
import { chartDrawn, openFresh } from './helpers';

/**
 * Switching indicator: the values are read from the moment the button is pressed, and the page
 * redraws once, with the new values (dashboard/explorer.svelte.ts: prefetch, view).
 */
const AREA = '保护性耕作面积';
const STRAW = '秸秆还田率';

test.use({ viewport: { width: 1920, height: 1080 } });

function option(page: Page, name: string) {
  return page.getByTestId('indicator-list').getByRole('option', { name, exact: true });
}

/**
 * The app's loads of values since `since` (`view:load` measures), and the store's reads among them
 * (`store:read`: an answer shared with a read already made is not one), with when each started.
 */
function loadsSince(page: Page, since: number, name: 'view:load' | 'store:read' = 'view:load'): Promise<{ indicator: string; at: number }[]> {
  return page.evaluate(
    ([t, entry]) =>
      performance
        .getEntriesByName(entry)
        .filter((m) => m.startTime >= t)
        .map((m) => ({ indicator: ((m as PerformanceMeasure).detail as { indicator: string }).indicator, at: m.startTime })),
    [since, name] as const,
  );
}

test('a press on an indicator reads its values; the click draws them without reading again', async ({ page }) => {
  await openFresh(page, `/?view=kpi&ind=${encodeURIComponent(AREA)}`);
  await chartDrawn(page, 'trend-chart');
  await page.getByTestId('indicator-search').fill(STRAW);
  const since = await page.evaluate(() => performance.now());
  await option(page, STRAW).hover();
  await page.mouse.down();
  // Nothing changes on screen while the button is held.
  await expect(page.getByTestId('trend')).toContainText(`${AREA}：趋势`);
  const released = await page.evaluate(() => performance.now());
  await page.mouse.up();
  await expect(page.getByTestId('trend')).toContainText(`${STRAW}：趋势`);
  expect((await loadsSince(page, since)).map((l) => l.indicator)).toEqual([STRAW]);
  // One read, started at the press: the click's load got its answer.
  const reads = await loadsSince(page, since, 'store:read');
  expect(reads.map((r) => r.indicator)).toEqual([STRAW]);
  expect(reads[0].at).toBeLessThan(released);
  await expect.poll(() => new URL(page.url()).searchParams.get('ind')).toBe(STRAW);
});

test('a press that ends off the indicator changes nothing, and a later click still reads', async ({ page }) => {
  await openFresh(page, `/?view=kpi&ind=${encodeURIComponent(AREA)}`);
  await chartDrawn(page, 'trend-chart');
  await page.getByTestId('indicator-search').fill(STRAW);
  await option(page, STRAW).hover();
  await page.mouse.down();
  // Let go over the page heading instead: no click, so no switch.
  const away = await page.getByTestId('indicator-search').boundingBox();
  await page.mouse.move(away!.x + 10, away!.y - 40);
  await page.mouse.up();
  await expect(page.getByTestId('trend')).toContainText(`${AREA}：趋势`);
  expect(new URL(page.url()).searchParams.get('ind')).toBe(AREA);
  // A later keyboard choice (no press) reads the values itself, or takes the earlier read.
  const since = await page.evaluate(() => performance.now());
  await option(page, STRAW).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('trend')).toContainText(`${STRAW}：趋势`);
  const loads = await loadsSince(page, since);
  expect(loads.map((l) => l.indicator)).toEqual([STRAW]);
});

test('a switch that clears a chosen period draws the comparison once, with the new values', async ({ page }) => {
  await openFresh(page, `/?view=kpi&ind=${encodeURIComponent(AREA)}&p=2022`);
  await expect(page.getByTestId('comparison')).toContainText('2022');
  await chartDrawn(page, 'comparison-chart');
  // The comparison's heading at each of its draws from here on.
  await page.evaluate(() => {
    const chart = document.querySelector('[data-testid="comparison-chart"]')!;
    const heading = () => document.querySelector('[data-testid="comparison"] h2')?.textContent ?? '';
    const seen: string[] = [];
    (window as unknown as { comparisonDraws: string[] }).comparisonDraws = seen;
    new MutationObserver(() => seen.push(heading())).observe(chart, { attributes: true, attributeFilter: ['data-drawn'] });
  });
  await page.getByTestId('indicator-search').fill(STRAW);
  await option(page, STRAW).click();
  await expect(page.getByTestId('comparison')).toContainText(STRAW);
  const draws = () => page.evaluate(() => (window as unknown as { comparisonDraws: string[] }).comparisonDraws);
  await expect.poll(async () => (await draws()).length).toBeGreaterThan(0);
  // Every draw since the click was of the new indicator: none redrew the old one for its latest period.
  for (const heading of await draws()) expect(heading).toContain(STRAW);
  expect(new URL(page.url()).searchParams.get('p')).toBeNull();
});
