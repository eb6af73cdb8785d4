/**
 * Stored data survives what happens to a browser: a backup restored in a fresh profile (replace
 * and merge), a database written by the previous schema, an import interrupted by closing the
 * tab, a full disk, and a browser with no IndexedDB at all.
 */
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartDrawn, fixture, importFile, openFresh, DB_NAME, readRawDatasets, screenshot, type RawDataset } from './helpers';


/** Each dataset card as "name | rows", in page order. */
async function datasetCards(page: Page): Promise<string[]> {
  await page.getByTestId('nav-datasets').click();
  const cards = page.getByTestId('dataset-card');
  await expect(cards.first()).toBeVisible();
  const out: string[] = [];
  for (const card of await cards.all()) {
    out.push(`${await card.getAttribute('data-name')} | ${await card.getByTestId('dataset-rows').innerText()}`);
  }
  return out;
}

/** The rows table of one indicator on the dashboard, as text. */
async function tableOf(page: Page, indicator: string): Promise<string> {
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('indicator-search').fill(indicator);
  await page.getByTestId('indicator-list').getByRole('option', { name: indicator, exact: true }).click();
  await chartDrawn(page, 'trend-chart');
  // The rows follow a switch a task after the chart: read them once they are this indicator's.
  const table = page.getByTestId('observation-table');
  await expect(table).toHaveAttribute('data-indicator', indicator);
  return table.innerText();
}

/** Import a fixture through the wizard as a new dataset and close the wizard. */
async function importNew(page: Page, name: string): Promise<void> {
  await importFile(page, fixture(name));
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  // The import's own 关闭 (the number-format menu has one too).
  await page.getByTestId('import-done').getByRole('button', { name: '关闭', exact: true }).click();
}

/** Restore a backup file from the datasets page in the given mode. */
async function restore(page: Page, file: string, mode: 'merge' | 'replace'): Promise<void> {
  await page.getByTestId('nav-datasets').click();
  if (mode === 'replace') await page.getByTestId('restore-replace').check();
  await page.getByTestId('restore-input').setInputFiles(file);
  await expect(page.getByTestId('backup-message')).toContainText('已恢复', { timeout: 30_000 });
}

/** Every dataset record in the raw database: id, status, row count and values held. */
async function rawDatasets(page: Page): Promise<Omit<RawDataset, 'name'>[]> {
  return (await readRawDatasets(page)).map(({ id, status, rowCount, values }) => ({ id, status, rowCount, values }));
}

test('a workspace backup restored in a fresh profile gives back identical datasets and values', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openFresh(page);
  await importNew(page, 'utf8-bom-long-codes.csv');
  const cards = await datasetCards(page);
  // Indicators of the imported file: with a dataset of the user's own, the sample's are not listed by default.
  const tables = [await tableOf(page, '压采量'), await tableOf(page, '用水总量')];
  expect(cards.some((c) => c.startsWith('utf8-bom-long-codes | 8'))).toBe(true);
  expect(tables[0]).toContain('1.14亿立方米');

  await page.getByTestId('nav-datasets').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const file = join(mkdtempSync(join(tmpdir(), 'backup-')), download.suggestedFilename());
  await download.saveAs(file);

  // A fresh profile: its own sample data first, replaced by the backup.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openFresh(other);
  await importNew(other, 'bad-value.csv');
  await restore(other, file, 'replace');
  await screenshot(other, 'storage-restored-1920');
  expect(await datasetCards(other)).toEqual(cards);
  expect([await tableOf(other, '压采量'), await tableOf(other, '用水总量')]).toEqual(tables);
  // And it is stored, not only shown.
  await other.reload();
  expect(await datasetCards(other)).toEqual(cards);
  await fresh.close();

  // Merge into a third profile keeps what was there and adds the rest.
  const third = await browser.newContext();
  const merged = await third.newPage();
  await openFresh(merged);
  await importNew(merged, 'bad-value.csv');
  const before = await datasetCards(merged);
  await restore(merged, file, 'merge');
  const after = await datasetCards(merged);
  expect(after).toEqual(expect.arrayContaining(before));
  expect(after).toEqual(expect.arrayContaining(cards));
  expect(after.length).toBe(before.length + cards.length);
  expect(await tableOf(merged, '压采量')).toContain('1.14亿立方米');
  await third.close();
});

test('a database written by schema version 1 opens with counts and values unchanged', async ({ page }) => {
  await page.route('**/raw-inspect', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>raw</title>' }));
  await page.goto('/raw-inspect');
  // Exactly what Dexie's version(1) wrote: IndexedDB version 10, no settings or maps stores,
  // dictionaries without per-indicator period lists.
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(name, 10);
        req.onupgradeneeded = () => {
          const db = req.result;
          db.createObjectStore('datasets', { keyPath: 'id' }).createIndex('status', 'status');
          db.createObjectStore('dictionaries', { keyPath: 'datasetId' });
          const blocks = db.createObjectStore('blocks', { keyPath: ['datasetId', 'seq'] });
          blocks.createIndex('datasetId', 'datasetId');
          blocks.createIndex('indicator', 'indicator');
          db.createObjectStore('indicators', { keyPath: 'name' });
          db.createObjectStore('regions', { keyPath: 'name' });
          db.createObjectStore('views', { keyPath: 'id' });
          db.createObjectStore('decks', { keyPath: 'id' });
        };
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['datasets', 'dictionaries', 'blocks', 'indicators'], 'readwrite');
          tx.objectStore('datasets').add({
            id: 'ds-old', name: '旧版数据库', fileName: 'old.csv', format: 'csv', encoding: 'utf-8',
            importedAt: '2025-01-01T00:00:00.000Z', rowCount: 3, issueCount: 0, notes: [], status: 'complete', version: 1,
          });
          // strings: 0 甲区, 1 2023, 2 亩, 3 2024, 4 乙区, 5 万亩
          tx.objectStore('dictionaries').add({ datasetId: 'ds-old', strings: ['甲区', '2023', '亩', '2024', '乙区', '万亩'], count: 3, nextSeq: 1 });
          tx.objectStore('blocks').add({
            datasetId: 'ds-old', seq: 0, indicator: '旧库面积', count: 3,
            pos: Uint32Array.of(0, 1, 2), region: Uint32Array.of(0, 0, 4), period: Uint32Array.of(1, 3, 3),
            unit: Uint32Array.of(2, 2, 2), value: Float64Array.of(60400, 71200, 5000),
            flags: Uint8Array.of(0, 0, 0), codes: Uint8Array.of(1, 1, 1), displayUnit: Uint32Array.of(6, 6, 6),
          });
          tx.objectStore('indicators').add({ name: '旧库面积', baseUnit: '亩', displayUnit: '万亩', polarity: 'higher', targets: [] });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DB_NAME,
  );

  await page.goto('/');
  expect(await datasetCards(page)).toEqual(['旧版数据库 | 3']);
  const table = await tableOf(page, '旧库面积');
  expect(table).toContain('6.04万亩');
  expect(table).toContain('7.12万亩');
  // In the indicator's one format: two decimals, as 6.04 has.
  expect(table).toContain('0.50万亩');
  expect(table).toContain('甲区');
  expect(table).toContain('乙区');
  // The database now carries schema version 2 and kept every value.
  expect(await rawDatasets(page)).toEqual([{ id: 'ds-old', status: 'complete', rowCount: 3, values: 3 }]);
});

test('closing the tab in the middle of a large import leaves no partial dataset', async ({ browser }) => {
  test.setTimeout(240_000);
  // 300,000 rows in long form, one value each: written in one transaction, which the close aborts.
  const lines = ['地区,指标,时期,数值,单位'];
  for (let i = 0; i < 300_000; i++) lines.push(`测试区${i % 3000},大文件指标${Math.floor(i / 3000)},${2000 + (i % 25)},${(i % 997) / 10},万亩`);
  const file = join(mkdtempSync(join(tmpdir(), 'large-')), 'large.csv');
  writeFileSync(file, lines.join('\n'));

  const context = await browser.newContext();
  const page = await context.newPage();
  await openFresh(page);
  const before = await datasetCards(page);
  const rawBefore = await rawDatasetsIn(context);
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.getByTestId('import-confirm')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('import-summary')).toContainText('300000');
  await page.getByTestId('import-confirm').click();
  // Slow the page down as soon as the write starts, so the close lands while it is running.
  await expect(page.getByTestId('import-progress')).toContainText('正在保存到本机', { timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 50 });
  await expect(page.getByTestId('import-progress')).toContainText('正在保存到本机');
  await expect(page.getByTestId('import-done')).toHaveCount(0);
  await page.close();

  // Reopened: nothing of the interrupted import is stored, the datasets are exactly as before.
  const again = await context.newPage();
  await openFresh(again);
  expect(await datasetCards(again)).toEqual(before);
  expect(await rawDatasetsIn(context)).toEqual(rawBefore);
  await context.close();
});

/** `rawDatasets` in a page of its own, so the app's page stays where it is. */
async function rawDatasetsIn(context: BrowserContext): Promise<Awaited<ReturnType<typeof rawDatasets>>> {
  const page = await context.newPage();
  const raw = await rawDatasets(page);
  await page.close();
  return raw;
}

test('a full disk gives a clear message with the sizes and keeps nothing partial', async ({ page, context }) => {
  test.setTimeout(120_000);
  const lines = ['地区,指标,时期,数值,单位'];
  for (let i = 0; i < 60_000; i++) lines.push(`配额区${i},配额指标${i % 7},${2000 + (i % 20)},${i / 10},万亩`);
  const file = join(mkdtempSync(join(tmpdir(), 'quota-')), 'quota.csv');
  writeFileSync(file, lines.join('\n'));

  // Chrome's DevTools quota override (Storage.overrideQuotaForOrigin) left estimate() and the
  // writes unchanged here, so the disk is made full the way Chrome reports it: writes of value
  // blocks fail with a QuotaExceededError once the test says so.
  await page.addInitScript(() => {
    const flag = window as unknown as { __diskFull?: boolean };
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if (flag.__diskFull && this.name === 'blocks') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
  await openFresh(page);
  const before = await datasetCards(page);
  const rawBefore = await rawDatasetsIn(context);
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.getByTestId('import-confirm')).toBeVisible({ timeout: 60_000 });
  await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = true));
  await page.getByTestId('import-confirm').click();
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('存储空间不足', { timeout: 30_000 });
  // The sizes, as numbers with units, not placeholders.
  await expect(error).toContainText(/已用 [\d.]+ [KMG]?B，上限 [\d.]+ [KMG]?B/);
  await expect(error).toContainText('未保存任何部分数据');
  await screenshot(page, 'storage-quota-1920');
  await expect(page.getByTestId('import-confirm')).toBeEnabled();
  await page.getByText('取消', { exact: true }).click();

  expect(await datasetCards(page)).toEqual(before);
  expect(await rawDatasetsIn(context)).toEqual(rawBefore);
  await page.reload();
  expect(await datasetCards(page)).toEqual(before);
});

test('without IndexedDB a banner says so, and import and charts still work for the session', async ({ page }) => {
  await page.addInitScript(() => {
    // Private mode or blocked storage: opening any database fails.
    IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await openFresh(page);
  await expect(page.getByTestId('memory-only')).toBeVisible();
  await expect(page.getByTestId('memory-only')).toContainText('只保留到关闭此页面');
  await importNew(page, 'utf8-bom-long-codes.csv');
  expect(await datasetCards(page)).toContain('utf8-bom-long-codes | 8');
  await expect(page.getByTestId('persisted')).toContainText('数据只在内存中');
  const table = await tableOf(page, '压采量');
  expect(table).toContain('1.14亿立方米');
  await expect(page.getByTestId('memory-only')).toBeVisible();
  await screenshot(page, 'storage-memory-only-1920');
});

test('a write left pending by a closed tab (the chunked path) is removed at the next start', async ({ page, context }) => {
  await openFresh(page);
  const before = await datasetCards(page);
  const rawBefore = await rawDatasetsIn(context);
  // What a tab closed between two chunks of a very large import leaves on disk: the pending
  // record and the blocks written so far, with no dictionary yet.
  const writer = await context.newPage();
  await writer.route('**/raw-inspect', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>raw</title>' }));
  await writer.goto('/raw-inspect');
  await writer.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['datasets', 'blocks'], 'readwrite');
          tx.objectStore('datasets').add({
            id: 'ds-interrupted', name: '中断的导入', fileName: 'huge.csv', format: 'csv', encoding: 'utf-8',
            importedAt: '2026-01-01T00:00:00.000Z', rowCount: 3_000_000, issueCount: 0, notes: [], status: 'pending', version: 1,
          });
          tx.objectStore('blocks').add({
            datasetId: 'ds-interrupted', seq: 0, indicator: '中断指标', count: 2,
            pos: Uint32Array.of(0, 1), region: Uint32Array.of(0, 0), period: Uint32Array.of(1, 1),
            unit: Uint32Array.of(2, 2), value: Float64Array.of(1, 2), flags: Uint8Array.of(0, 0), codes: Uint8Array.of(1, 1),
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DB_NAME,
  );
  await writer.close();
  expect((await rawDatasetsIn(context)).find((d) => d.id === 'ds-interrupted')).toEqual({
    id: 'ds-interrupted', status: 'pending', rowCount: 3_000_000, values: 2,
  });

  await page.reload();
  expect(await datasetCards(page)).toEqual(before);
  expect(await rawDatasetsIn(context)).toEqual(rawBefore);
});
