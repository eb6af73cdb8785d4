import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

/** Where playwright.config.ts serves the built app (E2E_PORT, default 4173). */
export const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** Screenshots go here for a person to look at (README: "Look at what you build"). */
export const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** Open the app on a fresh profile and wait until the sample data has loaded. */
export async function openFresh(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('trend-chart')).toBeVisible({ timeout: 30_000 });
}

/** Wait until a chart has drawn at least once. */
export async function chartDrawn(page: Page, testid: string): Promise<void> {
  await expect(page.getByTestId(testid)).toHaveAttribute('data-drawn', /[1-9]/);
}

/** A fixture file under tests/fixtures. */
export function fixture(name: string): string {
  return join(process.cwd(), 'tests', 'fixtures', name);
}

/** Choose a file with the top bar's hidden file input, as the 导入数据 button does. */
export async function importFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await expect(page.getByTestId('import-confirm')).toBeVisible({ timeout: 30_000 });
}

/**
 * Press "show charts" on a finished import and wait for the dialog to close. The dashboard's own
 * filters are inert until then, and the view "show" sets (the new dataset's first indicator, all
 * datasets) lands only once the workspace has read the new dataset.
 */
export async function showImported(page: Page): Promise<void> {
  await page.getByTestId('import-show').click();
  await expect(page.getByTestId('import-wizard')).toBeHidden();
}

/** Import a file through the wizard as a new dataset and show it (charts not yet waited for). */
export async function importAndShow(page: Page, path: string): Promise<void> {
  await importFile(page, path);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await showImported(page);
}

/**
 * Choose an indicator in the side list by searching for its name, and wait until it is the chosen
 * one; `clearSearch` empties the search after, so the whole list shows again.
 */
export async function chooseIndicator(page: Page, name: string, { clearSearch = false } = {}): Promise<void> {
  await page.getByTestId('indicator-search').fill(name);
  const option = page.getByTestId('indicator-list').getByRole('option', { name, exact: true });
  await option.click();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  if (clearSearch) await page.getByTestId('indicator-search').fill('');
}

/**
 * A fresh workspace's map tab for `indicator` on the test boundary file (18 squares named and
 * coded as the sample's districts), its source line (审图号) saved and the map drawn again.
 */
export async function openMapWithCaption(page: Page, indicator: string, caption: string): Promise<void> {
  await openFresh(page);
  await chooseIndicator(page, indicator);
  await page.getByTestId('boundary-input').setInputFiles(join(process.cwd(), 'tests', 'e2e', 'fixtures', 'boundary-squares.geojson'));
  await page.getByTestId('view-tab-map').click();
  await chartDrawn(page, 'map-chart');
  await page.getByTestId('map-caption-input').fill(caption);
  await page.getByTestId('map-caption-save').click();
  await expect(page.getByTestId('map-caption')).toHaveText(caption);
  await chartDrawn(page, 'map-chart');
}

/** The app's database name (src/store/open.ts DEFAULT_DB_NAME). */
export const DB_NAME = 'indicator-dashboard';

/** A dataset record as stored, with the number of values its blocks hold. */
export interface RawDataset {
  id: string;
  name: string;
  status: string;
  rowCount: number;
  values: number;
}

/**
 * Read the raw database without the app (a blank page of the same origin): every dataset record
 * with its status, and the values its blocks hold.
 */
export async function readRawDatasets(page: Page): Promise<RawDataset[]> {
  await page.route('**/raw-inspect', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>raw</title>' }));
  await page.goto('/raw-inspect');
  return page.evaluate(
    (name) =>
      new Promise<RawDataset[]>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['datasets', 'blocks'], 'readonly');
          const datasets = tx.objectStore('datasets').getAll();
          const blocks = tx.objectStore('blocks').getAll();
          tx.oncomplete = () => {
            const values = new Map<string, number>();
            for (const b of blocks.result as { datasetId: string; count: number }[]) {
              values.set(b.datasetId, (values.get(b.datasetId) ?? 0) + b.count);
            }
            db.close();
            resolve(
              (datasets.result as RawDataset[]).map((d) => ({
                id: d.id,
                name: d.name,
                status: d.status,
                rowCount: d.rowCount,
                values: values.get(d.id) ?? 0,
              })),
            );
          };
        };
      }),
    DB_NAME,
  );
}

/** `readRawDatasets` in a page of its own, so the app's page stays where it is. */
export async function readRawDatasetsIn(context: BrowserContext): Promise<RawDataset[]> {
  const page = await context.newPage();
  const raw = await readRawDatasets(page);
  await page.close();
  return raw;
}

/** A context with the network off; every request that is not a local file is recorded, and every error. */
export async function offlineView(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<{ view: Page; remote: string[]; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ offline: true, viewport });
  const view = await context.newPage();
  const remote: string[] = [];
  const errors: string[] = [];
  view.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) remote.push(r.url());
  });
  view.on('pageerror', (e) => errors.push(e.message));
  view.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { view, remote, errors, close: () => context.close() };
}

/**
 * Serve, on another loopback port than the app, a page holding an embed snippet: an outside site
 * that embeds a chart. Close it when done.
 */
export async function embeddingPage(snippet: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="zh-CN"><body><h1>外部网页</h1>${snippet}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
