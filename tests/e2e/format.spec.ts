/**
 * A view's number format on the tabs that had none (issue 25): set on the ranking and on the
 * overview with their 数字格式 menu, seen on the dashboard and the same in the page saved as a file
 * (opened offline); a calculated indicator's definition and the filtered row are the saved page's too.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { importAndShow, offlineView, openFresh, screenshot } from './helpers';

/** The page saved as a file (整页存为独立网页), opened offline in a fresh browser. */
async function savedPage(page: Page, browser: Browser, name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'format-'));
  const opened = await offlineView(browser, { width: 1920, height: 1080 });
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('page-export-html').click()]);
  const path = join(dir, `${name}.html`);
  copyFileSync(await file.path(), path);
  await opened.view.goto(pathToFileURL(path).href);
  return opened;
}

/** Set the tab's number format through its menu. */
async function setFormat(page: Page, testid: string, decimals: string, scale: string): Promise<void> {
  await page.getByTestId(`${testid}-format`).locator('summary').click();
  await page.getByTestId(`${testid}-format-decimals`).selectOption(decimals);
  await page.getByTestId(`${testid}-format-scale`).selectOption(scale);
  await page.keyboard.press('Escape');
}

test('the ranking’s number format is the dashboard’s and the saved page’s', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await openFresh(page);
  await page.getByTestId('view-tab-ranking').click();
  const values = page.getByTestId('ranking-table').getByTestId('value');
  await expect(values.first()).toBeVisible();
  const before = await values.allTextContents();

  // Two decimals, whole numbers in the base unit: no 万 any more, and every value says .dd.
  await setFormat(page, 'ranking', '2', 'none');
  await expect(values.first()).not.toHaveText(before[0]!);
  await expect(values.first()).toHaveText(/^[\d,]+\.\d{2}\D/);
  const formatted = await values.allTextContents();
  expect(formatted).toHaveLength(before.length);
  expect(formatted.every((v) => /^-?[\d,]+\.\d{2}\D/.test(v) && !v.includes('万'))).toBe(true);
  expect(new URL(page.url()).searchParams.get('dec')).toBe('2');
  await screenshot(page, 'format-ranking');

  const { view, errors, close } = await savedPage(page, browser, 'ranking');
  const rows = view.getByTestId('standalone-rank-row');
  await expect(rows).toHaveCount(formatted.length, { timeout: 20_000 });
  const savedValues = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[2]?.textContent ?? ''));
  expect(savedValues).toEqual(formatted);
  expect(errors).toEqual([]);
  await close();
});

test('the overview’s number format is its cards’ on the dashboard and in the saved page', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await openFresh(page);
  const values = page.getByTestId('kpi-value');
  await expect(values.first()).toBeVisible();
  const count = await values.count();
  await setFormat(page, 'overview', '3', 'none');
  await expect(values.first()).toHaveText(/^-?[\d,]+\.\d{3}\D/);
  await expect(values).toHaveCount(count);
  const formatted = await values.allTextContents();
  expect(formatted.every((v) => /^-?[\d,]+\.\d{3}\D/.test(v))).toBe(true);
  await screenshot(page, 'format-overview');

  const { view, errors, close } = await savedPage(page, browser, 'overview');
  const saved = view.getByTestId('standalone-kpi-value');
  await expect(saved).toHaveCount(count, { timeout: 20_000 });
  expect(await saved.allTextContents()).toEqual(formatted);
  expect(errors).toEqual([]);
  await close();
});

test('a calculated indicator’s definition is on its KPI cards and ranking, in the saved page, and follows a language switch', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openFresh(page);
  const dir = mkdtempSync(join(tmpdir(), 'format-derived-'));
  const header = '地区,区划代码,指标,时期,数值,单位\n';
  const gdp = join(dir, '地区生产总值.csv');
  const population = join(dir, '常住人口.csv');
  writeFileSync(gdp, header + ['道里区,230102,地区生产总值,2023,2200000,万元', '南岗区,230103,地区生产总值,2023,3300000,万元'].join('\n'));
  writeFileSync(population, header + ['道里区,230102,常住人口,2023,110,万人', '南岗区,230103,常住人口,2023,120,万人'].join('\n'));
  await importAndShow(page, gdp);
  await importAndShow(page, population);
  await page.getByTestId('derived-open').click();
  const dialog = page.getByTestId('derived-dialog');
  await dialog.getByTestId('derived-name').fill('人均地区生产总值');
  await dialog.getByTestId('derived-operation').selectOption('per-capita');
  await dialog.getByTestId('derived-input').selectOption('地区生产总值');
  await dialog.getByTestId('derived-other').selectOption('常住人口');
  await dialog.getByTestId('derived-save').click();
  await expect(dialog.getByTestId('derived-result')).toContainText('计算得到 2 个数值。');
  await dialog.getByRole('button', { name: '关闭' }).click();

  const definition = '计算指标：地区生产总值 ÷ 常住人口（万元/人）';
  await page.getByTestId('view-tab-overview').click();
  await expect(page.getByTestId('kpi-definition')).toHaveText(definition);
  await page.getByTestId('view-tab-ranking').click();
  await expect(page.getByTestId('ranking-definition')).toHaveText(definition);

  const { view, errors, close } = await savedPage(page, browser, 'derived-ranking');
  await expect(view.getByTestId('standalone-ranking-definition')).toHaveText(definition, { timeout: 20_000 });
  expect(errors).toEqual([]);
  await close();

  // A switch of language rewords it at once, no reload.
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('ranking-definition')).toHaveText('Calculated: 地区生产总值 ÷ 常住人口 (万元/人)');
  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByTestId('ranking-definition')).toHaveText(definition);
});
