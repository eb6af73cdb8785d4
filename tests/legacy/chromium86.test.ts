/**
 * The built app, its saved pages and its embeds in a real Chromium 86 (360安全浏览器 13's kernel),
 * at 1366×768, the commonest office screen: what Chromium 156 runs in the Playwright suite must
 * also run here. Every page of every test is watched for `pageerror` and console errors.
 */
import { createServer, type Server } from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import type { Browser, Page } from 'puppeteer-core';
import { id, launchChromium86, legacyPages, until } from './chromium86';

const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
const FIXTURES = join(process.cwd(), 'tests', 'fixtures');
const PORT = Number(process.env.LEGACY_PORT ?? 4175);
const ORIGIN = `http://127.0.0.1:${PORT}`;

let browser: Browser;
let server: PreviewServer;
const pages = legacyPages(() => browser);
const { errors } = pages;
/** A page on a fresh profile (its own IndexedDB), watched for errors. */
const freshPage = pages.fresh;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await preview({
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
    build: { outDir: process.env.E2E_DIST ?? 'dist' },
    logLevel: 'warn',
  });
  browser = await launchChromium86();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el as HTMLElement).innerText);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `chromium86-${name}.png`) as `${string}.png` });
}

/** Pixels of a chart's canvas that are drawn ink, not background: the chart is really there. */
async function ink(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (box) => {
    const canvas = box.querySelector('canvas');
    if (!canvas) return 0;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200)) n++;
    return n;
  });
}

/** Whether an element's box lies inside the viewport (a dialog placed with `inset` did not). */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
  });
}

/** Nothing on the page is wider than the window: no horizontal scrolling, nothing cut off. */
async function noOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
}

async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(`${ORIGIN}${path}`);
  await until(page, `document.querySelector('${id('trend-chart')}')?.getAttribute('data-drawn') >= 1`);
}

/** The app, then 整改台账 with the sample ledger opened on its board (its lights counted). */
async function openSampleLedger(page: Page): Promise<void> {
  await openApp(page);
  await page.click(id('nav-ledger'));
  await until(page, `!!document.querySelector('${id('ledger-open-sample')}')`);
  await page.click(id('ledger-open-sample'));
  await until(page, `/红/.test(document.querySelector('${id('ledger-counts')}')?.innerText || '')`);
}

async function importFile(page: Page, name: string): Promise<void> {
  const input = await page.$(id('file-input'));
  await input!.uploadFile(join(FIXTURES, name));
  await until(page, `!!document.querySelector('${id('import-confirm')}')`);
}

async function importAndShow(page: Page): Promise<void> {
  await page.click(id('import-confirm'));
  await until(page, `!!document.querySelector('${id('import-show')}')`);
  await page.click(id('import-show'));
  await until(page, `!document.querySelector('${id('import-wizard')}')`);
}

/** Downloads land in a folder of their own; waits for the file to be whole. */
async function downloads(page: Page): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'c86-dl-'));
  // puppeteer 5 has no download API; the protocol call is what it would make.
  const session = await page.target().createCDPSession();
  await session.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
  return dir;
}

/**
 * The downloaded file once it is whole. Chromium reserves the final name (an empty file) while
 * the bytes go to a .crdownload beside it: a file taken on its name alone was sometimes empty,
 * under load, and the saved page it held drew nothing.
 */
async function fileIn(dir: string, ending: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const names = readdirSync(dir);
    const found = names.find((f) => f.endsWith(ending));
    if (found && !names.some((f) => f.endsWith('.crdownload')) && statSync(join(dir, found)).size > 0) return join(dir, found);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${ending} file was downloaded`);
}

async function openExportMenu(page: Page, panel: string): Promise<void> {
  await until(page, `!!document.querySelector('${id(`${panel}-export`)} summary')`);
  const open = await page.$eval(id(`${panel}-export`), (d) => (d as HTMLDetailsElement).open);
  if (!open) await page.click(`${id(`${panel}-export`)} summary`);
}

describe('Chromium 86', () => {
  test('the browser is really Chromium 86 and lacks what the app polyfills', async () => {
    const page = await freshPage();
    expect(await browser.version()).toMatch(/Chrome\/86\./);
    await page.goto(`${ORIGIN}/favicon.png`);
    expect(await page.evaluate(() => ['at' in Array.prototype, 'hasOwn' in Object, 'structuredClone' in window])).toEqual([
      false,
      false,
      false,
    ]);
  });

  test('first visit: the sample data draws the trend and the comparison, laid out for 1366×768', async () => {
    const page = await freshPage();
    await openApp(page);
    await until(page, `document.querySelector('${id('comparison-chart')}')?.getAttribute('data-drawn') >= 1`);
    expect(await ink(page, id('trend-chart'))).toBeGreaterThan(2000);
    expect(await ink(page, id('comparison-chart'))).toBeGreaterThan(2000);
    // The polyfills arrived (the app runs code that calls them).
    expect(await page.evaluate(() => [[1, 2].at(-1), Object.hasOwn({ a: 1 }, 'a')])).toEqual([2, true]);
    await noOverflow(page);
    await shot(page, 'dashboard-1366');
    await page.setViewport({ width: 1280, height: 720 });
    await noOverflow(page);
    await shot(page, 'dashboard-1280');
    expect(errors).toEqual([]);
  });

  test('every tab of the dashboard and the datasets page', async () => {
    const page = await freshPage();
    await openApp(page);
    const tabs = await page.$$eval(`${id('view-tabs')} [role="tab"]`, (els) => els.map((e) => e.getAttribute('data-testid')!));
    expect(tabs.length).toBeGreaterThanOrEqual(5);
    for (const tab of tabs) {
      await page.click(id(tab));
      await until(page, `document.querySelector('${id(tab)}')?.getAttribute('aria-selected') === 'true'`);
      // Each tab shows something: a drawn chart, the ranking table, or the one-region page.
      await until(page, `!!document.querySelector('[data-drawn]:not([data-drawn="0"]), table, ${id('region-dashboard')}')`);
      await shot(page, `tab-${tab.replace('view-tab-', '')}`);
      await noOverflow(page);
    }
    await page.click(id('nav-datasets'));
    await until(page, `document.querySelectorAll('${id('dataset-card')}').length >= 2`);
    expect(await textOf(page, 'main, body')).toContain('示例数据');
    await shot(page, 'datasets-1366');
    expect(errors).toEqual([]);
  });

  test('a GBK CSV and an XLSX go through the wizard, with the preview on screen, and are drawn', async () => {
    const page = await freshPage();
    await openApp(page);
    await importFile(page, 'gbk-wide-title-notes.csv');
    expect(await onScreen(page, id('import-wizard'))).toBe(true);
    // The decoded file is drawn a step after the preview's options (244ff42): wait for it.
    await until(page, `/哈尔滨市道里区黑土地保护主要指标/.test(document.querySelector('${id('decoded-preview')}')?.innerText || '')`);
    expect(await page.$eval(id('opt-encoding'), (s) => (s as HTMLSelectElement).value)).toBe('gb18030');
    await shot(page, 'import-gbk');
    await importAndShow(page);
    await page.select(
      id('dataset-filter'),
      await page.$eval(`${id('dataset-filter')} option:last-child`, (o) => (o as HTMLOptionElement).value),
    );
    await until(page, `/万亩/.test(document.querySelector('${id('trend-chart')}')?.getAttribute('aria-label') || '')`);
    expect(await ink(page, id('trend-chart'))).toBeGreaterThan(1000);

    await importFile(page, 'xlsx-excel-shared-strings.xlsx');
    expect(await onScreen(page, id('import-wizard'))).toBe(true);
    await until(page, `/沧州市地下水压采情况/.test(document.querySelector('${id('decoded-preview')}')?.innerText)`);
    expect(await textOf(page, id('import-summary'))).toContain('4 条记录');
    await importAndShow(page);
    await until(page, `/压采/.test(document.querySelector('${id('trend-chart')}')?.getAttribute('aria-label') || '')`);
    await shot(page, 'after-xlsx');
    expect(errors).toEqual([]);
  });

  test('the sample ledger opens on its board, and a PDF report is read (pdf.js in its worker) into the review table', async () => {
    const page = await freshPage();
    await openSampleLedger(page);
    await shot(page, 'ledger-board');
    await noOverflow(page);

    await page.click(id('nav-report'));
    await until(page, `!!document.querySelector('${id('report-file-input')}')`);
    const input = await page.$(id('report-file-input'));
    await input!.uploadFile(join(FIXTURES, 'reports', 'daoli-000.pdf'));
    await until(page, `document.querySelectorAll('${id('review-row')}').length >= 5`, 60_000);
    expect(await textOf(page, id('report-summary'))).toContain('daoli-000.pdf');
    await shot(page, 'report-review');
    expect(errors).toEqual([]);
  });

  test('a ledger’s summary slide is added to a deck on 汇报 and presented', async () => {
    const page = await freshPage();
    await openSampleLedger(page);
    await page.goto(`${ORIGIN}/?page=briefing`);
    await until(page, `!!document.querySelector('${id('deck-new')}')`);
    await page.click(id('deck-new'));
    await until(page, `!!document.querySelector('${id('add-ledger-slide-button')}')`);
    await page.click(id('add-ledger-slide-button'));
    await until(page, `document.querySelectorAll('${id('slide-item')}').length === 1`);
    await page.click(id('deck-present'));
    await until(page, `/逾期\\s*\\d+/.test(document.querySelector('${id('presenting-stage')} ${id('slide-overdue')}')?.innerText || '')`);
    expect(await onScreen(page, id('presenting-stage'))).toBe(true);
    expect(await textOf(page, `${id('presenting-stage')} ${id('ledger-slide-asof')}`)).toMatch(/数据截至 \d{4}-\d{2}-\d{2} · 共 38 项任务/);
    await shot(page, 'ledger-deck-slide');
    expect(errors).toEqual([]);
  });

  // Retried once: in a few clean-clone CI runs (sessions 14 and 15) the saved deck page opened
  // from file:// had not drawn its two charts within 30 s; never in 17 runs of this test alone.
  // The cause is not found (docs/performance.md, "Session 15: the quiet bench").
  test('the sample deck is presented and advanced with the keys a clicker sends, and its saved page draws from file://', { retry: 1 }, async () => {
    const page = await freshPage();
    await openApp(page);
    await page.goto(`${ORIGIN}/?page=briefing&deck=sample-deck&slide=1&present=1`);
    const counter = `${id('presenting-stage')} ${id('slide-counter')}`;
    await until(page, `document.querySelector('${counter}')?.textContent.trim() === '1 / 5'`);
    expect(await onScreen(page, id('presenting-stage'))).toBe(true);
    await shot(page, 'slide-1');
    for (const [key, expected] of [
      ['PageDown', '2 / 5'],
      ['ArrowRight', '3 / 5'],
      [' ', '4 / 5'],
      ['PageUp', '3 / 5'],
    ] as const) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await until(page, `(document.querySelector('${counter}')?.textContent || '').trim() === '${expected}'`);
    }
    await shot(page, 'slide-3');

    // The deck saved as one page opens from file:// and draws its charts and KPIs.
    await page.keyboard.press('Escape');
    await page.goto(`${ORIGIN}/?page=briefing&deck=sample-deck`);
    await until(page, `!!document.querySelector('${id('deck-export-html')}')`);
    const dir = await downloads(page);
    await page.click(id('deck-export-html'));
    const deck = join(mkdtempSync(join(tmpdir(), 'c86-deck-')), 'deck.html');
    copyFileSync(await fileIn(dir, '.html'), deck);
    await page.goto(pathToFileURL(deck).href);
    await until(page, `document.querySelectorAll('[data-testid="standalone-chart"][data-drawn="1"]').length === 2`);
    expect(await page.$$eval(id('standalone-slide-kpi'), (els) => els.length)).toBe(3);
    expect(await textOf(page, id('standalone-title-slide'))).toContain('生态环境整改工作汇报');
    await shot(page, 'deck-page-file');
    expect(errors).toEqual([]);
  });

  test('PNG, SVG and CSV exports download whole; the saved page draws from file:// and an embed draws in a page of another origin', async () => {
    const page = await freshPage();
    await openApp(page);
    const dir = await downloads(page);
    await openExportMenu(page, 'trend');
    await page.click(id('trend-export-png'));
    const png = readFileSync(await fileIn(dir, '.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(10_000);
    await openExportMenu(page, 'trend');
    await page.click(id('trend-export-svg'));
    expect(readFileSync(await fileIn(dir, '.svg'), 'utf8')).toMatch(/<svg[\s\S]*PM10/);
    await openExportMenu(page, 'trend');
    await page.click(id('trend-export-csv'));
    expect(readFileSync(await fileIn(dir, '.csv'), 'utf8')).toMatch(/^\uFEFF/);
    await openExportMenu(page, 'trend');
    await page.click(id('trend-export-html'));
    const saved = join(mkdtempSync(join(tmpdir(), 'c86-html-')), 'chart.html');
    copyFileSync(await fileIn(dir, '.html'), saved);

    const view = await pages.sameProfile();
    await view.goto(pathToFileURL(saved).href);
    await until(view, `!!document.querySelector('[data-testid="standalone-chart"][data-drawn="1"]')`);
    expect(await ink(view, id('standalone-chart'))).toBeGreaterThan(1000);
    await shot(view, 'saved-page-file');

    // The saved page took the front; a page behind it gets no input.
    await page.bringToFront();
    await openExportMenu(page, 'comparison');
    await page.click(id('comparison-export-embed'));
    await until(page, `!!document.querySelector('${id('comparison-export-snippet')}')?.value`);
    const snippet = await page.$eval(id('comparison-export-snippet'), (t) => (t as HTMLTextAreaElement).value);
    const outside: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="zh-CN"><body><h1>外部网页</h1>${snippet}</body></html>`);
    });
    await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
    try {
      await view.goto(`http://127.0.0.1:${(outside.address() as { port: number }).port}/`);
      await until(view, 'document.querySelector("iframe") && document.querySelector("iframe").offsetHeight > 300');
      const frame = view.frames().find((f) => f.url().includes('embed'))!;
      await frame.waitForFunction('!!document.querySelector(\'[data-testid="standalone-chart"][data-drawn="1"]\')', {
        polling: 100,
        timeout: 30_000,
      });
      await shot(view, 'embed');
    } finally {
      outside.close();
    }
    expect(errors).toEqual([]);
  });

  test('below the floor there is a sentence, never a white page; so from file://', async () => {
    const page = await freshPage();
    // What Chromium 84 lacks and 86 has: the check reads these, the app never starts.
    await page.evaluateOnNewDocument(() => {
      delete (String.prototype as { replaceAll?: unknown }).replaceAll;
    });
    await page.goto(`${ORIGIN}/`);
    await until(page, `!!document.querySelector('${id('browser-check')}')`);
    const said = await textOf(page, id('browser-check'));
    expect(said).toContain('需要 Chromium 86');
    expect(said).toContain('极速模式');
    expect(said).toContain('Chromium 86 内核');
    expect(await page.$('#app')).toBeNull();
    await shot(page, 'below-floor');

    const local = await freshPage();
    await local.goto(pathToFileURL(join(process.cwd(), process.env.E2E_DIST ?? 'dist', 'index.html')).href);
    await until(local, `!!document.querySelector('${id('browser-check')}')`);
    expect(await textOf(local, id('browser-check'))).toContain('不能直接双击 index.html');
    // The module script is refused from file://: that error is the page's, and the sentence says it.
    errors.length = 0;
  });
});
