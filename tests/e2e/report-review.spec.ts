/**
 * Issue 24 in the browser: a Word report chosen in the main import opens on the report page, its
 * figures are reviewed (one indicator renamed, all accepted), stored as a dataset and shown in
 * the charts with their sentence; the same report's PDF read in the browser gives the same
 * figures, and storing it again offers replace or keep both; a scan says it has no text.
 */
import { expect, test, type Page } from '@playwright/test';
import { chartDrawn, fixture, openFresh, screenshot } from './helpers';
import { scannedPdfSource } from '../fixtures/scanned-pdf';

// Each test loads the sample, reads a report in a worker (pdf.js parses the embedded CJK font) and
// stores a dataset: 20–55 s measured on the shared two-core machine, near the default 60 s.
test.describe.configure({ timeout: 150_000 });

const DOCX = fixture('reports/daoli-000.docx');
const PDF = fixture('reports/daoli-000.pdf');
/** The first figure of report 000, in its sentence. */
const FIRST_SENTENCE = '细化分解12项整改任务';

/** The review table once the report has been read. */
async function reviewed(page: Page) {
  const table = page.getByTestId('review-table');
  await expect(table).toBeVisible({ timeout: 45_000 });
  return table;
}

/**
 * The indicator, region, period (its key: Chromium's PDF writes 2023―2024年度 with U+2015 where the
 * .docx has U+2014, and the label keeps what was written) and value of every row, to compare two
 * readings of one report.
 */
async function rowsOf(page: Page): Promise<string[]> {
  return page.getByTestId('review-row').evaluateAll((rows) =>
    rows.map((r) => {
      const input = (f: string) => r.querySelector(`[data-field="${f}"]`) as HTMLInputElement;
      const field = (f: string) => input(f).value;
      return [field('indicator'), field('region'), input('period').dataset.period, (r.querySelector('.value') as HTMLElement).innerText.trim(), field('unit'), field('kind')].join('|');
    }),
  );
}

test('a .docx from the main import: review, correct an indicator, accept, see the values in the charts with their sentence', async ({ page }) => {
  await openFresh(page);
  // The top bar's import takes a Word report to the report page, not the table wizard.
  await page.getByTestId('file-input').setInputFiles(DOCX);
  await expect(page.getByTestId('report-page')).toBeVisible({ timeout: 30_000 });
  const table = await reviewed(page);
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);
  const rows = page.getByTestId('review-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(20);

  // Each figure is marked in its sentence, as text.
  const first = rows.first();
  await expect(first.locator('.sentence')).toContainText(FIRST_SENTENCE);
  await expect(first.locator('.sentence mark')).toHaveText('12项');
  await expect(first.locator('[data-field="region"]')).toHaveValue('哈尔滨市道里区');
  // The document pane beside it shows the whole text; choosing the figure marks its sentence there.
  await first.getByRole('button', { name: '在原文中显示第 1 个数字' }).click();
  await expect(page.getByTestId('report-text').locator('mark.sentence').first()).toContainText('细化分解');
  await expect(page.getByTestId('report-text').locator('[data-figure="0"]')).toHaveText('12项');
  await screenshot(page, 'report-review-1920');

  // Correct one indicator: the extractor's 整改任务 is the analysts' 整改任务数.
  const indicator = first.locator('[data-field="indicator"]');
  await expect(indicator).toHaveValue('整改任务');
  await indicator.fill('整改任务数');
  await indicator.press('Enter');
  await indicator.blur();
  await expect(indicator).toHaveValue('整改任务数');

  // Figure 3 says 整改任务 again: merged on request, it becomes a repeat of figure 1.
  const merge = page.getByTestId('merge-panel');
  await merge.locator('summary').click();
  await expect(merge).toContainText('“整改任务”与“整改任务数”（项）可能是同一指标');
  await merge.getByRole('button', { name: '合并为“整改任务数”' }).click();
  await expect(rows.nth(2).locator('[data-field="indicator"]')).toHaveValue('整改任务数');
  await expect(rows.nth(2)).toContainText('与第 1 个数字的地区、指标和时期相同');

  // Drop one, accept the rest.
  await rows.nth(1).getByRole('button', { name: '舍弃第 2 个数字' }).click();
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'dropped');
  await page.getByTestId('accept-all').click();
  await expect(first).toHaveAttribute('data-status', 'accepted');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'dropped');
  const accepted = await table.locator('[data-testid="review-row"][data-status="accepted"]').count();
  expect(accepted).toBeGreaterThanOrEqual(15);

  await page.getByTestId('report-store').click();
  const saved = page.getByTestId('report-saved');
  await expect(saved).toBeVisible({ timeout: 30_000 });
  await expect(saved).toContainText('保存为数据集');
  // The repeat is not stored twice, and the page says so.
  await expect(saved).toContainText('另有 1 个重复的数字没有保存');

  // The dashboard shows the corrected indicator's value, and the rows table its sentence.
  await saved.getByRole('button', { name: '在看板中查看' }).click();
  await chartDrawn(page, 'trend-chart');
  const obs = page.getByTestId('observation-table');
  await expect(obs).toHaveAttribute('data-indicator', '整改任务数');
  const cell = obs.locator('td.source').first();
  await expect(cell).toContainText(FIRST_SENTENCE);
  // The file and paragraph are on hover, with the report and the sentence.
  await expect(cell).toHaveAttribute('title', /daoli-000\.docx · 第\d+段/);
  await expect(obs.locator('tbody tr').first()).toContainText('12');
  await cell.scrollIntoViewIfNeeded();
  await screenshot(page, 'report-review-stored-1920');
});

test('the same report as .pdf read in the browser gives the .docx figures; storing it again offers replace or keep both', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('nav-report').click();
  await page.getByTestId('report-file-input').setInputFiles(DOCX);
  await reviewed(page);
  const fromDocx = await rowsOf(page);
  await page.getByTestId('accept-all').click();
  await page.getByTestId('report-store').click();
  await expect(page.getByTestId('report-saved')).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('report-file-input').setInputFiles(PDF);
  await expect(page.getByTestId('report-summary')).toContainText('daoli-000.pdf', { timeout: 45_000 });
  expect(await rowsOf(page)).toEqual(fromDocx);
  // A review half done is still there after a visit to another page.
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('nav-report').click();
  await expect(page.getByTestId('review-row')).toHaveCount(fromDocx.length);

  // Same title as the stored .docx: replace it or keep both.
  await page.getByTestId('accept-all').click();
  const save = page.getByTestId('report-save');
  await expect(save).toContainText('已有同一份报告的数据集');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, 'report-review-pdf-1024');
  await save.getByRole('button', { name: '替换它（旧版本可恢复）' }).click();
  await expect(page.getByTestId('report-saved')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-datasets').click();
  await expect(page.getByTestId('dataset-card').filter({ hasText: 'daoli-000' })).toHaveCount(1);
});

test('a scanned PDF says in a sentence that it has no text', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('nav-report').click();
  await page.getByTestId('report-file-input').setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from(scannedPdfSource(), 'latin1') });
  await expect(page.getByTestId('report-problem')).toContainText('“扫描件.pdf”是扫描件，没有文字层', { timeout: 45_000 });
});

test('a saved web page chosen on the report page: its markup is read as text, never run', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('nav-report').click();
  const html = '<html><head><title>乌海市整改通报</title><script>window.__pwned = 1</script></head><body><p>2023年，乌海市空气优良天数达到300天&lt;img src=x onerror="window.__pwned=1"&gt;。</p></body></html>';
  await page.getByTestId('report-file-input').setInputFiles({ name: '通报.html', mimeType: 'text/html', buffer: Buffer.from(html, 'utf8') });
  const row = page.getByTestId('review-row').first();
  await expect(row.locator('[data-field="indicator"]')).toHaveValue('空气优良天数', { timeout: 45_000 });
  await expect(row.locator('[data-field="region"]')).toHaveValue('乌海市');
  await expect(page.getByTestId('report-text')).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(page.getByTestId('report-text').locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('pasted text is read like a .txt report: its figures, region and period in the review table', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('nav-report').click();
  await expect(page.getByTestId('report-paste-read')).toBeDisabled();
  await page.getByTestId('report-paste').fill('乌海市整改进展情况\n2023年，乌海市空气优良天数达到300天，同比增加59天。');
  await page.getByTestId('report-paste-read').click();
  await expect(page.getByTestId('report-summary')).toContainText('粘贴的报告.txt', { timeout: 45_000 });
  const row = page.getByTestId('review-row').first();
  await expect(row.locator('[data-field="indicator"]')).toHaveValue('空气优良天数');
  await expect(row.locator('[data-field="region"]')).toHaveValue('乌海市');
  await expect(page.getByTestId('review-row')).toHaveCount(2);
});
