import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFresh, screenshot, SHOTS } from './helpers';

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

test('a deck saves as one HTML page holding its chart slides', async ({ page }) => {
  await openSampleDeck(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deck-export-html').click()]);
  expect(file.suggestedFilename()).toMatch(/示例汇报.*\.html$/);
  const html = readFileSync(await file.path(), 'utf8');
  // The status says the title and KPI slides were left out (title, KPI, KPI pair = 3).
  await expect(page.getByTestId('deck-export-status')).toContainText('3');
  await expect(page.getByTestId('deck-export-status')).toContainText('2');
  await screenshot(page, 'deck-export-buttons');

  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    return { title: doc.title, scripts: doc.querySelectorAll('script').length, text: doc.documentElement.textContent ?? '' };
  }, html);
  expect(parsed.title).toBe('示例汇报');
  expect(parsed.scripts).toBeGreaterThan(0);
  for (const title of SAMPLE_CHART_TITLES) expect(parsed.text).toContain(title);
  // KPI slides are not charts in the page.
  expect(parsed.text).not.toContain('优良天数');
});
