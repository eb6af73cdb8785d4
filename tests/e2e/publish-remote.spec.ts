import { test, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDataset, type MadeDataset } from '../publish/make-dataset';
import { dataBytes, duckRanking, rankingValues, remoteAddress, serveAppAndData } from '../publish/remote-app';
import type { Nginx } from '../publish/nginx';
import { screenshot } from './helpers';

/**
 * A remote Parquet dataset in the app (small here; ten million values in the benchmark):
 * written by DuckDB, served by nginx beside the app, opened by address, charted in place.
 */
test.describe('a remote Parquet dataset, read in place by the app', () => {
  let made: MadeDataset;
  let server: Nginx;
  test.beforeAll(async () => {
    made = await makeDataset(mkdtempSync(join(tmpdir(), 'remote-e2e-')), { indicators: 6, regions: 300, months: 24 });
    // The same values as one file, as a data platform exports a table.
    await made.con.run(`COPY (SELECT * FROM ${made.table} ORDER BY 指标, 地区, 时期) TO '${join(made.dir, 'all.parquet')}' (FORMAT parquet, ROW_GROUP_SIZE 2000)`);
    server = await serveAppAndData(process.env.E2E_DIST ?? 'dist', made);
  });
  test.afterAll(async () => {
    await server?.stop();
    made?.con.closeSync();
  });

  test("the ranking's values equal DuckDB's GROUP BY, reading one indicator's file only, and nothing goes into IndexedDB", async ({ page }) => {
    test.setTimeout(120_000);
    server.resetLog();
    await page.goto(remoteAddress(server, { kind: 'ranking', indicator: '指标02', period: '2020-06' }));
    const shown = await rankingValues(page);
    const duck = await duckRanking(made, '指标02', '2020-06');
    expect(shown).toHaveLength(300);
    expect(shown.map(([r]) => r)).toEqual(duck.map(([r]) => r));
    for (let i = 0; i < shown.length; i++) expect(shown[i][1]).toBeCloseTo(duck[i][1], 2);
    await screenshot(page, 'publish-remote-ranking-1920');
    // One indicator's file of six, never a whole copy.
    const files = new Set(server.requests().filter((l) => l.includes('/data/') && l.includes('.parquet')).map((l) => l.split(' ')[1]));
    expect([...files]).toEqual(['/data/data/ind-02.parquet']);
    expect(dataBytes(server)).toBeLessThan(made.bytes / 3);
    // The values were never stored: the app's database holds no blocks of the remote dataset.
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const req = indexedDB.open('indicator-dashboard');
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('datasets', 'readonly');
            const all = tx.objectStore('datasets').getAll();
            all.onsuccess = () => resolve((all.result as { format: string }[]).filter((d) => d.format === 'parquet').length);
          };
        }),
    );
    expect(stored).toBe(0);
  });

  test('one Parquet file by address: its columns as an import reads them, corrected, kept; its ranking equals DuckDB’s', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(server.url);
    await expect(page.getByTestId('trend-chart')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('nav-datasets').click();
    await page.getByTestId('remote-address').fill(`${server.url}data/all.parquet`);
    await page.getByTestId('remote-open').click();
    const preview = page.getByTestId('remote-preview');
    await expect(preview).toBeVisible({ timeout: 30_000 });
    const roles = preview.getByTestId('remote-role');
    await expect(roles).toHaveCount(6);
    expect(await roles.evaluateAll((s) => s.map((e) => (e as HTMLSelectElement).value))).toEqual(['indicator', 'region', 'regionCode', 'period', 'value', 'unit']);
    // A correction: without a region column it cannot open, and says which role is missing.
    await roles.nth(1).selectOption('ignore');
    await expect(page.getByTestId('remote-confirm')).toBeDisabled();
    await roles.nth(1).selectOption('region');
    await page.getByTestId('remote-confirm').click();
    await expect(page.getByTestId('remote-message')).toContainText('已打开', { timeout: 60_000 });
    // Kept: after a reload the address opens again with its mapping.
    await page.goto(`${server.url}?view=ranking&ind=${encodeURIComponent('指标05')}&p=2020-06`);
    // The kept file opens once the store is open: the ranking is the sample's until it has.
    await expect(page.getByTestId('ranking-table').locator('tbody tr')).toHaveCount(300, { timeout: 60_000 });
    const shown = await rankingValues(page);
    const duck = await duckRanking(made, '指标05', '2020-06');
    expect(shown.map(([r]) => r)).toEqual(duck.map(([r]) => r));
    for (let i = 0; i < shown.length; i++) expect(shown[i][1]).toBeCloseTo(duck[i][1], 2);
  });
});
