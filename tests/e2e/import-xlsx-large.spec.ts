import { test, expect } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { importFile, openFresh } from './helpers';

/**
 * A workbook whose sheet is several inflated chunks long (the reader reads its cells from the
 * bytes as they inflate, a row cut by a chunk joined with its rest): the browser's own inflate
 * and the chunks' seams, end to end.
 */
test('a 12,000-row XLSX with a merged title is read as it inflates, every row a record', async ({ page }) => {
  const regions = ['道里区', '南岗区', '道外区', '香坊区'];
  const aoa: (string | number)[][] = [['哈尔滨市主要指标（2013—2024年）'], ['地区', '指标', '年份', '数值', '单位']];
  for (let i = 0; i < 12_000; i++) aoa.push([regions[i % 4], `指标${Math.floor(i / 48)}`, `${2013 + (Math.floor(i / 4) % 12)}年`, (i % 997) / 4, '万元']);
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '指标');
  const file = join(mkdtempSync(join(tmpdir(), 'xlsx-large-')), '主要指标.xlsx');
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);

  await openFresh(page);
  await importFile(page, file);
  await expect(page.getByTestId('decoded-preview')).toContainText('哈尔滨市主要指标');
  await expect(page.getByTestId('import-summary')).toContainText(/12[,，]?000 条记录/);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText(/12[,，]?000 条记录/);
});
