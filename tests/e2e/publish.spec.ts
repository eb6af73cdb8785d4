import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixture, importAndShow, openFresh, openMapWithCaption, screenshot } from './helpers';
import { startNginx, type Nginx } from '../publish/nginx';
import { makeDataset, type MadeDataset } from '../publish/make-dataset';
import { duckRanking, rankingValues } from '../publish/remote-app';

/** The app's own policy, sent by the server as a header too (the folder's notes ask for it). */
const CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'";
const SAMPLE = '示例数据：多年分地区指标（非真实统计）';

/** Publish the chosen datasets (and the sample deck) as a .zip and unpack it into `dir`. */
async function publishZip(page: Page, dir: string, publisher: string): Promise<void> {
  await page.getByTestId('nav-datasets').click();
  const panel = page.getByTestId('publish-panel');
  await expect(panel).toBeVisible();
  await panel.getByLabel(SAMPLE).check();
  await panel.getByLabel('示例汇报').check();
  await panel.getByTestId('publish-publisher').fill(publisher);
  const download = page.waitForEvent('download');
  await panel.getByTestId('publish-zip').click();
  const file = join(dir, '..', `${Date.now()}.zip`);
  await (await download).saveAs(file);
  await expect(panel.getByTestId('publish-message')).toContainText('已发布');
  execFileSync('unzip', ['-o', '-q', file, '-d', dir]);
}

test.describe('发布到内网: a folder served by nginx, opened read-only by a colleague', () => {
  let server: Nginx;
  let dir: string;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'site-'));
    server = await startNginx(dir, { csp: CSP });
  });
  test.afterAll(async () => server?.stop());

  test('publish, view it current and read-only, publish again and the viewer is told', async ({ page, browser }) => {
    test.setTimeout(120_000);
    await openFresh(page);
    // A dataset of the user's own that is NOT chosen: none of it may reach the folder.
    await importAndShow(page, fixture('bad-value.csv'));
    await publishZip(page, dir, '张三（统计科）');
    const files = readdirSync(dir, { recursive: true }).map(String);
    expect(files).toContain('manifest.json');
    expect(files).toContain('index.html');
    expect(files.some((f) => /^v\d{8}T\d{9}Z\/data\/d1-i\d+\.parquet$/.test(f))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.datasets.map((d: { name: string }) => d.name)).toEqual([SAMPLE]);
    const all = files
      .filter((f) => !f.endsWith('/'))
      .map((f) => {
        try {
          return readFileSync(join(dir, f)).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('');
    expect(all).not.toContain(Buffer.from('bad-value.csv').toString('latin1'));

    // A colleague's browser: a fresh profile, the server's address.
    const colleague = await browser.newContext();
    const viewer = await colleague.newPage();
    const violations: string[] = [];
    viewer.on('console', (m) => {
      if (m.type() === 'error') violations.push(m.text());
    });
    await viewer.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        ((window as unknown as { csp: string[] }).csp ??= []).push(e.violatedDirective),
      ),
    );
    await viewer.goto(server.url);
    await expect(viewer.getByTestId('published-bar')).toBeVisible({ timeout: 30_000 });
    await expect(viewer.getByTestId('published-by')).toContainText('张三（统计科）');
    await expect(viewer.getByTestId('published-as-of')).toContainText('数据截至');
    await expect(viewer.getByTestId('trend-chart')).toHaveAttribute('data-drawn', /[1-9]/, { timeout: 30_000 });
    await expect(viewer.getByTestId('import-button')).toHaveCount(0);
    await expect(viewer.getByTestId('nav-datasets')).toHaveCount(0);
    await expect(viewer.getByTestId('memory-only')).toHaveCount(0);
    // The same numbers as the app's: the KPI cards of the same indicator.
    const firstKpis = await viewer.getByTestId('kpi-value').allInnerTexts();
    expect(firstKpis.length).toBeGreaterThan(0);
    await screenshot(viewer, 'publish-viewer-1920');
    // Read-only: nothing that writes is offered (the page's exports are, once the charts are drawn).
    await expect(viewer.getByTestId('page-export-html')).toBeVisible({ timeout: 30_000 });
    for (const writes of ['save-view', 'layout-edit', 'boundary-upload', 'indicator-settings'])
      await expect(viewer.getByTestId(writes)).toHaveCount(0);
    // The deck is there, read from the folder: shown and presented, not edited.
    await viewer.getByTestId('nav-briefing').click();
    await expect(viewer.getByText('示例汇报').first()).toBeVisible();
    await viewer.getByTestId('deck-item').first().click();
    await expect(viewer.getByTestId('published-deck')).toBeVisible();
    await expect(viewer.getByTestId('deck-present')).toBeEnabled();
    for (const writes of ['deck-new', 'deck-editor', 'deck-rename', 'deck-delete', 'slide-remove', 'view-list', 'view-delete'])
      await expect(viewer.getByTestId(writes)).toHaveCount(0);
    // Nothing written to IndexedDB: no database was even created.
    expect(await viewer.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
    expect(await viewer.evaluate(() => (window as unknown as { csp?: string[] }).csp ?? [])).toEqual([]);

    // Publishing again: a new version beside the old, the manifest switched; the viewer is told.
    const before = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).publishedAt;
    await publishZip(page, dir, '李四');
    const after = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(after.publishedAt).not.toBe(before);
    expect(readdirSync(dir).filter((f) => /^v\d{8}T\d{9}Z$/.test(f))).toHaveLength(2);
    await viewer.evaluate(() => dispatchEvent(new Event('dashboard:check-published')));
    await expect(viewer.getByTestId('published-newer')).toBeVisible();
    await viewer.reload();
    await expect(viewer.getByTestId('published-by')).toContainText('李四');
    expect(violations.filter((v) => /Content Security Policy/i.test(v))).toEqual([]);
    await colleague.close();
  });
});

test.describe('a published deck with a map slide', () => {
  let server: Nginx;
  let dir: string;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'site-map-'));
    server = await startNginx(dir, { csp: CSP });
  });
  test.afterAll(async () => server?.stop());

  test('the map slide is drawn in the colleague’s browser on the boundary the folder carries, with its caption', async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const AREA = '保护性耕作面积';
    await openMapWithCaption(page, AREA, '审图号：测试（非真实）');
    const mapLabel = (await page.getByTestId('map-chart').getAttribute('aria-label')) ?? '';
    expect(mapLabel).toContain(AREA);
    await page.getByTestId('save-view').click();
    await expect(page.getByTestId('save-view-kind').locator('option:checked')).toHaveText('地图');
    await page.getByTestId('save-view-name').fill('耕作面积地图');
    await page.getByTestId('save-view-submit').click();
    await expect(page.getByTestId('save-view-done')).toContainText('耕作面积地图');
    await page.getByTestId('nav-briefing').click();
    await page.getByTestId('deck-new').click();
    await page.getByTestId('view-item').filter({ hasText: '耕作面积地图' }).getByTestId('view-add').click();
    await expect(page.getByTestId('slide-item')).toHaveCount(1);

    await page.getByTestId('nav-datasets').click();
    const panel = page.getByTestId('publish-panel');
    await panel.getByLabel(SAMPLE).check();
    await panel.getByLabel('新汇报').check();
    await panel.getByTestId('publish-publisher').fill('王五');
    const download = page.waitForEvent('download');
    await panel.getByTestId('publish-zip').click();
    const file = join(dir, '..', `map-${Date.now()}.zip`);
    await (await download).saveAs(file);
    await expect(panel.getByTestId('publish-message')).toContainText('已发布');
    execFileSync('unzip', ['-o', '-q', file, '-d', dir]);

    // A colleague's fresh browser: the deck from the folder, presented; the map drawn, not a reason.
    const colleague = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const viewer = await colleague.newPage();
    await viewer.goto(server.url);
    await expect(viewer.getByTestId('published-bar')).toBeVisible({ timeout: 30_000 });
    await viewer.getByTestId('nav-briefing').click();
    await viewer.getByTestId('deck-item').filter({ hasText: '新汇报' }).click();
    await expect(viewer.getByTestId('published-deck')).toBeVisible();
    await viewer.getByTestId('deck-present').click();
    const stage = viewer.getByTestId('presenting-stage');
    const drawn = stage.locator('[data-drawn]:not([data-drawn="0"])');
    await expect(drawn).toHaveCount(1, { timeout: 30_000 });
    await expect(drawn).toHaveAttribute('aria-label', mapLabel);
    await expect(stage.getByTestId('slide-chart-caption')).toHaveText('审图号：测试（非真实）');
    await screenshot(viewer, 'publish-map-slide-1920');
    expect(await viewer.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
    await colleague.close();
  });
});

test.describe('a Parquet folder on another origin (another nginx port)', () => {
  let data: Nginx;
  let dataCors: Nginx;
  let app: Nginx;
  let made: MadeDataset;
  test.beforeAll(async () => {
    made = await makeDataset(mkdtempSync(join(tmpdir(), 'cross-')), { indicators: 2, regions: 30, months: 12 });
    // The same folder from two servers: one that allows the app's page by CORS, one that does not.
    data = await startNginx(made.dir);
    dataCors = await startNginx(made.dir, { cors: true });
    // The app as deployed by someone who listed the CORS server in its policy (index.html's meta).
    const site = mkdtempSync(join(tmpdir(), 'site-cross-'));
    cpSync(resolve(process.env.E2E_DIST ?? 'dist'), site, { recursive: true });
    const index = join(site, 'index.html');
    writeFileSync(
      index,
      readFileSync(index, 'utf8').replace(
        "connect-src 'self'",
        `connect-src 'self' http://127.0.0.1:${dataCors.port} http://127.0.0.1:${data.port}`,
      ),
    );
    app = await startNginx(site);
  });
  test.afterAll(async () => {
    await Promise.all([data?.stop(), dataCors?.stop(), app?.stop()]);
    made?.con.closeSync();
  });

  async function openByAddress(page: Page, base: string, address: string): Promise<void> {
    await page.goto(base);
    await page.getByTestId('nav-datasets').click();
    await page.getByTestId('remote-address').fill(address);
    await page.getByTestId('remote-open').click();
  }

  test('the shipped policy (connect-src self): refused before any request, with why and what to do', async ({ page }) => {
    data.resetLog();
    await openByAddress(page, '/', `${data.url}manifest.json`);
    await expect(page.getByTestId('remote-message')).toContainText(`地址在另一台服务器（http://127.0.0.1:${data.port}）上`);
    await expect(page.getByTestId('remote-message')).toContainText('connect-src');
    expect(data.requests()).toEqual([]);
  });

  test('listed in the policy and allowed by CORS: it opens, and its values are DuckDB’s', async ({ page }) => {
    await openByAddress(page, app.url, `${dataCors.url}manifest.json`);
    await expect(page.getByTestId('remote-message')).toContainText('已打开');
    // On the datasets page it is read-only: no rename, delete or new version, only the sentence.
    const card = page.getByTestId('dataset-card').filter({ hasText: '分区 Parquet（DuckDB）' });
    await expect(card.getByTestId('dataset-remote')).toBeVisible();
    for (const writes of ['rename', 'delete', 'replace', 'append']) await expect(card.getByTestId(writes)).toHaveCount(0);
    await page.goto(`${app.url}?view=ranking&ind=${encodeURIComponent('指标02')}&p=2019-06`);
    const shown = await rankingValues(page);
    const duck = await duckRanking(made, '指标02', '2019-06');
    expect(shown.map(([r]) => r)).toEqual(duck.map(([r]) => r));
    shown.forEach(([, v], i) => expect(v).toBeCloseTo(duck[i][1], 2));
    // Range requests across origins: the preflight was answered, the file read in parts.
    expect(dataCors.requests().some((l) => l.startsWith('GET /data/ind-02.parquet 206'))).toBe(true);
  });

  test('listed in the policy but the server sends no CORS headers: the sentence names them', async ({ page }) => {
    await openByAddress(page, app.url, `${data.url}manifest.json`);
    await expect(page.getByTestId('remote-message')).toContainText('Access-Control-Allow-Origin');
    await expect(page.getByTestId('remote-message')).toContainText(`Access-Control-Allow-Origin: ${app.url.replace(/\/$/, '')}`);
  });
});
