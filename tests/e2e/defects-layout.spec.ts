/**
 * Issue 18, the layout engineer's items: ranks on every destination, printed overviews, the
 * projector's comparison slide, hostile names and boundary files, binary files named .csv.
 */
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chartDrawn, importFile, offlineView, openFresh, screenshot, SHOTS, showImported } from './helpers';

const STRAW = '秸秆还田率';
/** 秸秆还田率 2024 in the sample: 方正县 13th, 木兰县 14th, 宾县 18th of 18 regions (合计 not ranked). */
const CHOSEN = ['方正县', '木兰县', '宾县'];
const EXPECTED_LABELS = ['13. 方正县', '14. 木兰县', '18. 宾县'];

/** The text of the SVG copies the print stylesheet shows (drawn on print emulation). */
async function printedSvgText(page: Page, testid: string): Promise<string> {
  const svg = page.getByTestId(testid).locator('svg').first();
  await expect(svg).toBeAttached();
  return (await svg.textContent()) ?? '';
}

test('a comparison of chosen regions ranks them among all regions on screen, on the slide and on paper', async ({ page, browser }) => {
  await openFresh(page);
  const query = CHOSEN.map((r) => `r=${encodeURIComponent(r)}`).join('&');
  await page.goto(`/?view=comparison&ind=${encodeURIComponent(STRAW)}&p=2024&${query}`);
  await chartDrawn(page, 'comparison-chart');
  await screenshot(page, 'layout-rank-dashboard-1920');

  // The dashboard's printed copy (the same builder as the canvas).
  await page.emulateMedia({ media: 'print' });
  const dashboard = await printedSvgText(page, 'comparison-print');
  for (const label of EXPECTED_LABELS) expect(dashboard).toContain(label);
  expect(dashboard).not.toContain('1. 方正县');
  expect(dashboard).toContain('全部 18 个地区');
  await page.emulateMedia({ media: 'screen' });

  // Save it as a view, put it on a new deck, and print and present the deck.
  await page.getByTestId('save-view').click();
  await page.getByTestId('save-view-name').fill('还田率三县');
  await page.getByTestId('save-view-kind').selectOption('1');
  await page.getByTestId('save-view-submit').click();
  await expect(page.getByTestId('save-view-done')).toContainText('还田率三县');
  await page.getByTestId('nav-briefing').click();
  await page.getByTestId('deck-new').click();
  await page.getByTestId('view-item').filter({ hasText: '还田率三县' }).getByTestId('view-add').click();
  await expect(page.getByTestId('slide-item')).toHaveCount(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('deck-print-page')).toHaveCount(1);
  const printed = await printedSvgText(page, 'deck-print');
  for (const label of EXPECTED_LABELS) expect(printed).toContain(label);
  expect(printed).not.toContain('1. 方正县');
  await page.emulateMedia({ media: 'screen' });

  // The deck's saved page carries every region of the comparison, so it ranks them the same.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deck-export-html').click()]);
  const saved = join(mkdtempSync(join(tmpdir(), 'rank-deck-')), 'deck.html');
  copyFileSync(await file.path(), saved);
  const { view, errors, close } = await offlineView(browser, { width: 1920, height: 1080 });
  await view.goto(pathToFileURL(saved).href);
  await expect(view.locator('[data-testid="standalone-chart"][data-drawn="1"]')).toHaveCount(1);
  await screenshot(view, 'layout-rank-saved-deck-1920');
  expect(errors).toEqual([]);
  await close();

  await page.getByTestId('deck-present').click();
  await expect(page.getByTestId('presenting')).toBeVisible();
  const stage = page.getByTestId('presenting-stage');
  await expect(stage.locator('[data-drawn]').first()).toHaveAttribute('data-drawn', /[1-9]/);
  await screenshot(page, 'layout-rank-slide-projector');
});

/** What the pixels of the presented slide's chart canvas say about its reference line and previous-period bars. */
interface SlidePixels {
  width: number;
  height: number;
  axis: number;
  barRows: number;
  /** Column of the reference line (the longest white run right of the axis). */
  lineX: number;
  /** Rows (bar centres) where the line shows white over a whole label-high band: a label crossed. */
  crossed: number[];
  /** Pixels of a light grey (the previous period's bars), fully visible on black. */
  ghostPixels: number;
  /** The legend icon's colour contrast against the background. */
  legendContrast: number;
}

async function slidePixels(page: Page): Promise<SlidePixels> {
  const canvas = page.getByTestId('presenting-stage').locator('canvas').first();
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const { width, height } = c;
    const px = ctx.getImageData(0, 0, width, height).data;
    const at = (x: number, y: number) => {
      const i = (y * width + x) * 4;
      return [px[i]!, px[i + 1]!, px[i + 2]!];
    };
    const white = ([r, g, b]: number[]) => r! > 230 && g! > 230 && b! > 230;
    const lum = (rgb: number[]) =>
      rgb.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const contrast = (a: number[], b: number[]) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    // White run length per column in the plot's middle band (rows 20%–85%).
    const top = Math.round(height * 0.2);
    const bottom = Math.round(height * 0.85);
    const runs: number[] = [];
    for (let x = 0; x < width; x++) {
      let n = 0;
      for (let y = top; y < bottom; y++) if (white(at(x, y))) n++;
      runs.push(n);
    }
    const coloured = ([r, g, b]: number[]) => Math.max(r!, g!, b!) - Math.min(r!, g!, b!) > 60;
    // The bars start at the axis: the first column with a coloured pixel. The reference line is the
    // longest white column after it.
    let axis = width;
    for (let y = top; y < bottom; y++) {
      for (let x = 0; x < axis; x++) {
        if (coloured(at(x, y))) {
          axis = x;
          break;
        }
      }
    }
    let lineX = -1;
    for (let x = axis + 10; x < width; x++) if (lineX < 0 || runs[x]! > runs[lineX]!) lineX = x;
    // Bar centres: rows where the pixel just right of the axis is neither black nor grey-dark.
    const barRows: number[] = [];
    let inBar = false;
    let start = 0;
    for (let y = 0; y < height; y++) {
      const bar = coloured(at(axis + 4, y));
      if (bar && !inBar) {
        inBar = true;
        start = y;
      } else if (!bar && inBar) {
        inBar = false;
        barRows.push(Math.round((start + y) / 2));
      }
    }
    const band = Math.round(12 * (width / 1920));
    // A label is crossed when the line shows white through its whole height with the label's
    // white glyphs on both sides of it (a line beside a label, or over a bar, is not a crossing).
    const glyphs = (from: number, to: number, y: number) => {
      for (let x = from; x <= to; x++) for (let dy = -band; dy <= band; dy++) if (white(at(x, y + dy))) return true;
      return false;
    };
    const crossed = barRows.filter((y) => {
      for (let dy = -band; dy <= band; dy++) if (!white(at(lineX, y + dy))) return false;
      return glyphs(lineX - 12, lineX - 4, y) && glyphs(lineX + 4, lineX + 12, y);
    });
    let ghostPixels = 0;
    for (let y = top; y < bottom; y++) {
      for (let x = axis + 2; x < width; x++) {
        const [r, g, b] = at(x, y);
        if (Math.abs(r! - g!) < 8 && Math.abs(g! - b!) < 8 && r! >= 150 && r! <= 235) ghostPixels++;
      }
    }
    // The legend sits at the bottom: its icon is the first non-black, non-white pixel from the left there.
    let legendContrast = 0;
    for (let y = Math.round(height * 0.9); y < height && legendContrast === 0; y++) {
      for (let x = 0; x < width; x++) {
        const p = at(x, y);
        if (Math.max(...p) > 20 && !white(p)) {
          // The icon's fill: the median brightness of its non-black pixels.
          const fill: number[][] = [];
          for (let dy = 0; dy < 12; dy++) for (let dx = 0; dx < 20; dx++) if (Math.max(...at(x + dx, y + dy)) > 20) fill.push(at(x + dx, y + dy));
          fill.sort((a, b) => a[0]! - b[0]!);
          legendContrast = contrast(fill[Math.floor(fill.length / 2)]!, [0, 0, 0]);
          break;
        }
      }
    }
    return { width, height, axis, lineX, barRows: barRows.length, crossed, ghostPixels, legendContrast };
  });
}

test('the comparison slide on the projector: no value label crossed by the total line, previous-period bars visible', async ({ page }) => {
  await openFresh(page);
  await page.goto('/?page=briefing&deck=sample-deck&slide=3&present=1');
  const stage = page.getByTestId('presenting-stage');
  await expect(stage.getByTestId('slide-counter')).toHaveText('3 / 5');
  await expect(stage.locator('[data-drawn]').first()).toHaveAttribute('data-drawn', /[1-9]/);
  await page.evaluate(() => document.fonts.ready);
  await screenshot(page, 'layout-straw-slide-projector');
  const pixels = await slidePixels(page);
  console.log(JSON.stringify({ ...pixels }));
  expect(pixels.lineX).toBeGreaterThan(pixels.axis + 100);
  expect(pixels.barRows).toBe(18);
  expect(pixels.crossed).toEqual([]);
  // 18 regions × a bar of the previous period each.
  expect(pixels.ghostPixels).toBeGreaterThan(18 * 2000);
  expect(pixels.legendContrast).toBeGreaterThanOrEqual(3);
});

/** A CSV whose indicator, region and unit are each 100,000 characters long. */
function longNameCsv(): { path: string; indicator: string } {
  const dir = mkdtempSync(join(tmpdir(), 'long-name-'));
  // Latin letters with no break opportunity: a browser can only widen the box around them.
  const indicator = `超长指标${'N'.repeat(100_000)}`;
  const region = `超长地区${'R'.repeat(100_000)}`;
  const unit = `万${'t'.repeat(100_000)}`;
  const lines = ['地区,指标,时期,数值,单位'];
  for (const [r, v] of [
    [region, 5],
    ['道里区', 3],
    ['南岗区', 4],
  ] as const) {
    for (const year of ['2022', '2023', '2024']) lines.push(`${r},${indicator},${year},${v + Number(year) - 2022},${unit}`);
  }
  const path = join(dir, 'long-name.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, indicator };
}

test('a 100,000-character name is shown truncated, the page keeps its width and 显示 is quick; the address stays short', async ({ page }) => {
  test.setTimeout(120_000);
  await openFresh(page);
  const { path, indicator } = longNameCsv();
  await importFile(page, path);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  const started = Date.now();
  await showImported(page);
  await chartDrawn(page, 'trend-chart');
  const showMs = Date.now() - started;
  console.log(JSON.stringify({ showMs }));
  expect(showMs).toBeLessThan(5_000);

  // The page never grows with a name.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1920);
  // The indicator list keeps its clicks: the element at its first option's centre is inside the list.
  const option = page.getByTestId('indicator-list').getByRole('option').first();
  const box = (await option.boundingBox())!;
  const inside = await page.evaluate(
    ({ x, y }) => !!document.elementFromPoint(x, y)?.closest('[data-testid="indicator-list"]'),
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  expect(inside).toBe(true);
  // The whole name is on hover (title), capped; the visible text is short.
  const chosen = page.getByTestId('indicator-list').getByRole('option', { selected: true });
  expect(((await chosen.innerText()) ?? '').length).toBeLessThanOrEqual(210);
  expect(((await chosen.getAttribute('title')) ?? '').length).toBeGreaterThan(200);
  await screenshot(page, 'layout-long-name-1920');
  await page.getByTestId('view-tab-overview').click();
  await expect(page.getByTestId('kpi-card').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
  await screenshot(page, 'layout-long-name-kpi-1920');

  // The address names the indicator by a short key, reloads and opens the same indicator.
  const url = page.url();
  expect(url.length).toBeLessThan(2_000);
  await page.reload();
  await expect(page.getByTestId('indicator-list').getByRole('option', { selected: true })).toHaveAttribute('title', new RegExp(`^${indicator.slice(0, 50)}`));

  // A long region chosen in a comparison is written as a key too, and found again after a reload.
  await page.getByTestId('view-tab-comparison').click();
  await chartDrawn(page, 'comparison-chart');
  await page.getByTestId('region-list').locator('label').filter({ hasText: '南岗区' }).getByRole('checkbox').uncheck();
  await expect(page).toHaveURL(/r=%7Ek[0-9a-f]{16}/);
  expect(page.url().length).toBeLessThan(2_000);
  await page.reload();
  await chartDrawn(page, 'comparison-chart');
  await page.emulateMedia({ media: 'print' });
  const printed = await printedSvgText(page, 'comparison-print');
  expect(printed).toContain('超长地区RRR');
  expect(printed).toContain('道里区');
  expect(printed).not.toContain('南岗区');
  await page.emulateMedia({ media: 'screen' });
  await screenshot(page, 'layout-long-name-comparison-1920');

  // 按地区 of the long region: its address carries the key, and a reload opens the same region.
  await page.getByTestId('view-tab-region').click();
  const focus = page.getByTestId('region-focus');
  const longRegion = await focus.locator('option', { hasText: '超长地区' }).getAttribute('value');
  await focus.selectOption(longRegion!);
  await expect(page).toHaveURL(/region=%7Ek[0-9a-f]{16}/);
  expect(page.url().length).toBeLessThan(2_000);
  await page.reload();
  await expect(page.getByTestId('region-focus')).toHaveValue(longRegion!);
  await expect(page.getByTestId('region-card').first()).toBeVisible();
});

/** A real PNG's first bytes and some binary body: a picture someone renamed `.csv`. */
function pngBytes(): Buffer {
  const body = Buffer.alloc(4096);
  for (let i = 0; i < body.length; i++) body[i] = (i * 131 + 7) % 256;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), body]);
}

test('a binary file renamed .csv is said to be not text, once, with no raw bytes', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('file-input').setInputFiles({ name: '图表.csv', mimeType: 'text/csv', buffer: pngBytes() });
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  const issues = page.getByTestId('issue-list').locator('li');
  await expect(issues.first()).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'layout-binary-csv-1920');
  await expect(issues).toHaveCount(1);
  const text = (await page.getByTestId('import-wizard').innerText()) ?? '';
  expect(text).toContain('不是文本文件');
  expect(text).toContain('PNG');
  // No raw bytes: no replacement characters, no control characters.
  // eslint-disable-next-line no-control-regex -- control characters are what must not show
  expect(text).not.toMatch(/[\uFFFD\u0000-\u0008\u000E-\u001F]/);
});

/** A square feature with the given first coordinate pair. */
const square = (name: string, first: unknown) => ({
  type: 'Feature',
  properties: { name },
  geometry: { type: 'Polygon', coordinates: [[first, [127, 45], [127, 46], [126, 46], [126, 45]]] },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
/** 200,000 arrays inside each other where a ring should be. */
const deep = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"道里区"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(200_000)}${']'.repeat(200_000)}}}]}`;

const BROKEN_BOUNDARIES: [string, string, RegExp][] = [
  ['string coordinates', collection(square('道里区', ['126', '45'])), /坐标/],
  // JSON has no Infinity, but 1e999 parses to it.
  ['infinite coordinates', collection(square('道里区', [0, 45])).replace('[[[0,', '[[[1e999,'), /坐标/],
  ['points only', collection({ type: 'Feature', properties: { name: '道里区' }, geometry: { type: 'Point', coordinates: [126, 45] } }), /点|面/],
  ['200,000-deep nesting', deep, /坐标|层/],
];

test('a broken boundary file is refused with a sentence and nothing stored; one stored earlier says it cannot be drawn and offers removal', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openFresh(page);
  for (const [name, text, sentence] of BROKEN_BOUNDARIES) {
    await page.getByTestId('boundary-input').setInputFiles({ name: `${name}.geojson`, mimeType: 'application/json', buffer: Buffer.from(text) });
    const status = page.getByTestId('boundary-status');
    await expect(status, name).toHaveText(sentence);
    await expect(status, name).not.toContainText('已保存');
  }
  await screenshot(page, 'layout-boundary-refused-1920');
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('indicator-dashboard');
        req.onsuccess = () => {
          const count = req.result.transaction('maps').objectStore('maps').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(stored).toBe(0);
  expect(errors).toEqual([]);

  // A broken file stored by an earlier version: the map says so and offers removal, at each load.
  await page.evaluate(
    (text) =>
      new Promise<void>((resolve) => {
        const req = indexedDB.open('indicator-dashboard');
        req.onsuccess = () => {
          const tx = req.result.transaction('maps', 'readwrite');
          tx.objectStore('maps').put({ id: 'map-broken', name: '坏边界.geojson', caption: '', geojson: text });
          tx.oncomplete = () => resolve();
        };
      }),
    BROKEN_BOUNDARIES[0]![1],
  );
  await page.reload();
  await page.getByTestId('view-tab-map').click();
  const problem = page.getByTestId('map-broken');
  await expect(problem).toContainText('坏边界.geojson');
  await expect(problem).toContainText('坐标');
  await screenshot(page, 'layout-boundary-broken-1920');
  await problem.getByTestId('map-delete').click();
  await expect(page.getByTestId('map-none')).toBeVisible();
  expect(errors).toEqual([]);
});

/** The text of each page of a PDF (pdftotext, one call per page). */
function pdfPages(path: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())?.[1] ?? 0);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), path, '-']).toString(),
  );
}

test('a printed overview says on every page what it shows, fits its cards and charts on page 1, and prints every row', async ({ page }) => {
  test.setTimeout(120_000);
  await openFresh(page);
  await page.goto(`/?view=kpi&ind=${encodeURIComponent(STRAW)}`);
  await chartDrawn(page, 'trend-chart');
  await chartDrawn(page, 'comparison-chart');
  // The rows table arrives after the charts and orders its rows a task later: wait for its count.
  const count = page.getByText(/共 [1-9]\d* 行/).first();
  await expect(count).toBeVisible();
  const rows = Number(/共 (\d+) 行/.exec(await count.innerText())?.[1]);
  expect(rows).toBeGreaterThan(100);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('trend-print').locator('svg')).toBeAttached();
  await expect(page.getByTestId('comparison-print').locator('svg')).toBeAttached();
  // On paper the table holds every row, not the first page of 50.
  await expect(page.getByTestId('observation-table').locator('tbody tr')).toHaveCount(rows);
  const path = join(SHOTS, 'layout-overview-print.pdf');
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '50', path, join(SHOTS, 'layout-overview-print')]);
  const pages = pdfPages(path);
  console.log(JSON.stringify({ pages: pages.length }));
  // Page 1: the heading, the KPI cards and both charts.
  expect(pages[0]).toContain('秸秆还田率各地区对比'.slice(0, 5));
  expect(pages[0]).toMatch(/趋势/);
  expect(pages[0]).toMatch(/各地区对比/);
  // Every page says what it shows: indicator, unit, period, dataset and the date printed.
  for (const [i, text] of pages.entries()) {
    expect(text, `page ${i + 1}`).toContain(STRAW);
    expect(text, `page ${i + 1}`).toMatch(/单位：%/);
    expect(text, `page ${i + 1}`).toMatch(/2019年—2024年/);
    expect(text, `page ${i + 1}`).toMatch(/数据集：/);
    expect(text, `page ${i + 1}`).toMatch(/打印日期：\d{4}-\d{2}-\d{2}/);
  }
  // The table's last row is printed.
  expect(pages.join('\n')).toContain('宾县');
  // Cards and charts on one page, the table after: a handful of pages, not one per panel.
  expect(pages.length).toBeLessThanOrEqual(5);
});
