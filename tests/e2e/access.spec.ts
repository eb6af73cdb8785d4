/**
 * Issue 25's page-wide parts: an axe run with no critical or serious findings on every page,
 * the indicator list as one keyboard list, the dashboard at 1024 px and on a phone, the dark
 * theme following the system, the watermark on the page, on exports and on saved pages, and
 * one Excel for the whole page.
 */
import { test, expect, type Page, type Download } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { chartDrawn, fixture, importFile, openFresh, screenshot } from './helpers';

/** Critical and serious findings, one line each, so a failure names the rule and the elements. */
async function seriousFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} — ${v.nodes[0]?.failureSummary ?? ''}`);
}

async function download(page: Page, testid: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { file, bytes: readFileSync(await file.path()) };
}

async function setWatermark(page: Page, unit: string): Promise<void> {
  await page.getByTestId('app-settings-button').click();
  await expect(page.getByTestId('app-settings-dialog')).toBeVisible();
  await page.getByTestId('watermark-enabled').check();
  await page.getByTestId('watermark-unit').fill(unit);
  await expect(page.getByTestId('watermark-preview')).toContainText(unit);
  await page.getByTestId('app-settings-close').click();
  await expect(page.getByTestId('app-settings-dialog')).toBeHidden();
}

test.describe('axe', () => {
  test.setTimeout(480_000);

  test('every tab of the dashboard has no critical or serious findings, in both themes', async ({ page }) => {
    await openFresh(page);
    const found: Record<string, string[]> = {};
    for (const tab of ['overview', 'trend', 'comparison', 'ranking', 'multiples', 'region']) {
      await page.getByTestId(`view-tab-${tab}`).click();
      await expect(page.getByTestId(`view-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
      found[tab] = await seriousFindings(page);
    }
    await page.getByTestId('view-tab-overview').click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    found['kpi, dark'] = await seriousFindings(page);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });

  test('the other pages and the dialogs have no critical or serious findings', async ({ page }) => {
    await openFresh(page);
    const found: Record<string, string[]> = {};
    await page.getByTestId('app-settings-button').click();
    await expect(page.getByTestId('app-settings-dialog')).toBeVisible();
    found.settings = await seriousFindings(page);
    await page.getByTestId('app-settings-close').click();
    for (const name of ['datasets', 'briefing', 'ledger', 'report']) {
      await page.getByTestId(`nav-${name}`).click();
      await expect(page.getByTestId(`nav-${name}`)).toHaveAttribute('aria-current', 'page');
      // The page's own code loads on demand: wait until main holds more than a loading line.
      await expect(page.locator('main h2, main [data-testid]').first()).toBeVisible();
      found[name] = await seriousFindings(page);
    }
    await page.goto('/?page=briefing&deck=sample-deck&present=1');
    await expect(page.getByTestId('presenting')).toBeVisible();
    found.presenting = await seriousFindings(page);
    await page.goto('/');
    await chartDrawn(page, 'trend-chart');
    await importFile(page, fixture('utf8-bom-long-codes.csv'));
    found.import = await seriousFindings(page);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });
});

test('the indicator list is one Tab stop, moved in with the arrow keys, chosen with Enter', async ({ page }) => {
  await openFresh(page);
  // The page's first Tab stop skips the top bar, without changing the address.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-to-main')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  expect(new URL(page.url()).hash).toBe('');

  const list = page.getByTestId('indicator-list');
  const options = list.getByRole('option');
  const count = await options.count();
  expect(count).toBeGreaterThan(2);
  // Exactly one option takes Tab: the chosen one.
  await expect(list.locator('[tabindex="0"]')).toHaveCount(1);
  await expect(list.locator('[tabindex="0"]')).toHaveAttribute('aria-selected', 'true');
  const chosen = (await list.locator('[aria-selected="true"]').textContent())?.trim();

  await page.getByTestId('indicator-search').focus();
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(options.nth(count - 1)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(options.first()).toBeFocused();
  // Moving does not choose.
  await expect(list.locator('[aria-selected="true"]')).toHaveText(chosen ?? '');

  // Choose one that is not chosen yet: the first, or the second when the first is.
  const other = (await options.first().textContent())?.trim() === chosen ? 1 : 0;
  if (other === 1) await page.keyboard.press('ArrowDown');
  const next = (await options.nth(other).textContent())?.trim() ?? '';
  await page.keyboard.press('Enter');
  await expect(options.nth(other)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('trend').locator('h2')).toContainText(next);
  // Tab leaves the list in one press (was: one stop per indicator).
  await page.keyboard.press('Tab');
  await expect(list.locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(options.nth(other)).toBeFocused();
});

test('the dashboard fits 1024 px and a phone: no sideways scrolling, on a phone the charts before the filters', async ({ page }) => {
  // Three sizes of three tabs, each redrawn and photographed: over a minute on a busy two-core machine.
  test.setTimeout(180_000);
  for (const [width, height] of [
    [1920, 1080],
    [1024, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    if (width === 1920) await openFresh(page);
    for (const tab of ['overview', 'trend', 'ranking']) {
      await page.getByTestId(`view-tab-${tab}`).click();
      await expect(page.getByTestId(`view-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${tab} at ${width}px`).toBeLessThanOrEqual(0);
      await screenshot(page, `access-${tab}-${width}`);
    }
    await page.getByTestId('view-tab-trend').click();
    await chartDrawn(page, 'trend-chart');
    const chart = (await page.getByTestId('trend-chart').boundingBox())!;
    const filters = (await page.getByTestId('indicator-list').boundingBox())!;
    if (width === 390) {
      expect(chart.y).toBeLessThan(filters.y);
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.x + chart.width).toBeLessThanOrEqual(390);
    } else {
      expect(filters.x).toBeLessThan(chart.x);
    }
  }
});

test('the theme follows the system until one is chosen, and charts sit on their panels', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openFresh(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme')).toHaveValue('system');
  await page.getByTestId('view-tab-trend').click();
  await chartDrawn(page, 'trend-chart');
  // The canvas's own background (the chart theme's) is the panel's.
  const colours = await page.evaluate(() => {
    const chart = document.querySelector('[data-testid="trend-chart"]')!;
    const canvas = chart.querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    const [r, g, b] = ctx.getImageData(2, 2, 1, 1).data;
    const panel = getComputedStyle(chart.closest('.panel')!).backgroundColor;
    return { canvas: `rgb(${r}, ${g}, ${b})`, panel };
  });
  expect(colours.canvas).toBe(colours.panel);
  await screenshot(page, 'access-dark-trend');
  // The system changes while the page is open: the page follows.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  // A choice holds against the system, and across a reload.
  await page.getByTestId('theme').selectOption('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await chartDrawn(page, 'trend-chart');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByTestId('theme').selectOption('system');
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('the watermark, set once, is on the page, on an exported PNG and SVG and on the saved page', async ({ page }) => {
  test.setTimeout(150_000);
  await openFresh(page);
  await page.getByTestId('view-tab-trend').click();
  await chartDrawn(page, 'trend-chart');
  await expect(page.getByTestId('watermark')).toHaveCount(0);
  await page.getByTestId('trend-export').locator('summary').click();
  const plain = await download(page, 'trend-export-png');

  await setWatermark(page, '某市统计局');
  const mark = page.getByTestId('watermark');
  await expect(mark).toHaveAttribute('data-text', /^内部资料 注意保密 {2}某市统计局 {2}\d{4}-\d{2}-\d{2}$/);
  const text = (await mark.getAttribute('data-text'))!;
  // Over the whole page, clicks pass through it, and it is kept for printing.
  const style = await mark.evaluate((el) => {
    const s = getComputedStyle(el);
    return { position: s.position, events: s.pointerEvents, image: s.backgroundImage, width: el.getBoundingClientRect().width };
  });
  expect(style).toMatchObject({ position: 'fixed', events: 'none', width: 1920 });
  expect(decodeURIComponent(style.image)).toContain(text);
  await page.getByTestId('view-tab-comparison').click();
  await expect(page.getByTestId('view-tab-comparison')).toHaveAttribute('aria-selected', 'true');
  await chartDrawn(page, 'comparison-chart');
  await screenshot(page, 'access-watermark');
  await page.emulateMedia({ media: 'print' });
  await expect(mark).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.getByTestId('view-tab-trend').click();
  await chartDrawn(page, 'trend-chart');
  const menu = page.getByTestId('trend-export');
  if (!(await menu.evaluate((el) => (el as HTMLDetailsElement).open))) await menu.locator('summary').click();
  const marked = await download(page, 'trend-export-png');
  expect(marked.bytes.equals(plain.bytes)).toBe(false);
  const svg = (await download(page, 'trend-export-svg')).bytes.toString('utf8');
  expect(svg.split(text.replace(/ {2}/g, '  ')).length - 1).toBeGreaterThan(4);

  // The setting is kept: a reload still shows it.
  await page.reload();
  await expect(page.getByTestId('watermark')).toHaveAttribute('data-text', text);
  await chartDrawn(page, 'trend-chart');
  const saved = (await download(page, 'page-export-html')).bytes.toString('utf8');
  const css = /<style>([^<]*)<\/style>/.exec(saved)?.[1] ?? '';
  expect(css).toContain('body::after');
  expect(decodeURIComponent(css)).toContain(text);
  // The saved page draws it: its CSP allows the data: image.
  await page.setContent(saved);
  const after = await page.evaluate(() => getComputedStyle(document.body, '::after').backgroundImage);
  expect(after.startsWith('url("data:image/svg+xml')).toBe(true);
});

test('one Excel for the page: a sheet per panel with its title, unit and period, numbers typed', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('view-tab-overview').click();
  await chartDrawn(page, 'trend-chart');
  const { bytes } = await download(page, 'page-export-xlsx');
  await expect(page.getByTestId('page-export-status')).toContainText('3');
  const book = XLSX.read(bytes, { type: 'buffer' });
  expect(book.SheetNames).toHaveLength(3);
  const trendHeading = (await page.getByTestId('trend').locator('h2').textContent())!.trim();
  expect(book.SheetNames.some((n) => trendHeading.startsWith(n))).toBe(true);
  for (const name of book.SheetNames) {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name], { header: 1, blankrows: true });
    expect(String(rows[0]?.[0])).not.toBe('');
    const labels = rows.slice(1, 6).map((r) => r?.[0]);
    expect(labels).toEqual(expect.arrayContaining(['单位', '时期', '导出日期']));
    // A value column of numbers, typed as numbers.
    const header = rows.findIndex((r) => Array.isArray(r) && r.includes('数值'));
    expect(header).toBeGreaterThan(3);
    const col = (rows[header] as unknown[]).indexOf('数值');
    const cell = book.Sheets[name][XLSX.utils.encode_cell({ r: header + 1, c: col })];
    expect(cell?.t).toBe('n');
  }
});
