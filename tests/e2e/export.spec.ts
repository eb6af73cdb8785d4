import { test, expect, type Download, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { APP_ORIGIN, embeddingPage, SHOTS, chartDrawn, importAndShow, offlineView, openFresh, screenshot } from './helpers';

/** Record CSP violations from the first script on, so every export below is checked against the policy. */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

async function openMenu(page: Page, panel: string): Promise<Locator> {
  const menu = page.getByTestId(`${panel}-export`);
  if (!(await menu.evaluate((el) => (el as HTMLDetailsElement).open))) await menu.locator('summary').click();
  return menu;
}

async function download(page: Page, testid: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { file, bytes: readFileSync(await file.path()) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decode a PNG in the browser: its size, how many pixels are not background, and the corner's alpha. */
async function decodePng(page: Page, bytes: Buffer) {
  return page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let inked = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] > 0 && (px[i] < 240 || px[i + 1] < 240 || px[i + 2] < 240)) inked++;
    }
    return { width: bitmap.width, height: bitmap.height, inked, cornerAlpha: px[3] };
  }, bytes.toString('base64'));
}

const REPORT_CSV = [
  '地区,指标,2024年',
  '"=HYPERLINK(""http://x"",""y"")",报表测试指标（万元）,-3.5',
  '道里区,报表测试指标（万元）,12',
  '@SUM(A1),报表测试指标（万元）,7.25',
  '"<img src=x onerror=""window.__pwned=1"">&\u0007区",报表测试指标（万元）,3',
].join('\r\n');

/** Import a small table whose names look like spreadsheet formulas, and show it. */
async function importReportTable(page: Page): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'export-spec-'));
  const path = join(dir, '报表测试.csv');
  writeFileSync(path, '\uFEFF' + REPORT_CSV);
  await importAndShow(page, path);
  await chartDrawn(page, 'comparison-chart');
  await expect(page.getByTestId('comparison')).toContainText('报表测试指标');
}

test('PNG at the chosen size and ratio has ink; transparent background stays transparent; SVG parses and has the title', async ({
  page,
}) => {
  await watchCsp(page);
  await openFresh(page);
  await chartDrawn(page, 'trend-chart');
  const heading = (await page.getByTestId('trend').locator('h2').textContent()) ?? '';
  const indicator = heading.split('：')[0];
  expect(indicator.length).toBeGreaterThan(0);

  await openMenu(page, 'trend');
  await screenshot(page, 'export-menu');
  const png = await download(page, 'trend-export-png');
  expect(png.file.suggestedFilename()).toMatch(/\.png$/);
  expect(pngSize(png.bytes)).toEqual({ width: 2400, height: 1350 });
  const decoded = await decodePng(page, png.bytes);
  expect(decoded).toMatchObject({ width: 2400, height: 1350, cornerAlpha: 255 });
  expect(decoded.inked).toBeGreaterThan(20_000);
  writeFileSync(join(SHOTS, 'export-trend.png'), png.bytes);
  await expect(page.getByTestId('trend-export-status')).toContainText('2400×1350');

  // A4 landscape text width at 3×, transparent, no footnote.
  await page.getByTestId('trend-export-preset').selectOption('a4-landscape');
  await page.getByTestId('trend-export-background').selectOption('transparent');
  await page.getByTestId('trend-export-footnote').uncheck();
  const a4 = await download(page, 'trend-export-png');
  // 24.7 cm at 96 px/inch is 934 CSS px; the menu offers 3× for the 300 dpi preset.
  expect(pngSize(a4.bytes)).toEqual({ width: 934 * 3, height: 525 * 3 });
  const a4decoded = await decodePng(page, a4.bytes);
  expect(a4decoded.cornerAlpha).toBe(0);
  expect(a4decoded.inked).toBeGreaterThan(10_000);
  writeFileSync(join(SHOTS, 'export-trend-a4-transparent.png'), a4.bytes);

  await page.getByTestId('trend-export-footnote').check();
  const svg = await download(page, 'trend-export-svg');
  const svgText = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      root: doc.documentElement.nodeName,
      error: doc.getElementsByTagName('parsererror').length,
      text: [...doc.getElementsByTagName('text')].map((t) => t.textContent).join('\n'),
    };
  }, svgText);
  expect(parsed).toMatchObject({ root: 'svg', error: 0 });
  expect(parsed.text).toContain(indicator);
  // The footnote: unit, period and the export date travel with the picture.
  expect(parsed.text).toMatch(/导出于 \d{4}-\d{2}-\d{2}/);
  expect(parsed.text).toContain('时期：');

  // The menu stayed open through the downloads; a click elsewhere closes it.
  await page.getByTestId('trend').locator('h2').click();
  await expect(page.getByTestId('trend-export-png')).toBeHidden();

  expect(await cspViolations(page)).toEqual([]);
});

test('CSV starts with the BOM, neutralizes formula text and keeps -3.5 a number; XLSX cells are typed with no formulas; hostile labels give valid SVG; copy puts a PNG on the clipboard', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN });
  await watchCsp(page);
  await openFresh(page);
  await importReportTable(page);
  await openMenu(page, 'comparison');

  const csv = await download(page, 'comparison-export-csv');
  expect(csv.file.suggestedFilename()).toMatch(/\.csv$/);
  expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
  const text = csv.bytes.toString('utf8');
  expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  expect(text).toContain(`'@SUM(A1)`);
  expect(text).toMatch(/,-3\.5,万元,/);
  expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

  const xlsx = await download(page, 'comparison-export-xlsx');
  const book = XLSX.read(xlsx.bytes, { type: 'buffer', cellFormula: true });
  const sheet = book.Sheets[book.SheetNames[0]];
  const cells = Object.entries(sheet).filter(([key]) => !key.startsWith('!')) as [string, XLSX.CellObject][];
  expect(cells.some(([, c]) => c.f !== undefined)).toBe(false);
  const values = cells.map(([, c]) => c);
  expect(values).toContainEqual(expect.objectContaining({ t: 'n', v: -3.5 }));
  expect(values).toContainEqual(expect.objectContaining({ t: 's', v: '=HYPERLINK("http://x","y")' }));
  expect(values).toContainEqual(expect.objectContaining({ t: 's', v: '地区' }));

  const svg = await download(page, 'comparison-export-svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length,
      text: [...doc.getElementsByTagName('text')].map((t) => t.textContent).join('\n'),
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error).toBe(0);
  expect(parsed.text).toContain('<img src=x onerror="window.__pwned=1">&');
  expect(parsed.text).toContain('=HYPERLINK("http://x","y")');

  await page.getByTestId('comparison-export-copy').click();
  await expect(page.getByTestId('comparison-export-status')).toContainText('已复制');
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item.getType('image/png');
    const bitmap = await createImageBitmap(blob);
    return { types: item.types, width: bitmap.width, height: bitmap.height };
  });
  expect(copied).toEqual({ types: ['image/png'], width: 2400, height: 1350 });

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await cspViolations(page)).toEqual([]);
});

test('the self-contained HTML opens from file:// with the network off and draws its chart', async ({ page, browser }) => {
  await openFresh(page);
  await chartDrawn(page, 'trend-chart');
  const dir = mkdtempSync(join(tmpdir(), 'export-html-'));

  await openMenu(page, 'trend');
  const single = await download(page, 'trend-export-html');
  const singlePath = join(dir, 'chart.html');
  copyFileSync(await single.file.path(), singlePath);
  const whole = await download(page, 'page-export-html');
  const wholePath = join(dir, 'dashboard.html');
  copyFileSync(await whole.file.path(), wholePath);

  const { view, remote, errors, close } = await offlineView(browser, { width: 1280, height: 1000 });

  await view.goto(pathToFileURL(singlePath).href);
  await expect(view.locator('[data-testid="standalone-chart"][data-drawn="1"]')).toHaveCount(1);
  const inked = await view.locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && px[i] < 200) n++;
    return n;
  });
  expect(inked).toBeGreaterThan(1000);
  // Interactive: hovering the plot draws ECharts' tooltip (rich text, on the canvas) and highlights.
  await view.waitForTimeout(1500);
  const pixels = () => view.locator('canvas').first().evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const before = await pixels();
  const box = (await view.locator('[data-testid="standalone-chart"]').boundingBox())!;
  await view.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(pixels).not.toBe(before);
  await screenshot(view, 'standalone-chart-file');

  await view.goto(pathToFileURL(wholePath).href);
  await expect(view.locator('[data-testid="standalone-chart"][data-drawn="1"]')).toHaveCount(2);
  await expect(view.locator('h1')).toContainText('看板');
  await view.waitForTimeout(1500);
  await screenshot(view, 'standalone-dashboard-file');

  expect(remote).toEqual([]);
  expect(errors).toEqual([]);
  await close();
});

test('an embed served on one loopback port renders inside a page on another, resizes, and sees no IndexedDB', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN });
  await openFresh(page);
  await chartDrawn(page, 'comparison-chart');
  await openMenu(page, 'comparison');
  await page.getByTestId('comparison-export-embed').click();
  const snippet = await page.getByTestId('comparison-export-snippet').inputValue();
  expect(snippet).toContain('<iframe');
  expect(snippet).toContain(`${APP_ORIGIN}/?embed#p=`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

  const server = await embeddingPage(snippet);
  try {
    // A profile where the app never ran: any database found afterwards was opened by the embed.
    const visitor = await browser.newContext();
    const parent = await visitor.newPage();
    await parent.goto(server.url);
    const frame = parent.frameLocator('iframe');
    await expect(frame.locator('[data-testid="standalone-chart"][data-drawn="1"]')).toHaveCount(1, { timeout: 20_000 });
    const iframe = parent.locator('iframe');
    await expect.poll(() => iframe.evaluate((el: HTMLIFrameElement) => parseInt(el.style.height, 10))).toBeGreaterThan(400);
    const embedFrame = parent.frames().find((f) => f.url().includes('embed'))!;
    expect(await embedFrame.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    await screenshot(parent, 'embed-cross-origin');
    await visitor.close();
  } finally {
    server.close();
  }
});

test('print: A4 landscape PDF with vector charts and no buttons or menus', async ({ page }) => {
  await openFresh(page);
  await chartDrawn(page, 'trend-chart');
  await chartDrawn(page, 'comparison-chart');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('trend-print').locator('svg')).toHaveCount(1);
  await expect(page.getByTestId('comparison-print').locator('svg')).toHaveCount(1);
  await expect(page.getByTestId('trend-chart')).toBeHidden();
  await expect(page.getByTestId('page-print')).toBeHidden();
  await expect(page.getByTestId('trend-export')).toBeHidden();
  await expect(page.getByTestId('import-button')).toBeHidden();
  await page.setViewportSize({ width: 1123, height: 794 });
  await page.screenshot({ path: join(SHOTS, 'print-media.png'), fullPage: true });
  const pdf = await page.pdf({ path: join(SHOTS, 'dashboard-print.pdf'), preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // A4 landscape: 842 × 595 points.
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
  expect(box).not.toBeNull();
  expect(Math.round(Number(box![1]))).toBe(842);
  expect(Math.round(Number(box![2]))).toBe(595);
  const raw = pdf.toString('latin1');
  // Charts are vectors and text, not pictures: the PDF holds no raster image at all, and its
  // Chinese text is real text in an embedded CJK font.
  expect(raw).not.toMatch(/\/Subtype\s*\/Image/);
  expect(raw).toMatch(/\/FontName \/[A-Z]+\+NotoSansCJK/);
  expect(raw.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
});
