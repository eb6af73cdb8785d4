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
});
