import { test, expect, type Page } from '@playwright/test';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { offlineView, openFresh, screenshot, SHOTS } from './helpers';

/** The sample deck: a title slide, two chart slides, a KPI slide and a pair of KPIs. */
const SAMPLE_SLIDES = 5;
const SAMPLE_CHART_TITLES = ['保护性耕作面积逐年扩大', '秸秆还田率地区对比'];

async function openSampleDeck(page: Page): Promise<void> {
  await openFresh(page);
  await page.goto('/?page=briefing&deck=sample-deck');
  await expect(page.getByTestId('deck-editor')).toBeVisible();
  await expect(page.getByTestId('slide-item')).toHaveCount(SAMPLE_SLIDES);
}

test('a deck prints one slide per A4 landscape page, charts as vectors, no buttons', async ({ page }) => {
  await openSampleDeck(page);
  await expect(page.getByTestId('deck-print-button')).toBeVisible();
  await expect(page.getByTestId('deck-print-page')).toHaveCount(0);

  await page.emulateMedia({ media: 'print' });
  const pages = page.getByTestId('deck-print-page');
  await expect(pages).toHaveCount(SAMPLE_SLIDES);
  // The two chart slides are drawn as SVG; the title and KPI slides are text.
  await expect(page.getByTestId('deck-print').locator('svg')).toHaveCount(2);
  await expect(pages.nth(0)).toContainText('生态环境整改工作汇报');
  // Headings print (the print stylesheet hides the app's <header> bar; the slide heading is not one).
  await expect(pages.nth(1).getByRole('heading', { name: SAMPLE_CHART_TITLES[0]! })).toBeVisible();
  await expect(pages.nth(3)).toContainText('PM10平均浓度');
  await expect(pages.nth(3)).toContainText('乌海市');
  await expect(page.getByTestId('deck-editor')).toBeHidden();
  await expect(page.getByTestId('deck-list')).toBeHidden();
  await expect(page.getByTestId('deck-print-button')).toBeHidden();
  await expect(page.getByTestId('import-button')).toBeHidden();

  const pdf = await page.pdf({ path: join(SHOTS, 'deck-print.pdf'), preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const raw = pdf.toString('latin1');
  const boxes = [...raw.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
  expect(boxes).toHaveLength(SAMPLE_SLIDES);
  for (const box of boxes) {
    // A4 landscape: 842 × 595 points.
    expect(Math.round(Number(box[1]))).toBe(842);
    expect(Math.round(Number(box[2]))).toBe(595);
  }
  expect(raw.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBe(SAMPLE_SLIDES);
  expect(raw).not.toMatch(/\/Subtype\s*\/Image/);
});

test('a deck saves as one HTML page holding every slide: title, charts and KPIs, opened offline', async ({ page, browser }) => {
  await openSampleDeck(page);
  // The KPI slide's value as the app prints it, to compare with the saved page.
  await page.emulateMedia({ media: 'print' });
  // Wait until the slide's data has loaded (PM10 is in 微克/立方米).
  await expect(page.getByTestId('deck-print-page').nth(3)).toContainText('微克/立方米');
  const kpiPage = (await page.getByTestId('deck-print-page').nth(3).textContent()) ?? '';
  await page.emulateMedia({ media: 'screen' });

  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deck-export-html').click()]);
  expect(file.suggestedFilename()).toMatch(/示例汇报.*\.html$/);
  await expect(page.getByTestId('deck-export-status')).toContainText(`（${SAMPLE_SLIDES} 页）`);
  await screenshot(page, 'deck-export-buttons');
  const dir = mkdtempSync(join(tmpdir(), 'deck-html-'));
  const path = join(dir, 'deck.html');
  copyFileSync(await file.path(), path);

  const { view, remote, errors, close } = await offlineView(browser, { width: 1280, height: 720 });
  await view.goto(pathToFileURL(path).href);
  await expect(view).toHaveTitle('示例汇报');
  const title = view.getByTestId('standalone-title-slide');
  await expect(title).toHaveCount(1);
  await expect(title).toContainText('生态环境整改工作汇报');
  await expect(title).toContainText('示例汇报 · 数据为示例，非真实统计');
  await expect(view.locator('[data-testid="standalone-chart"][data-drawn="1"]')).toHaveCount(2);
  // Chart titles are drawn inside the canvas: they are in the file's snapshot, in slide order.
  const saved = readFileSync(path, 'utf8');
  const at = SAMPLE_CHART_TITLES.map((t) => saved.indexOf(`"title":"${t}"`));
  expect(at.every((i) => i > 0)).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));
  // One KPI slide and the pair's two halves.
  const kpis = view.getByTestId('standalone-slide-kpi');
  await expect(kpis).toHaveCount(3);
  await expect(kpis.first()).toContainText('PM10平均浓度');
  await expect(kpis.first()).toContainText('乌海市');
  const value = (await kpis.first().getByTestId('standalone-slide-kpi-value').textContent()) ?? '';
  expect(value).toMatch(/\d/);
  expect(kpiPage).toContain(value);
  await expect(kpis.nth(2)).toContainText('优良天数');
  // Slides in deck order: title, two charts, KPI, and the pair's halves side by side in one row.
  const order = await view.locator('#app > *').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? (e.className || e.tagName)));
  expect(order).toEqual(['H1', 'standalone-title-slide', 'chart-figure', 'chart-figure', 'standalone-slide-kpi', 'pair']);
  const halves = view.locator('#app > .pair > [data-testid="standalone-slide-kpi"]');
  await expect(halves).toHaveCount(2);
  const [left, right] = [(await halves.nth(0).boundingBox())!, (await halves.nth(1).boundingBox())!];
  expect(right.x).toBeGreaterThan(left.x + left.width - 1);
  expect(Math.abs(right.y - left.y)).toBeLessThan(1);
  for (const [w, h] of [
    [1920, 1080],
    [1024, 768],
  ] as const) {
    await view.setViewportSize({ width: w, height: h });
    await view.waitForTimeout(800);
    await screenshot(view, `deck-html-${w}`);
    await halves.first().scrollIntoViewIfNeeded();
    await screenshot(view, `deck-html-kpi-${w}`);
    await view.evaluate(() => window.scrollTo(0, 0));
  }
  expect(remote).toEqual([]);
  expect(errors).toEqual([]);
  await close();
});
