/**
 * Issue 20 (a low-end desktop): the import preview is drawn in steps, and the region-match table
 * lists its first 20 rows, with 再列出 for the rest; the matched regions' list is made when opened.
 * Drawn at once, 200 rows of choices laid out ~1,960 boxes in one frame (a task of 300+ ms with
 * the CPU throttled 4×).
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile, openFresh } from './helpers';

test('the preview lists 20 regions needing a look, 再列出 the rest; the matched list is made when opened', async ({ page }) => {
  await openFresh(page);
  const names = Array.from({ length: 25 }, (_, i) => `虚构地区${String(i + 1).padStart(2, '0')}`);
  const lines = ['地区,指标,年份,数值', ...names.map((n, i) => `${n},面积,2024,${i + 1}`), '黑龙江省哈尔滨市道里区,面积,2024,30', '黑龙江省哈尔滨市南岗区,面积,2024,31'];
  const file = join(mkdtempSync(join(tmpdir(), 'preview-steps-')), 'many-regions.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  await importFile(page, file);

  const problems = page.getByTestId('region-problems').locator('tbody tr');
  await expect(problems).toHaveCount(20);
  await expect(problems.first()).toHaveAttribute('data-region', '虚构地区01');
  await page.getByTestId('region-problems-more').click();
  await expect(problems).toHaveCount(25);
  await expect(problems.last()).toHaveAttribute('data-region', '虚构地区25');
  await expect(page.getByTestId('region-problems-more')).toHaveCount(0);

  const matched = page.getByTestId('region-matched');
  await expect(matched.locator('li')).toHaveCount(0);
  await matched.locator('summary').click();
  await expect(matched.locator('li')).toHaveCount(2);
  await expect(matched.locator('li').first()).toContainText('道里区（230102）');

  // The last step: the decoded file and the issues.
  await expect(page.getByTestId('decoded-preview')).toBeVisible();
  await expect(page.getByTestId('issue-list')).toBeVisible();
});
