/**
 * The app and a DuckDB-written Parquet dataset served by one nginx (the app at /, the data at
 * /data/, one origin as the app's CSP requires), and the checks the browser test and the 10M
 * benchmark share: the ranking's values against DuckDB's, bytes counted at the server.
 */
import { expect, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { startNginx, type Nginx } from './nginx';
import type { MadeDataset } from './make-dataset';

/** The app's own policy, sent as a header as well. */
export const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self' blob: data:";

/**
 * Serve the built app (`dist`) and the dataset's folder under /data/.
 * @example const server = await serveAppAndData('dist-publish', made)
 */
export function serveAppAndData(dist: string, made: MadeDataset): Promise<Nginx> {
  return startNginx(resolve(dist), { csp: CSP, aliases: { '/data/': made.dir } });
}

/** The app's address opening the remote dataset on one view. */
export function remoteAddress(server: Nginx, view: { kind: string; indicator: string; period?: string }): string {
  const params = new URLSearchParams({ remote: 'data/manifest.json', view: view.kind, ind: view.indicator });
  if (view.period) params.set('p', view.period);
  return `${server.url}?${params}`;
}

/** A shown value ('123.45万亩', '1,234.5吨') as its number in the shown unit. */
export function shownNumber(text: string): number {
  return Number(text.replace(/,/g, '').replace(/[^\d.-].*$/, ''));
}

/**
 * The ranking table's regions and shown values, by region.
 * @example const rows = await rankingValues(page)
 */
export async function rankingValues(page: Page, timeout = 60_000): Promise<[string, number][]> {
  const table = page.getByTestId('ranking-table');
  await expect(table).toBeVisible({ timeout });
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-region') ?? '', tr.querySelector('[data-testid="value"]')?.textContent ?? '']));
  return rows.map(([region, value]) => [region, shownNumber(value)] as [string, number]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * DuckDB's answer for the same view: each region's value of one indicator in one period, in the
 * unit the file wrote (the view shows the indicator in that unit), by region.
 */
export async function duckRanking(made: MadeDataset, indicator: string, period: string): Promise<[string, number][]> {
  const reader = await made.con.runAndReadAll(
    `SELECT 地区, sum(数值)::DOUBLE FROM ${made.table} WHERE 指标 = '${indicator}' AND 时期 = '${period}' GROUP BY 地区 ORDER BY 地区`,
  );
  return reader.getRows().map((r) => [String(r[0]), Number(r[1])] as [string, number]);
}

/** The bytes nginx sent for the dataset's files (not the app's), since its last reset. */
export function dataBytes(server: Nginx): number {
  return server
    .requests()
    .filter((line) => line.split(' ')[1]?.startsWith('/data/'))
    .reduce((n, line) => n + Number(line.split(' ')[3] ?? 0), 0);
}
