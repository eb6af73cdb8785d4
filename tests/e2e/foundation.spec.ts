import { test, expect, type Route } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartDrawn, importAndShow, openFresh, screenshot } from './helpers';

test('first visit shows the sample data, both charts and the table', async ({ page }) => {
  await openFresh(page);
  await expect(page.getByTestId('sample-notice')).toBeVisible();
  await chartDrawn(page, 'trend-chart');
  await chartDrawn(page, 'comparison-chart');
  await expect(page.getByTestId('observation-table').locator('tbody tr').first()).toBeVisible();
  await screenshot(page, 'dashboard-1920');
  await page.setViewportSize({ width: 1024, height: 768 });
  await chartDrawn(page, 'trend-chart');
  await screenshot(page, 'dashboard-1024');
});

test('the language switch is remembered and sets <html lang>', async ({ page }) => {
  await openFresh(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('nav-datasets')).toHaveText('Datasets');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByTestId('nav-datasets')).toHaveText('Datasets');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await chartDrawn(page, 'trend-chart');
  await screenshot(page, 'dashboard-en-1920');
});

test('one click removes the sample data, and it does not come back after a reload', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('remove-sample').click();
  await expect(page.getByTestId('no-data')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('no-data')).toBeVisible();
  await expect(page.getByTestId('sample-notice')).toHaveCount(0);
});

test('the first charts draw without the on-demand chart code, and a long trend waits for its zoom', async ({ page }) => {
  // Hold back the chunks of ECharts parts loaded on demand (zoom and marks, maps, SVG renderer).
  const held: Route[] = [];
  await page.route(/echarts-parts-(detail|map|svg)-[\w-]+\.js$/, (route) => void held.push(route));
  await openFresh(page);
  await chartDrawn(page, 'trend-chart');
  await chartDrawn(page, 'comparison-chart');

  // 72 months is over the 60 periods from which the trend gets a zoom slider (a detail part).
  const rows = ['地区,指标,时期,数值,单位'];
  for (let m = 0; m < 72; m++) {
    const period = `${2019 + Math.floor(m / 12)}年${String((m % 12) + 1).padStart(2, '0')}月`;
    rows.push(`甲县,月度用电量,${period},${100 + m},万千瓦时`, `乙县,月度用电量,${period},${80 + m},万千瓦时`);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'long-trend-')), 'long-trend.csv');
  writeFileSync(file, rows.join('\n'));
  await importAndShow(page, file);
  await page.getByTestId('indicator-search').fill('月度用电量');
  await page.getByTestId('indicator-list').getByRole('option', { name: '月度用电量', exact: true }).click();
  await page.getByTestId('view-tab-trend').click();

  // The chart asks for its zoom and, while that is held, shows no half-drawn chart without it.
  await expect.poll(() => held.some((r) => /echarts-parts-detail/.test(r.request().url()))).toBe(true);
  await expect(page.getByTestId('trend-chart').locator('canvas')).toHaveCount(0);
  const drawn = Number(await page.getByTestId('trend-chart').getAttribute('data-drawn'));
  for (const route of held.splice(0)) await route.continue();
  await expect(page.getByTestId('trend-chart')).not.toHaveAttribute('data-drawn', String(drawn));
  await expect(page.getByTestId('trend-chart').locator('canvas')).toHaveCount(1);
  await screenshot(page, 'long-trend-zoom');
});
