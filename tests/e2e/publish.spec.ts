import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, importAndShow, openFresh, screenshot } from './helpers';
import { startNginx, type Nginx } from '../publish/nginx';

/** The app's own policy, sent by the server as a header too (the folder's notes ask for it). */
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'";
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
    const all = files.filter((f) => !f.endsWith('/')).map((f) => { try { return readFileSync(join(dir, f)).toString('latin1'); } catch { return ''; } }).join('');
    expect(all).not.toContain(Buffer.from('bad-value.csv').toString('latin1'));

    // A colleague's browser: a fresh profile, the server's address.
    const colleague = await browser.newContext();
    const viewer = await colleague.newPage();
    const violations: string[] = [];
    viewer.on('console', (m) => {
      if (m.type() === 'error') violations.push(m.text());
    });
    await viewer.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => ((window as unknown as { csp: string[] }).csp ??= []).push(e.violatedDirective)));
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
    // The deck is there, read from the folder.
    await viewer.getByTestId('nav-briefing').click();
    await expect(viewer.getByText('示例汇报').first()).toBeVisible();
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
