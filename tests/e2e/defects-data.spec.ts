/**
 * Issue 18, the data items: sample data never over a user's values, conflicts said everywhere,
 * the source sentence kept, English without Chinese separators, the indicator picker of the
 * chosen datasets, saved views with the same name, and names (not bare codes) for regions.
 */
import { test, expect, type Download, type Page } from '@playwright/test';
import { readFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { chartDrawn, chooseIndicator, fixture, importAndShow, importFile, openFresh, screenshot } from './helpers';

const own = (name: string) => join(process.cwd(), 'tests', 'e2e', 'fixtures', 'data', name);
const SAMPLE_TRENDS = '示例数据：多年分地区指标（非真实统计）';
const SEED = '五份整改报告中的指标（原文摘录）';

async function download(page: Page, testid: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { file, bytes: readFileSync(await file.path()) };
}

async function openMenu(page: Page, panel: string): Promise<void> {
  const menu = page.getByTestId(`${panel}-export`);
  if (!(await menu.evaluate((el) => (el as HTMLDetailsElement).open))) await menu.locator('summary').click();
}

test('sample data never wins over a user value; of two user files the newer wins, and the conflict is said on print, exports and saved pages', async ({
  page,
  browser,
}) => {
  await openFresh(page);
  await importAndShow(page, own('user-older.csv'));
  await chooseIndicator(page, '保护性耕作面积', { clearSearch: true });
  const table = page.getByTestId('observation-table');
  await expect(table).toContainText('4.21万亩');
  // The illustrative sample is not mixed in: its 3.46 neither drawn nor listed, and no conflict.
  await expect(table).not.toContainText('3.46万亩');
  await expect(page.getByTestId('kpi-card').filter({ hasText: '道外区' }).getByTestId('kpi-value')).toHaveText('4.21万亩');
  await expect(page.getByTestId('conflicts')).toHaveCount(0);
  await chooseIndicator(page, 'PM10平均浓度', { clearSearch: true });
  await expect(page.getByTestId('kpi-card').filter({ hasText: '乌海市' }).getByTestId('kpi-value')).toContainText('66.4');
  await screenshot(page, 'defects-data-user-over-sample-1920');
  // Chosen explicitly, the sample is there to see.
  await page.getByTestId('dataset-filter').selectOption({ label: SAMPLE_TRENDS });
  await expect(page.getByTestId('kpi-card').filter({ hasText: '乌海市' }).getByTestId('kpi-value')).toContainText('79');
  await page.getByTestId('dataset-filter').selectOption('');

  // A correction imported later wins over the older file, and the disagreement is said.
  await importAndShow(page, own('user-newer.csv'));
  await chooseIndicator(page, '保护性耕作面积', { clearSearch: true });
  await expect(page.getByTestId('kpi-card').filter({ hasText: '道外区' }).getByTestId('kpi-value')).toHaveText(/^4\.30?万亩$/);
  const conflicts = page.getByTestId('conflicts');
  await expect(conflicts.locator('summary')).toContainText('有 1 处数值在不同数据集中不一致');
  await conflicts.locator('summary').click();
  // In the indicator's own decimals, as the chart writes its values (4.30 beside 4.21).
  await expect(conflicts.getByTestId('conflict').first()).toHaveText('道外区 2024年：图表采用 4.30万亩（user-newer）；另有 4.21万亩（user-older）');
  await chartDrawn(page, 'trend-chart');
  await screenshot(page, 'defects-data-conflict-1920');

  // On paper the note is printed (the buttons are not).
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('conflicts-print');
  await expect(printed).toBeVisible();
  await expect(printed).toContainText('道外区 2024年');
  await expect(printed).toContainText('user-newer');
  await screenshot(page, 'defects-data-conflict-print');
  await page.emulateMedia({ media: 'screen' });

  // Exports: the footnote of an SVG, the rows of a CSV and an XLSX, a saved page.
  await openMenu(page, 'trend');
  const svg = (await download(page, 'trend-export-svg')).bytes.toString('utf8');
  expect(svg).toContain('不一致');
  const csv = (await download(page, 'trend-export-csv')).bytes.toString('utf8');
  expect(csv).toContain('不一致');
  expect(csv).toContain('4.21万亩（user-older）');
  const xlsx = XLSX.read((await download(page, 'trend-export-xlsx')).bytes, { type: 'buffer' });
  const cells = XLSX.utils.sheet_to_csv(xlsx.Sheets[xlsx.SheetNames[0]]);
  expect(cells).toContain('不一致');
  const html = await download(page, 'trend-export-html');
  const dir = mkdtempSync(join(tmpdir(), 'defects-data-'));
  copyFileSync(await html.file.path(), join(dir, 'chart.html'));
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const view = await context.newPage();
  await view.goto(`file://${join(dir, 'chart.html')}`);
  await expect(view.locator('[data-testid="standalone-chart"][data-drawn="1"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(view.getByTestId('standalone-note')).toContainText('不一致');
  await expect(view.getByTestId('standalone-note')).toContainText('user-older');
  await view.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', 'defects-data-saved-page-note.png') });
  await context.close();

  // A deck's printed slide of this indicator says it too.
  await page.getByTestId('save-view').click();
  await page.getByTestId('save-view-name').fill('保护性耕作（两份文件）');
  await page.getByTestId('save-view-submit').click();
  await expect(page.getByTestId('save-view-done')).toBeVisible();
  await page.getByTestId('nav-briefing').click();
  await page.getByTestId('deck-new').click();
  await page.getByTestId('view-item').filter({ hasText: '保护性耕作（两份文件）' }).getByTestId('view-add').click();
  await expect(page.getByTestId('slide-item')).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  const deckNote = page.getByTestId('deck-print-conflicts');
  await expect(deckNote).toContainText('不一致');
  await expect(deckNote).toContainText('道外区 2024年：图表采用 4.30万亩');
  await screenshot(page, 'defects-data-conflict-deck-print');
  await page.emulateMedia({ media: 'screen' });
});

test('a figure of the reports leads to its report (by title), its file, its row and its sentence', async ({ page }) => {
  await openFresh(page);
  await chooseIndicator(page, '整改任务数', { clearSearch: true });
  const cell = page.getByTestId('observation-table').locator('td.source').first();
  await expect(cell).toContainText('中共哈尔滨市道里区委');
  await expect(cell).toContainText('细化分解12项整改任务,制定整改措施37条');
  // The hashed file name is kept, for who wants to open the file, but is not what is read.
  await expect(cell).toHaveAttribute('title', /000_a9b7e2dc52ccbf64\.txt/);
  await expect(cell).not.toContainText('000_a9b7e2dc52ccbf64.txt');
  await cell.scrollIntoViewIfNeeded();
  await screenshot(page, 'defects-data-source-sentence-1920');
  // The datasets page says which columns are the provenance of each value.
  await page.getByTestId('nav-datasets').click();
  const card = page.getByTestId('dataset-card').filter({ hasText: SEED });
  await expect(card.getByTestId('dataset-provenance')).toHaveText(/报告.*来源文件.*原文/);
});

test('in English, stored import issues and list separators are English', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('language').selectOption('en');
  await importFile(page, fixture('bad-value.csv'));
  const samples = page.getByTestId('import-wizard').locator('.sample');
  expect((await samples.allTextContents()).join('')).not.toMatch(/[、；]/);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByTestId('import-show').click();
  await expect(page.getByTestId('import-wizard')).toBeHidden();
  // Imported in Chinese, read in English: the issue stored with the dataset follows the reader.
  await page.getByTestId('language').selectOption('zh');
  await page.getByTestId('nav-datasets').click();
  await page.getByTestId('language').selectOption('en');
  const card = page.getByTestId('dataset-card').filter({ hasText: 'bad-value' });
  await card.getByTestId('dataset-issues').locator('summary').click();
  await expect(card.getByTestId('issue-list').locator('li').first()).toContainText('Row');
  await expect(card.getByTestId('issue-list')).not.toContainText(/第 ?\d+ ?行|不是数字/);
  await card.getByTestId('dataset-mapping').locator('summary').click();
  await expect(card.getByTestId('dataset-mapping')).not.toContainText('；');
  await screenshot(page, 'defects-data-english-issues-1920');
});

test('the indicator picker lists what the chosen datasets hold', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('remove-sample').click();
  await expect(page.getByTestId('sample-notice')).toHaveCount(0);
  await expect(page.getByTestId('indicator-list').getByRole('option')).toHaveCount(0);
  await importAndShow(page, own('user-older.csv'));
  await expect(page.getByTestId('indicator-list').getByRole('option')).toHaveText(['PM10平均浓度', '保护性耕作面积']);
  await screenshot(page, 'defects-data-picker-after-removal-1920');
});

test('with the sample and a user file, the picker lists the user file; choosing the sample lists the sample', async ({ page }) => {
  await openFresh(page);
  await importAndShow(page, own('user-older.csv'));
  await expect(page.getByTestId('indicator-list').getByRole('option')).toHaveCount(2);
  await page.getByTestId('dataset-filter').selectOption({ label: SEED });
  await expect(page.getByTestId('indicator-list').getByRole('option', { name: '整改任务数', exact: true })).toBeVisible();
  await expect(page.getByTestId('indicator-list').getByRole('option', { name: '保护性耕作面积', exact: true })).toBeVisible();
  // Only the illustrative sample has it.
  await expect(page.getByTestId('indicator-list').getByRole('option', { name: '违法占用耕地案件数', exact: true })).toHaveCount(0);
  await page.getByTestId('dataset-filter').selectOption({ label: SAMPLE_TRENDS });
  await expect(page.getByTestId('indicator-list').getByRole('option', { name: '违法占用耕地案件数', exact: true })).toBeVisible();
  await expect(page.getByTestId('indicator-list').getByRole('option', { name: '整改任务数', exact: true })).toHaveCount(0);
});

test('saving a view under a name already used warns and offers to replace or rename', async ({ page }) => {
  await openFresh(page);
  const save = async (name: string) => {
    await page.getByTestId('save-view').click();
    await page.getByTestId('save-view-name').fill(name);
    await page.getByTestId('save-view-submit').click();
  };
  await save('道里区汇报');
  await expect(page.getByTestId('save-view-done')).toBeVisible();
  await save('道里区汇报');
  const warning = page.getByTestId('save-view-duplicate');
  await expect(warning).toContainText('道里区汇报');
  await screenshot(page, 'defects-data-duplicate-view-1920');
  await page.getByTestId('save-view-rename').click();
  await expect(page.getByTestId('save-view-done')).toContainText('道里区汇报（2）');
  await save('道里区汇报');
  await page.getByTestId('save-view-replace').click();
  await expect(page.getByTestId('save-view-done')).toContainText('道里区汇报');
  await page.getByTestId('nav-briefing').click();
  // Waits for the list: the briefing page reads the saved views after it opens.
  const items = page.getByTestId('view-item');
  await expect(items.filter({ hasText: '道里区汇报（2）' })).toHaveCount(1);
  await expect(items.filter({ hasText: /道里区汇报(?!（2）)/ })).toHaveCount(1);
});

test('region groups and unmatched map regions are named, never a bare code', async ({ page }) => {
  await openFresh(page);
  // 秸秆还田率 is given for districts of 230100 only: the group is headed by 哈尔滨市, a name some dataset gives that code.
  await chooseIndicator(page, '秸秆还田率', { clearSearch: true });
  const headings = page.getByTestId('region-list').locator('li.group');
  await expect(headings.first()).toBeVisible();
  for (const text of await headings.allTextContents()) expect(text).not.toMatch(/^\s*\d{6}/);
  await expect(headings.filter({ hasText: '哈尔滨市' })).toHaveCount(1);
  await screenshot(page, 'defects-data-region-groups-1920');
  // The 按地区 picker groups every region: 乌海市 150300 and its neighbours go under 内蒙古自治区.
  await page.getByTestId('view-tab-region').click();
  // The division table names what no dataset does; it loads after the first charts.
  const labels = () => page.getByTestId('region-focus').locator('optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label') ?? ''));
  await expect.poll(labels).toContain('内蒙古自治区');
  const optgroups = await labels();
  expect(optgroups.length).toBeGreaterThan(1);
  for (const label of optgroups) expect(label).not.toMatch(/^\s*\d{6}/);
  await page.getByTestId('region-focus').scrollIntoViewIfNeeded();
  await screenshot(page, 'defects-data-region-tab-groups-1920');
  await page.getByTestId('view-tab-overview').click();
  await chooseIndicator(page, '保护性耕作面积', { clearSearch: true });
  await page.getByTestId('boundary-input').setInputFiles(own('codes-only.geojson'));
  await chartDrawn(page, 'map-chart');
  const unmatched = page.getByTestId('unmatched-regions').locator('li');
  await expect(unmatched.first()).toBeVisible();
  for (const text of await unmatched.allTextContents()) expect(text).toMatch(/[\u4e00-\u9fff]/);
  await expect(unmatched.filter({ hasText: '道外区' })).toContainText('230104');
  await screenshot(page, 'defects-data-map-unmatched-1920');
});

test('after a user import, the sample deck still shows the sample, and a slide saved from the user data shows the user value (projector)', async ({ page }) => {
  await openFresh(page);
  await importAndShow(page, own('user-older.csv'));
  await chooseIndicator(page, 'PM10平均浓度', { clearSearch: true });
  await page.getByTestId('save-view').click();
  await page.getByTestId('save-view-name').fill('乌海PM10（本单位数据）');
  await page.getByTestId('save-view-kind').selectOption({ index: 2 });
  await page.getByTestId('save-view-submit').click();
  await expect(page.getByTestId('save-view-done')).toBeVisible();
  // The sample deck's KPI slide is of the sample: 79, as the deck was made.
  await page.goto('/?page=briefing&deck=sample-deck&slide=4&present=1');
  const stage = page.getByTestId('presenting-stage');
  await expect(stage.getByTestId('slide-counter')).toHaveText('4 / 5');
  await expect(stage.getByTestId('slide-kpi')).toContainText('79');
  await screenshot(page, 'defects-data-sample-deck-projector-1920');
  await page.keyboard.press('Escape');
  // A slide of the user's own view shows the user's value, not the sample's.
  await page.goto('/?page=briefing&deck=sample-deck');
  await page.getByTestId('view-item').filter({ hasText: '乌海PM10（本单位数据）' }).getByTestId('view-add').click();
  await page.getByTestId('deck-present').click();
  await page.keyboard.press('End');
  await expect(stage.getByTestId('slide-counter')).toHaveText('6 / 6');
  await expect(stage.getByTestId('slide-kpi')).toContainText('66.4');
  await expect(stage.getByTestId('slide-kpi')).not.toContainText('79');
  await screenshot(page, 'defects-data-user-slide-projector-1920');
});
