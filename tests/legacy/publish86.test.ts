/**
 * Parquet in a real Chromium 86 (issue 26): hyparquet calls built-ins newer than the floor
 * (Array.prototype.at), which the page loads where missing, but the import worker has its own
 * global. A DuckDB-written dataset served by nginx (with the app, under the app's CSP as a
 * header) is opened in place by address and ranked, and one of its files is imported through the
 * wizard (read in the import worker); no page error, and the numbers are DuckDB's. A published
 * folder (the built app, its manifest and Parquet, as 发布到内网 writes it) opens read-only.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { id, launchChromium86, legacyPages, until as waitUntil } from './chromium86';
import { makeDataset, type MadeDataset } from '../publish/make-dataset';
import { startNginx, type Nginx } from '../publish/nginx';
import { buildPublication, type PublishedFile } from '../../src/publish/partition';
import { orderFiles, versionName } from '../../src/publish/folder';
import type { StoredObservation } from '../../src/store';

/** The app's own policy, sent by the server as a header as well. */
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self' blob: data:";

let browser: Browser;
let server: Nginx;
let made: MadeDataset;
let fileDir: string;
let site: Nginx;
const pages = legacyPages(() => browser);
const { errors } = pages;

/** A published folder of one small dataset and a deck of one view, beside the built app's files. */
function writePublishedFolder(dist: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'c86-published-'));
  const rows: StoredObservation[] = [];
  for (const region of ['道里区', '南岗区', '香坊区']) {
    for (let year = 2019; year <= 2024; year++) rows.push({ datasetId: 'd1', region, indicator: '耕地面积', period: String(year), value: 60000 + year * 10 + region.length, unit: '亩', displayUnit: '万亩', grain: 'year' });
  }
  const publishedAt = '2026-01-02T03:04:05.678Z';
  const version = versionName(publishedAt);
  const spec = { version: 1 as const, kind: 'trend' as const, indicator: '耕地面积' };
  const { files, manifest } = buildPublication(
    {
      datasets: [{ dataset: { id: 'd1', name: '耕地统计', fileName: '耕地.csv', format: 'csv', encoding: 'utf-8', importedAt: publishedAt, rowCount: rows.length, issueCount: 0, notes: [], status: 'complete', version: 1 }, rows }],
      chosen: ['d1'],
      indicators: [{ name: '耕地面积', baseUnit: '亩', displayUnit: '万亩', polarity: 'higher', targets: [] }],
      views: [{ id: 'v1', name: '耕地趋势', spec }],
      decks: [{ id: 'k1', name: '耕地汇报', slides: [{ viewId: 'v1' }] }],
      publisher: '统计科',
      publishedAt,
    },
    version,
  );
  const walk = (at: string): string[] => readdirSync(at, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(at, e.name)) : [join(at, e.name)]));
  const app: PublishedFile[] = walk(dist).map((f) => ({ path: relative(dist, f), bytes: readFileSync(f) }));
  for (const f of orderFiles(app, files, manifest, version)) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.bytes);
  }
  return dir;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'c86-remote-'));
  made = await makeDataset(dir, { indicators: 3, regions: 40, months: 12 });
  fileDir = mkdtempSync(join(tmpdir(), 'c86-parquet-'));
  copyFileSync(join(dir, 'data', 'ind-02.parquet'), join(fileDir, '指标02.parquet'));
  server = await startNginx(resolve(process.env.E2E_DIST ?? 'dist'), { csp: CSP, aliases: { '/data/': dir } });
  site = await startNginx(writePublishedFolder(resolve(process.env.E2E_DIST ?? 'dist')), { csp: CSP });
  browser = await launchChromium86();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await site?.stop();
  made?.con.closeSync();
});

const freshPage = pages.fresh;

/** Parquet read in place is slower than the app's store: a minute before a poll gives up. */
const until = (page: Page, fn: string, timeout = 60_000): Promise<void> => waitUntil(page, fn, timeout);

/** DuckDB's value of each region in one month, in the file's unit (the ranking shows that unit). */
async function duckRanking(indicator: string, period: string): Promise<[string, number][]> {
  const reader = await made.con.runAndReadAll(`SELECT 地区, sum(数值)::DOUBLE FROM ${made.table} WHERE 指标 = '${indicator}' AND 时期 = '${period}' GROUP BY 地区 ORDER BY 地区`);
  return reader.getRows().map((r) => [String(r[0]), Number(r[1])]);
}

describe('Parquet in Chromium 86', () => {
  test('a DuckDB dataset opened in place by address: the ranking equals DuckDB’s, no error', async () => {
    const page = await freshPage();
    expect(await browser.version()).toMatch(/Chrome\/86\./);
    await page.goto(`${server.url}?remote=data/manifest.json&view=ranking&ind=${encodeURIComponent('指标02')}&p=2019-06`);
    await until(page, `document.querySelectorAll('${id('ranking-table')} tbody tr').length === 40`, 120_000);
    const shown = await page.$$eval(`${id('ranking-table')} tbody tr`, (trs) =>
      trs.map((tr) => [tr.getAttribute('data-region') ?? '', tr.querySelector('[data-testid="value"]')?.textContent ?? '']),
    );
    const values = shown.map(([r, v]) => [r, Number(v.replace(/,/g, '').replace(/[^\d.-].*$/, ''))] as [string, number]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const duck = await duckRanking('指标02', '2019-06');
    expect(values.map(([r]) => r)).toEqual(duck.map(([r]) => r));
    values.forEach(([, v], i) => expect(v).toBeCloseTo(duck[i][1], 2));
    // Only the dataset's own file of that indicator was read.
    expect(server.requests().filter((l) => l.includes('.parquet')).every((l) => l.includes('/data/data/ind-02.parquet'))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('a .parquet file imported through the wizard (read in the import worker) is drawn', async () => {
    const page = await freshPage();
    await page.goto(server.url);
    await until(page, `document.querySelector('${id('trend-chart')}')?.getAttribute('data-drawn') >= 1`);
    const input = await page.$(id('file-input'));
    await input!.uploadFile(join(fileDir, '指标02.parquet'));
    await until(page, `!!document.querySelector('${id('import-confirm')}')`);
    expect(await page.$eval(id('import-summary'), (el) => (el as HTMLElement).innerText)).toContain('480 条记录');
    await page.click(id('import-confirm'));
    await until(page, `!!document.querySelector('${id('import-show')}')`);
    await page.click(id('import-show'));
    // The page redraws after an import: the chart may be between two renders when polled.
    await until(page, `/指标02/.test(document.querySelector('${id('trend-chart')}')?.getAttribute('aria-label') || '')`);
    expect(errors).toEqual([]);
  });

  test('a published folder opens read-only: its bar, the trend drawn, nothing that writes, its deck shown', async () => {
    const page = await freshPage();
    await page.goto(site.url);
    await until(page, `document.querySelector('${id('trend-chart')}')?.getAttribute('data-drawn') >= 1`, 120_000);
    expect(await page.$eval(id('published-by'), (el) => (el as HTMLElement).innerText)).toContain('统计科');
    await until(page, `!!document.querySelector('${id('page-export-html')}')`);
    for (const writes of ['import-button', 'nav-datasets', 'save-view', 'indicator-settings', 'boundary-upload']) expect(await page.$(id(writes))).toBeNull();
    await page.click(id('nav-briefing'));
    await until(page, `!!document.querySelector('${id('deck-item')}')`);
    await page.click(id('deck-item'));
    await until(page, `!!document.querySelector('${id('published-deck')}')`);
    expect(await page.$(id('deck-editor'))).toBeNull();
    expect(await page.evaluate(async () => ((await (indexedDB as unknown as { databases?: () => Promise<unknown[]> }).databases?.()) ?? []).length)).toBe(0);
    expect(errors).toEqual([]);
  });
});
