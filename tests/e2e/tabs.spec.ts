/**
 * Two tabs of the app on one database: what one writes shows up in the other without a reload,
 * and a newer database version opened elsewhere makes both ask for a reload without losing a
 * write that was under way.
 */
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartDrawn, fixture, importFile, openFresh, DB_NAME, readRawDatasetsIn, type RawDataset } from './helpers';


/** Every dataset record in the raw database (a page of its own, not the app's): name, status, counts. */
async function rawDatasets(context: BrowserContext): Promise<Omit<RawDataset, 'id'>[]> {
  return (await readRawDatasetsIn(context)).map(({ name, status, rowCount, values }) => ({ name, status, rowCount, values }));
}

/** Open the same database with a higher version, as a newer build of the app would. */
async function openNewerVersion(page: Page): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const probe = indexedDB.open(name);
        probe.onsuccess = () => {
          const next = probe.result.version + 10;
          probe.result.close();
          const req = indexedDB.open(name, next);
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            req.result.close();
            resolve(next);
          };
        };
      }),
    DB_NAME,
  );
}

test('an import in one tab shows up in the other without a reload', async ({ context }) => {
  const first = await context.newPage();
  await openFresh(first);
  const second = await context.newPage();
  await second.goto('/');
  await chartDrawn(second, 'trend-chart');
  await second.getByTestId('nav-datasets').click();
  await expect(second.getByTestId('dataset-card').filter({ hasText: 'utf8-bom-long-codes.csv' })).toHaveCount(0);

  await first.bringToFront();
  await importFile(first, fixture('utf8-bom-long-codes.csv'));
  await first.getByTestId('import-confirm').click();
  await expect(first.getByTestId('import-done')).toBeVisible();

  const card = second.getByTestId('dataset-card').filter({ hasText: 'utf8-bom-long-codes.csv' });
  await expect(card.getByTestId('dataset-rows')).toHaveText('8');
  // The other tab's dashboard has the new indicator and its values too.
  await second.getByTestId('nav-dashboard').click();
  await second.getByTestId('indicator-search').fill('压采量');
  await second.getByTestId('indicator-list').getByRole('option', { name: '压采量', exact: true }).click();
  await expect(second.getByTestId('observation-table')).toContainText('1.14亿立方米');

  // And a delete in the second tab reaches the first.
  await second.getByTestId('nav-datasets').click();
  await card.getByTestId('delete').click();
  await first.getByTestId('import-done').getByRole('button', { name: '关闭', exact: true }).click();
  await first.getByTestId('nav-datasets').click();
  await expect(first.getByTestId('deleted-list')).toContainText('utf8-bom-long-codes');
});

test('a view saved in another tab reads no values again here: the next switch is the only read', async ({ context }) => {
  const AREA = '保护性耕作面积';
  const STRAW = '秸秆还田率';
  const first = await context.newPage();
  await openFresh(first, `/?view=kpi&ind=${encodeURIComponent(AREA)}`);
  await chartDrawn(first, 'trend-chart');
  const since = await first.evaluate(() => performance.now());

  const second = await context.newPage();
  await second.goto(`/?view=kpi&ind=${encodeURIComponent(AREA)}`);
  await chartDrawn(second, 'trend-chart');
  await second.getByTestId('save-view').click();
  await second.getByTestId('save-view-name').fill('面积趋势');
  await second.getByTestId('save-view-submit').click();
  await expect(second.getByTestId('save-view-done')).toContainText('面积趋势');

  // The first tab has taken the change in…
  const refreshes = () =>
    first.evaluate(
      (t) => performance.getEntriesByName('workspace:refresh').filter((m) => m.startTime >= t).map((m) => (m as PerformanceMark).detail.scope as string),
      since,
    );
  await expect.poll(refreshes).toContain('views');
  // …and read no values for it: the switch after it is the only read.
  await first.bringToFront();
  await first.getByTestId('indicator-search').fill(STRAW);
  await first.getByTestId('indicator-list').getByRole('option', { name: STRAW, exact: true }).click();
  await expect(first.getByTestId('trend')).toContainText(`${STRAW}：趋势`);
  const loads = await first.evaluate(
    (t) => performance.getEntriesByName('view:load').filter((m) => m.startTime >= t).map((m) => (m as PerformanceMeasure).detail.indicator as string),
    since,
  );
  expect(loads).toEqual([STRAW]);
});

test('a newer database version in another tab asks for a reload and loses no write', async ({ context }) => {
  test.setTimeout(120_000);
  const lines = ['地区,指标,时期,数值,单位'];
  for (let i = 0; i < 60_000; i++) lines.push(`多页区${i},多页指标${i % 5},${2000 + (i % 20)},${i / 10},万亩`);
  const file = join(mkdtempSync(join(tmpdir(), 'tabs-')), 'tabs.csv');
  writeFileSync(file, lines.join('\n'));

  const writer = await context.newPage();
  await openFresh(writer);
  const newer = await context.newPage();
  await newer.route('**/raw-inspect', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>raw</title>' }));
  await newer.goto('/raw-inspect');

  // The writer tab is saving an import when a newer version of the database is opened.
  await writer.bringToFront();
  await writer.getByTestId('file-input').setInputFiles(file);
  await expect(writer.getByTestId('import-confirm')).toBeVisible({ timeout: 60_000 });
  await writer.getByTestId('import-confirm').click();
  await expect(writer.getByTestId('import-progress')).toContainText('正在保存到本机');
  // Values are going in: the write's transaction is open. Before it is (the blocks still coming
  // from the worker), a newer version closes the connection first and the save is refused with a
  // message instead; on a slow machine the test met that case.
  await expect(writer.getByTestId('import-progress')).toContainText(/已处理 [1-9]\d* \/ 60000 行/);
  await openNewerVersion(newer);

  await expect(writer.getByTestId('outdated')).toBeVisible();
  await expect(writer.getByTestId('outdated')).toContainText('刷新');
  // The write under way finished: the tab says so, and every value is on disk.
  await expect(writer.getByTestId('import-done')).toContainText('60000', { timeout: 30_000 });
  const stored = (await rawDatasets(context)).find((d) => d.name === 'tabs');
  expect(stored).toEqual({ name: 'tabs', status: 'complete', rowCount: 60_000, values: 60_000 });

  // A later write in the outdated tab is refused with a message, not silently dropped.
  await writer.getByTestId('import-done').getByRole('button', { name: '关闭', exact: true }).click();
  await writer.getByTestId('nav-datasets').click();
  const sample = '示例数据：多年分地区指标（非真实统计）';
  await writer.getByTestId('dataset-card').filter({ hasText: sample }).getByTestId('delete').click();
  await expect(writer.getByTestId('data-failure')).toContainText('另一个标签页中更新');
  expect((await rawDatasets(context)).find((d) => d.name === sample)?.status).toBe('complete');

  // Reopened by this (older) build, the upgraded database is left alone and the banner stays.
  await writer.reload();
  await expect(writer.getByTestId('outdated')).toBeVisible();
  expect((await rawDatasets(context)).find((d) => d.name === 'tabs')).toEqual(stored);
});
