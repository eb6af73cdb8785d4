import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartDrawn, fixture, importFile, openFresh, readRawDatasetsIn, screenshot, showImported } from './helpers';

test('a long CSV imported through the file input shows in the chart and the table, and survives a reload', async ({
  page,
}) => {
  await openFresh(page);
  await importFile(page, fixture('utf8-bom-long-codes.csv'));
  await expect(page.getByTestId('decoded-preview')).toContainText('沧州市');
  await screenshot(page, 'import-wizard-1920');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await showImported(page);

  await page.getByTestId('indicator-search').fill('压采量');
  await page.getByTestId('indicator-list').getByRole('option', { name: '压采量', exact: true }).click();
  await chartDrawn(page, 'trend-chart');
  const table = page.getByTestId('observation-table');
  await expect(table).toContainText('1.14亿立方米');
  await expect(table).toContainText('130900');

  await page.reload();
  await chartDrawn(page, 'trend-chart');
  await expect(page.getByTestId('observation-table')).toContainText('1.14亿立方米');
  await expect(page.getByTestId('dataset-filter')).toContainText('utf8-bom-long-codes');
});

test('a CSV with one bad value imports the good rows and names the bad row', async ({ page }) => {
  await openFresh(page);
  await importFile(page, fixture('bad-value.csv'));
  const issues = page.getByTestId('issue-list');
  await expect(issues.locator('li[data-row="5"]')).toContainText('abc');
  await expect(issues).toContainText('第 5 行');
  await expect(page.getByTestId('import-summary')).toContainText('3 条记录');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('3 条记录');
  await showImported(page);
  await page.getByTestId('indicator-search').fill('问责');
  // The bad value was not stored as 0: the indicator has no rows at all.
  await expect(page.getByTestId('indicator-list').getByRole('option', { name: '问责', exact: true })).toHaveCount(0);

  // The dataset keeps its issues, readable and downloadable after the import.
  await page.getByTestId('nav-datasets').click();
  const card = page.getByTestId('dataset-card').filter({ hasText: 'bad-value.csv' });
  await card.getByTestId('dataset-issues').locator('summary').click();
  await expect(card.getByTestId('dataset-issues')).toContainText('第 5 行');
  const download = page.waitForEvent('download');
  await card.getByTestId('download-issues').click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('abc');
});

test('a file dropped on the window opens the import wizard', async ({ page }) => {
  await openFresh(page);
  const bytes = [...readFileSync(fixture('utf8-bom-long-codes.csv'))];
  await page.evaluate((data) => {
    const file = new File([new Uint8Array(data)], 'dropped.csv', { type: 'text/csv' });
    const dt = new DataTransfer();
    dt.items.add(file);
    for (const type of ['dragenter', 'dragover', 'drop']) {
      window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, bytes);
  await expect(page.getByTestId('import-wizard')).toContainText('dropped.csv');
  await expect(page.getByTestId('import-confirm')).toBeEnabled();
});

test('an import says which of its region names join regions already known, and the views show them as one', async ({ page }) => {
  await openFresh(page);
  const file = join(mkdtempSync(join(tmpdir(), 'joined-')), '南岗区补充.csv');
  writeFileSync(file, '地区,区划代码,指标,时期,数值,单位\n哈尔滨市南岗区,230103,保护性耕作面积,2025,0.9,万亩\n');
  await importFile(page, file);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-joined')).toContainText('1 个地区名与已有地区视为同一地区');
  await expect(page.getByTestId('import-joined')).toContainText('哈尔滨市南岗区 → 显示为 南岗区');
  await screenshot(page, 'import-joined-1920');
  await showImported(page);
  await page.getByTestId('view-tab-ranking').click();
  await page.getByTestId('period-select').selectOption('2025');
  const ranking = page.getByTestId('ranking-table');
  await expect(ranking.locator('tr[data-region="南岗区"]').getByTestId('value')).toHaveText('0.9万亩');
  await expect(ranking.locator('tr[data-region="哈尔滨市南岗区"]')).toHaveCount(0);
});

test('the import dialog takes the focus, and Escape closes it with nothing stored', async ({ page }) => {
  await openFresh(page);
  const before = (await readRawDatasetsIn(page.context())).length;
  await importFile(page, fixture('utf8-bom-long-codes.csv'));
  await expect(page.getByTestId('import-wizard')).toBeFocused();
  // Tab stays in the dialog: the page behind it is inert.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveCount(1);
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="import-wizard"]') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-wizard')).toBeHidden();
  expect((await readRawDatasetsIn(page.context())).length).toBe(before);
});

test('a GBK wide CSV goes through the wizard with one mapping corrected by hand and shows in the charts', async ({
  page,
}) => {
  await openFresh(page);
  await importFile(page, fixture('gbk-wide-title-notes.csv'));
  const wizard = page.getByTestId('import-wizard');
  await expect(page.getByTestId('opt-encoding')).toHaveValue('gb18030');
  await expect(page.getByTestId('decoded-preview')).toContainText('哈尔滨市道里区黑土地保护主要指标');
  await expect(wizard).toContainText('填表人：区农业农村局');
  await expect(page.getByTestId('import-summary')).toContainText('11 条记录');

  // The analyst decides the 2021 column is provisional and leaves it out.
  await wizard.locator('select[data-column="2021年"]').selectOption('ignore');
  await expect(page.getByTestId('import-summary')).toContainText('9 条记录');
  await screenshot(page, 'import-wizard-gbk-1920');
  // The dialog is modal: the dashboard behind it takes no focus (so no change) until it closes.
  const datasetFilter = page.getByTestId('dataset-filter');
  await datasetFilter.focus();
  await expect(datasetFilter).not.toBeFocused();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('9 条记录');
  await showImported(page);

  // The user's own file is drawn by default: the sample's illustrative 道里区 (5.01万亩 in 2022)
  // is not mixed in, so nothing disagrees (conflicts between a user's files: defects-data.spec.ts).
  await page.getByTestId('indicator-list').getByRole('option', { name: '保护性耕作面积', exact: true }).click();
  const conflicts = page.getByTestId('conflicts');
  await expect(page.getByTestId('observation-table')).toContainText('5.30万亩');
  await expect(page.getByTestId('observation-table')).not.toContainText('5.01万亩');
  await expect(conflicts).toHaveCount(0);
  await screenshot(page, 'import-conflicts-1920');
  await datasetFilter.selectOption({ label: 'gbk-wide-title-notes' });
  await expect(datasetFilter.locator('option:checked')).toHaveText('gbk-wide-title-notes');
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('aria-label', /6\.04万亩/);
  const table = page.getByTestId('observation-table');
  await expect(table).toContainText('6.04万亩');
  await expect(table).not.toContainText('2021年');
});

test('an Excel-style .xlsx is read by our own reader in the worker: preview, records, sheet choice', async ({ page }) => {
  await openFresh(page);
  await importFile(page, fixture('xlsx-excel-shared-strings.xlsx'));
  const preview = page.getByTestId('decoded-preview');
  await expect(preview).toContainText('沧州市地下水压采情况');
  await expect(preview).toContainText('压采量（亿立方米）');
  await expect(page.getByTestId('record-preview')).toContainText('2024年1月');
  await expect(page.getByTestId('import-summary')).toContainText('4 条记录');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('4 条记录');

  // A workbook of two sheets: the second is read when chosen.
  await importFile(page, fixture('xlsx-merged-title.xlsx'));
  await expect(page.getByTestId('decoded-preview')).toContainText('道里区黑土地保护利用情况');
  await page.getByTestId('opt-sheet').selectOption('说明');
  await expect(page.getByTestId('decoded-preview')).toContainText('2024年为截至8月数据');
});

test('text pasted from a spreadsheet goes through the same worker import', async ({ page }) => {
  await openFresh(page);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '地区\t指标\t2024年\n道里区\t保护性耕作面积（万亩）\t6.04\n');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('decoded-preview')).toContainText('道里区');
  await expect(page.getByTestId('import-summary')).toContainText('1 条记录');
});
