import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFresh, readRawDatasetsIn } from './helpers';

/** A long-form CSV of `rows` values, large enough that each phase lasts a moment. */
function largeCsv(rows: number): string {
  const lines = ['地区,指标,时期,数值,单位'];
  for (let i = 0; i < rows; i++) lines.push(`进度区${i % 2000},进度指标${Math.floor(i / 2000)},${2000 + (i % 25)},${(i % 997) / 10},万亩`);
  const file = join(mkdtempSync(join(tmpdir(), 'progress-')), 'progress.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** The progress bar's value (0–100), or null when there is none. */
function barValue(page: Page): Promise<number | null> {
  return page.evaluate(() => document.querySelector<HTMLProgressElement>('[data-testid="import-progress"] progress')?.value ?? null);
}

test('reading and parsing: the bar moves, and cancelling stores nothing', async ({ page, context }) => {
  test.setTimeout(180_000);
  const file = largeCsv(600_000);
  await openFresh(page);
  const before = await readRawDatasetsIn(context);
  await page.getByTestId('file-input').setInputFiles(file);
  // The bar says how much of the file was read, in megabytes, and moves while it is parsed.
  await expect(page.getByTestId('import-progress')).toContainText(/已读取 [\d.]+ \/ [\d.]+ MB/);
  await expect.poll(() => barValue(page), { timeout: 60_000 }).toBeGreaterThan(0);
  const early = await barValue(page);
  expect(early).toBeLessThan(100);
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-wizard')).toBeHidden();
  expect(await readRawDatasetsIn(context)).toEqual(before);
});

test('saving: the bar counts values written, and cancelling rolls the write back', async ({ page, context }) => {
  test.setTimeout(240_000);
  const file = largeCsv(300_000);
  await openFresh(page);
  const before = await readRawDatasetsIn(context);
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.getByTestId('import-confirm')).toBeVisible({ timeout: 180_000 });
  // Slowed down from the confirm on, so that the cancel lands while values are being written:
  // slowed only once saving was seen, a save made fast (the two-worker import) had sometimes
  // ended before the cancel.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-progress')).toContainText('正在保存到本机', { timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toContainText(/已处理 [1-9][\d,]* \/ 300000 行/, { timeout: 120_000 });
  await expect(page.getByTestId('import-cancel')).toBeVisible();
  await page.getByTestId('import-cancel').click();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page.getByTestId('import-wizard')).toBeHidden();
  await expect(page.getByTestId('import-done')).toHaveCount(0);
  // Nothing of the cancelled write is stored, now or after a reload.
  await expect.poll(() => readRawDatasetsIn(context), { timeout: 30_000 }).toEqual(before);
  await page.reload();
  expect(await readRawDatasetsIn(context)).toEqual(before);
});
