/**
 * Calculated indicators (计算指标, issue 25): 人均 defined in the app from two imported files (GDP in
 * 万元, 常住人口 in 万人, as offices keep them), listed and marked 计算, drawn in 万元/人 with its
 * definition under the chart, kept as a saved view, and the same after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartDrawn, importAndShow, openFresh, screenshot } from './helpers';

const NAME = '人均地区生产总值';
const DEFINITION = '计算指标：地区生产总值 ÷ 常住人口（万元/人）';

/** Two small files in a folder of the test's own. */
function files(): { gdp: string; population: string } {
  const dir = mkdtempSync(join(tmpdir(), 'derived-'));
  const gdp = join(dir, '地区生产总值.csv');
  const population = join(dir, '常住人口.csv');
  const header = '地区,区划代码,指标,时期,数值,单位\n';
  writeFileSync(
    gdp,
    header +
      ['道里区,230102,地区生产总值,2022,2000000,万元', '道里区,230102,地区生产总值,2023,2200000,万元', '南岗区,230103,地区生产总值,2022,3000000,万元', '南岗区,230103,地区生产总值,2023,3300000,万元'].join('\n'),
  );
  writeFileSync(
    population,
    header + ['道里区,230102,常住人口,2022,100,万人', '道里区,230102,常住人口,2023,110,万人', '南岗区,230103,常住人口,2022,120,万人'].join('\n'),
  );
  return { gdp, population };
}

/** What the printed drawing of the trend says (its SVG's text), under print emulation. */
async function printedTrend(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const svg = page.getByTestId('trend-print').locator('svg');
  await expect(svg).toBeAttached();
  const texts = await svg.locator('text').allTextContents();
  await page.emulateMedia({ media: 'screen' });
  return texts;
}

test('人均 from two files: defined by choosing, drawn in 万元/人 with its definition, saved, and the same after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await openFresh(page);
  const { gdp, population } = files();
  await importAndShow(page, gdp);
  await importAndShow(page, population);

  // Defined by choosing indicators and an operation: its unit is said before saving.
  await page.getByTestId('derived-open').click();
  const dialog = page.getByTestId('derived-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('derived-name').fill(NAME);
  await dialog.getByTestId('derived-operation').selectOption('per-capita');
  await dialog.getByTestId('derived-input').selectOption('地区生产总值');
  await dialog.getByTestId('derived-other').selectOption('常住人口');
  await expect(dialog.getByTestId('derived-unit')).toHaveText('单位：万元/人');
  await dialog.getByTestId('derived-save').click();
  // 3 values: 南岗区 2023 has no population, which is said, not guessed.
  await expect(dialog.getByTestId('derived-result')).toContainText('计算得到 3 个数值。');
  await expect(dialog.getByTestId('derived-result')).toContainText('南岗区 2023年 没有“常住人口”的数值，该处空缺');
  await expect(dialog.getByTestId('derived-list')).toContainText(NAME);
  await screenshot(page, 'derived-dialog');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();

  // Listed and marked 计算; opened like any indicator.
  const option = page.getByTestId('indicator-list').getByRole('option', { name: new RegExp(`^${NAME}`) });
  await expect(option).toContainText('计算');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('view-tab-trend').click();
  await chartDrawn(page, 'trend-chart');
  // 2,000,000万元 ÷ 100万人 = 2万元/人.
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('aria-label', /2万元\/人/);
  const printed = await printedTrend(page);
  expect(printed).toContain('万元/人');
  expect(printed.join('')).toContain(DEFINITION);
  await screenshot(page, 'derived-trend');

  // Saved as a view, then reloaded: the same indicator, values and definition.
  await page.getByTestId('save-view').click();
  await page.getByTestId('save-view-name').fill('人均趋势');
  await page.getByTestId('save-view-submit').click();
  await expect(page.getByTestId('save-view-done')).toBeVisible();
  const label = await page.getByTestId('trend-chart').getAttribute('aria-label');
  await page.reload();
  await chartDrawn(page, 'trend-chart');
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('aria-label', label!);
  expect((await printedTrend(page)).join('')).toContain(DEFINITION);
  const saved = await page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('indicator-dashboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('settings').objectStore('settings').get('derivedIndicators');
          read.onsuccess = () => resolve(read.result?.value);
          read.onerror = () => reject(read.error);
        };
      }),
  );
  // Stored as a definition, not as values.
  expect(saved).toEqual([{ name: NAME, operation: 'per-capita', input: '地区生产总值', other: '常住人口' }]);
});
