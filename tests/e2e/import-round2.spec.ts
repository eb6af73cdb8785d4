import { test, expect, type Page } from '@playwright/test';
import { fixture, importFile, openFresh, readRawDatasetsIn, screenshot, showImported } from './helpers';

/** Show one indicator of the imported dataset in the dashboard. */
async function showIndicator(page: Page, dataset: string, indicator: string): Promise<void> {
  await page.getByTestId('dataset-filter').selectOption({ label: dataset });
  await page.getByTestId('indicator-search').fill(indicator);
  await page.getByTestId('indicator-list').getByRole('option', { name: indicator, exact: true }).click();
}

async function confirmAndShow(page: Page, records: number): Promise<void> {
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText(`${records} 条记录`);
  await showImported(page);
}

test('a workbook opening with 填报说明, 封面 and 目录 reads its data sheet, says why, and lets the user pick another', async ({ page }) => {
  await openFresh(page);
  await importFile(page, fixture('cover-sheet-first.xlsx'));
  const why = page.getByTestId('sheet-choice');
  await expect(page.getByTestId('opt-sheet')).toHaveValue('主要指标');
  await expect(why).toContainText('读取的是工作表“主要指标”：第一个含表格的工作表');
  await expect(why).toContainText('跳过了“填报说明”、“封面”、“目录”：其中没有表格');
  await expect(page.getByTestId('import-summary')).toContainText('2 条记录');
  await screenshot(page, 'import-round2-cover-sheet-1920');

  // The user's pick is read and said; then back to the data.
  await page.getByTestId('opt-sheet').selectOption('封面');
  await expect(why).toContainText('按您的选择读取工作表“封面”');
  await expect(page.getByTestId('import-summary')).toContainText('0 条记录');
  await page.getByTestId('opt-sheet').selectOption('主要指标');
  await expect(page.getByTestId('import-summary')).toContainText('2 条记录');

  await confirmAndShow(page, 2);
  await showIndicator(page, 'cover-sheet-first', '保护性耕作面积');
  const table = page.getByTestId('observation-table');
  await expect(table).toContainText('6.04万亩');
  await expect(table).toContainText('5.90万亩');
});

test('JSON from an open-data platform: the records in data.list are found, the path is said, and another can be chosen', async ({ page }) => {
  await openFresh(page);
  await importFile(page, fixture('json-envelope-data-list.json'));
  const path = page.getByTestId('json-path');
  await expect(path).toContainText('记录取自 JSON 中的 data.list（3 条）');
  await expect(path).toContainText('文件中有 2 处表格');
  await expect(page.getByTestId('opt-json-path')).toHaveValue('data.list');
  await expect(page.getByTestId('column-roles').locator('select[data-column="区划代码"]')).toHaveValue('regionCode');
  await screenshot(page, 'import-round2-json-1920');

  await page.getByTestId('opt-json-path').selectOption('data.regions');
  await expect(path).toContainText('data.regions（1 条）');
  await expect(page.getByTestId('column-roles')).toContainText('name');
  await page.getByTestId('opt-json-path').selectOption('data.list');
  await expect(page.getByTestId('import-summary')).toContainText('3 条记录');

  await confirmAndShow(page, 3);
  await showIndicator(page, 'json-envelope-data-list', '压采量');
  const table = page.getByTestId('observation-table');
  await expect(table).toContainText('1.14亿立方米');
  // A code written as a JSON number is stored as its digits, as text.
  await expect(table).toContainText('130900');
});

test('counts that look like years are read as values because of their headers, and the wizard says so', async ({ page }) => {
  await openFresh(page);
  await importFile(page, fixture('year-like-counts.csv'));
  const roles = page.getByTestId('column-roles');
  await expect(roles.locator('select[data-column="年份"]')).toHaveValue('period');
  for (const column of ['巡河次数', '巡河人数（人）', '整治面积（亩）']) {
    await expect(roles.locator(`select[data-column="${column}"]`)).toHaveValue('indicator-column');
  }
  await expect(roles.getByTestId('column-note')).toHaveCount(3);
  await expect(roles.getByTestId('column-note').first()).toContainText('数值像年份');
  await expect(page.getByTestId('import-summary')).toContainText('9 条记录');
  await screenshot(page, 'import-round2-year-like-1920');

  await confirmAndShow(page, 9);
  const stored = (await readRawDatasetsIn(page.context())).find((d) => d.name === 'year-like-counts');
  expect(stored?.values).toBe(9);
  await showIndicator(page, 'year-like-counts', '巡河次数');
  const table = page.getByTestId('observation-table');
  // 2016 is a count of patrols in 2022, not a period.
  await expect(table).toContainText(/2,?016/);
  await expect(table).toContainText(/1,?520/);
  await expect(table).toContainText('2022');
  await expect(table).not.toContainText('1520年');
});

test('an OpenDocument spreadsheet and a WPS-saved workbook go through the same wizard', async ({ page }) => {
  await openFresh(page);
  await importFile(page, fixture('ods-libreoffice-style.ods'));
  await expect(page.getByTestId('import-options')).toContainText('ODS');
  await expect(page.getByTestId('opt-sheet')).toHaveValue('主要指标');
  await expect(page.getByTestId('sheet-choice')).toContainText('跳过了“填报说明”');
  await confirmAndShow(page, 4);
  await showIndicator(page, 'ods-libreoffice-style', '秸秆还田率');
  await expect(page.getByTestId('observation-table')).toContainText('65.73%');

  await importFile(page, fixture('wps-quirks.xlsx'));
  await expect(page.getByTestId('decoded-preview')).toContainText('沧州市（快报）');
  await confirmAndShow(page, 4);
  await showIndicator(page, 'wps-quirks', '用水总量');
  // The shared formula's cached value, past the file's wrong <dimension ref="A1:B2">.
  await expect(page.getByTestId('observation-table')).toContainText('14.90亿立方米');
});
