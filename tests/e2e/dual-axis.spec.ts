/**
 * 柱+同比 on a second axis and a chart's own number format (issue 25): chosen on the trend panel,
 * drawn with two labelled axes, kept in the link and the saved view, and said the same by the
 * printed page, a saved page and an embed (each chart's aria-label is the model's description,
 * with its numbers as the chart writes them).
 */
import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_ORIGIN, chartDrawn, chooseIndicator, embeddingPage, offlineView, openFresh, screenshot } from './helpers';

const AREA = '保护性耕作面积';

const trendLabel = (page: Page) => page.getByTestId('trend-chart').getAttribute('aria-label');

test.use({ viewport: { width: 1920, height: 1080 } });

test('柱+同比 with two labelled axes; 1 decimal and 万 kept by the link, the saved view, the saved page and the embed', async ({ page, browser, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN });
  await openFresh(page);
  await chooseIndicator(page, AREA);
  await page.getByTestId('view-tab-trend').click();
  await chartDrawn(page, 'trend-chart');

  // Bars and a 同比 line on a second axis, in words and on the printed drawing's two axes.
  await page.getByTestId('trend-chart-kind').selectOption('bar-yoy');
  await expect(page).toHaveURL(/chart=bar-yoy/);
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('aria-label', /数值为柱，同比增速为线（右轴，%）/);
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('trend-print').locator('svg');
  await expect(printed).toBeAttached();
  const axisTexts = await printed.locator('text').allTextContents();
  expect(axisTexts).toContain('万亩');
  expect(axisTexts).toContain('同比（%）');
  await page.emulateMedia({ media: 'screen' });
  await screenshot(page, 'dual-axis-bar-yoy');

  // One decimal, in 万: the bars' values and the description follow.
  await page.getByTestId('trend-format').locator('summary').click();
  await page.getByTestId('trend-format-decimals').selectOption('1');
  await page.getByTestId('trend-format-scale').selectOption('万');
  await expect(page).toHaveURL(/dec=1/);
  await expect(page).toHaveURL(/scale=%E4%B8%87/);
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('aria-label', /为\d[\d,]*\.\d万亩，同比[+-]?\d+\.\d%。$/);
  const formatted = await trendLabel(page);
  await screenshot(page, 'dual-axis-format');

  // Saved as a view: its spec keeps the chart and the format.
  await page.getByTestId('save-view').click();
  await page.getByTestId('save-view-name').fill('柱加同比');
  await page.getByTestId('save-view-submit').click();
  await expect(page.getByTestId('save-view-done')).toBeVisible();
  const saved = await page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('indicator-dashboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('views').objectStore('views').getAll();
          read.onsuccess = () => resolve((read.result as { name: string; spec: unknown }[]).find((v) => v.name === '柱加同比')?.spec);
          read.onerror = () => reject(read.error);
        };
      }),
  );
  expect(saved).toMatchObject({ kind: 'trend', chart: 'bar-yoy', format: { decimals: 1, scale: '万' } });

  // The link, reloaded: the same chart, the same numbers.
  await page.reload();
  await chartDrawn(page, 'trend-chart');
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('aria-label', formatted!);
  await expect(page.getByTestId('trend-chart-kind')).toHaveValue('bar-yoy');

  // A saved page, opened offline, and an embed in another site say the same.
  const dir = mkdtempSync(join(tmpdir(), 'dual-axis-'));
  const { view, errors, close } = await offlineView(browser, { width: 1920, height: 1080 });
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('page-export-html').click()]);
  const path = join(dir, 'trend.html');
  copyFileSync(await file.path(), path);
  await view.goto(pathToFileURL(path).href);
  const standalone = view.locator('[data-testid="standalone-chart"][data-drawn="1"]');
  await expect(standalone.first()).toBeAttached({ timeout: 20_000 });
  expect(await view.locator('[data-testid="standalone-chart"]').first().getAttribute('aria-label')).toBe(formatted);

  await page.getByTestId('page-export-embed').click();
  const snippet = await page.getByTestId('page-export-snippet').inputValue();
  const server = await embeddingPage(snippet);
  const visitor = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const parent = await visitor.newPage();
    await parent.goto(server.url);
    const frame = parent.frameLocator('iframe');
    await expect(frame.locator('[data-testid="standalone-chart"][data-drawn="1"]').first()).toBeAttached({ timeout: 20_000 });
    expect(await frame.locator('[data-testid="standalone-chart"]').first().getAttribute('aria-label')).toBe(formatted);
  } finally {
    server.close();
    await visitor.close();
  }
  expect(errors).toEqual([]);
  await close();
});

test('柱+目标 says in words why it cannot be drawn when the indicator has no target', async ({ page }) => {
  await openFresh(page);
  await chooseIndicator(page, AREA);
  await page.getByTestId('view-tab-trend').click();
  await chartDrawn(page, 'trend-chart');
  await page.getByTestId('trend-chart-kind').selectOption('bar-target');
  await expect(page.getByTestId('trend-empty')).toContainText('画不出目标对比：指标“保护性耕作面积”没有');
  // Back to lines: the trend draws again.
  await page.getByTestId('trend-chart-kind').selectOption('');
  await chartDrawn(page, 'trend-chart');
});
