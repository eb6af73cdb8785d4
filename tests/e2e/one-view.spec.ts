/**
 * One view, every destination (issue 19): for each tab of one indicator, the saved page, the
 * embed and the printed page say what the dashboard says (the same numbers, ranks and words),
 * and a slide of the view says it too. What is compared is what a reader reads: each chart's
 * description (ECharts writes the model's summary into the chart's aria-label: its values,
 * its first and last, its best), the KPI cards' values and 同比, the ranking table's cells.
 */
import { test, expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_ORIGIN, chartDrawn, chooseIndicator, embeddingPage, offlineView, openFresh } from './helpers';

const AREA = '保护性耕作面积';
const own = (name: string) => join(process.cwd(), 'tests', 'e2e', 'fixtures', name);

/** What a reader reads off one view. */
interface Reading {
  charts: string[];
  cards: string[];
  rows: string[][];
}

const texts = (l: Locator) => l.evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
const labels = (l: Locator) => l.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
const cells = (l: Locator) =>
  l.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );

/** The dashboard's view: its drawn charts, KPI cards and ranking rows. */
async function dashboard(page: Page): Promise<Reading> {
  const main = page.locator('.main');
  return {
    charts: await labels(main.locator('[data-testid$="-chart"][data-drawn]:not([data-drawn="0"])')),
    cards: await texts(main.getByTestId('kpi').getByTestId('kpi-card').locator('[data-testid=kpi-value], .yoy')),
    rows: await cells(main.getByTestId('ranking-table').locator('tbody tr')),
  };
}

/** A saved page's or an embed's view, once its charts have drawn. */
async function standalone(view: Page | FrameLocator, charts: number): Promise<Reading> {
  await expect(view.locator('[data-testid="standalone-chart"][data-drawn="1"]')).toHaveCount(charts, { timeout: 20_000 });
  return {
    charts: await labels(view.locator('[data-testid="standalone-chart"]')),
    cards: await texts(
      view.getByTestId('standalone-kpi-card').locator('[data-testid=standalone-kpi-value], [data-testid=standalone-kpi-yoy]'),
    ),
    rows: await cells(view.getByTestId('standalone-rank-row')),
  };
}

test.use({ viewport: { width: 1920, height: 1080 } });

test('a saved page, an embed and a printed page say what the dashboard says, for every view kind', async ({ page, browser, context }) => {
  test.setTimeout(240_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN });
  await openFresh(page);
  await chooseIndicator(page, AREA);
  await page.getByTestId('boundary-input').setInputFiles(own('boundary-squares.geojson'));
  await chartDrawn(page, 'map-chart');
  const dir = mkdtempSync(join(tmpdir(), 'one-view-'));
  const { view, errors, close } = await offlineView(browser, { width: 1920, height: 1080 });
  const visitor = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const parent = await visitor.newPage();

  // The trend and comparison tabs save and embed the page's two charts (PageExport): the saved
  // page holds the tab's chart and the other one, each as the dashboard draws it.
  let both: string[] = [];
  const pageCharts = (app: Reading) => (app.charts.length === 1 && both.includes(app.charts[0]!) ? 2 : app.charts.length);
  const asSaved = (app: Reading): Reading => (pageCharts(app) === 2 ? { ...app, charts: both } : app);

  const tabs: [string, string[]][] = [
    ['overview', ['trend-chart', 'comparison-chart']],
    ['trend', ['trend-chart']],
    ['comparison', ['comparison-chart']],
    ['ranking', []],
    ['multiples', ['multiples-chart']],
    ['map', ['map-chart']],
  ];
  for (const [tab, drawn] of tabs) {
    await page.getByTestId(`view-tab-${tab}`).click();
    await expect(page.getByTestId(`view-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    for (const id of drawn) await chartDrawn(page, id);
    if (tab === 'ranking') await expect(page.getByTestId('ranking-table')).toBeVisible();
    const app = await dashboard(page);
    if (tab === 'overview') both = app.charts;
    expect(app.charts.length + app.cards.length + app.rows.length, tab).toBeGreaterThan(0);
    // Every chart says its numbers in words (not only its title).
    for (const label of app.charts) expect(label, tab).toMatch(/\d/);

    // Printed: the same page under the print stylesheet.
    await page.emulateMedia({ media: 'print' });
    expect(await dashboard(page), `${tab} printed`).toEqual(app);
    await page.emulateMedia({ media: 'screen' });

    // Saved as a page, opened offline.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('page-export-html').click()]);
    const path = join(dir, `${tab}.html`);
    copyFileSync(await file.path(), path);
    await view.goto(pathToFileURL(path).href);
    expect(await standalone(view, pageCharts(app)), `${tab} saved page`).toEqual(asSaved(app));

    // Embedded in another site.
    await page.getByTestId('page-export-embed').click();
    const snippet = await page.getByTestId('page-export-snippet').inputValue();
    const server = await embeddingPage(snippet);
    try {
      await parent.goto(server.url);
      expect(await standalone(parent.frameLocator('iframe'), pageCharts(app)), `${tab} embed`).toEqual(asSaved(app));
    } finally {
      server.close();
    }
  }
  expect(errors).toEqual([]);
  await visitor.close();
  await close();
});

test('a slide says what the dashboard says: the trend, the comparison and the overview’s number', async ({ page }) => {
  test.setTimeout(120_000);
  await openFresh(page);
  await chooseIndicator(page, AREA);
  const saved: [string, string, string][] = [
    ['trend', 'trend-chart', '趋势一页'],
    ['comparison', 'comparison-chart', '对比一页'],
    ['overview', '', '数字一页'],
  ];
  const want: string[] = [];
  for (const [tab, chart, name] of saved) {
    await page.getByTestId(`view-tab-${tab}`).click();
    if (chart) {
      await chartDrawn(page, chart);
      want.push((await page.getByTestId(chart).getAttribute('aria-label')) ?? '');
    } else {
      // The KPI slide shows the view's first region: the overview's first card.
      want.push(await page.getByTestId('kpi').getByTestId('kpi-value').first().innerText());
    }
    await page.getByTestId('save-view').click();
    await page.getByTestId('save-view-name').fill(name);
    await page.getByTestId('save-view-submit').click();
    await expect(page.getByTestId('save-view-done')).toContainText(name);
  }

  await page.goto('/?page=briefing');
  await page.getByTestId('deck-new').click();
  for (const [k, [, , name]] of saved.entries()) {
    await page.getByTestId('view-item').filter({ hasText: name }).getByTestId('view-add').click();
    await expect(page.getByTestId('slide-item')).toHaveCount(k + 1);
  }
  await page.getByTestId('deck-present').click();
  const stage = page.getByTestId('presenting-stage');
  const counter = stage.getByTestId('slide-counter');
  for (let i = 0; i < saved.length; i++) {
    await expect(counter).toHaveText(`${i + 1} / ${saved.length}`);
    if (saved[i]![1]) {
      const slideChart = stage.locator('[data-drawn]:not([data-drawn="0"])');
      await expect(slideChart).toHaveCount(1);
      // The stage keeps its chart between slides: wait for the next slide's option.
      await expect(slideChart, saved[i]![0]).toHaveAttribute('aria-label', want[i]!);
    } else {
      await expect(stage.getByTestId('slide-kpi-value')).toHaveText(want[i]!);
    }
    await page.keyboard.press('ArrowRight');
  }
});

/** Each card of a 按地区 view as `indicator value`, in order. */
const regionCards = (l: Locator, value: string) =>
  l.evaluateAll(
    (els, v) => els.map((e) => `${e.getAttribute('data-indicator')} ${(e.querySelector(`[data-testid=${v}]`)?.textContent ?? '').trim()}`),
    value,
  );

test('按地区 saves as a page and goes on a slide, each saying the tab’s numbers; an old link to the overview (view=kpi) opens it', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // A link made before the overview was renamed.
  await openFresh(page, `/?view=kpi&ind=${encodeURIComponent(AREA)}`);
  await expect(page.getByTestId('view-tab-overview')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('kpi').getByTestId('kpi-card').first()).toBeVisible();

  await page.getByTestId('view-tab-region').click();
  await page.getByTestId('region-focus').selectOption({ label: '道里区' });
  const cards = page.getByTestId('region-card');
  await expect(cards.filter({ hasText: '6.04万亩' })).toHaveCount(1);
  const app = await regionCards(cards, 'region-card-value');
  expect(app).toContain(`${AREA} 6.04万亩`);

  // Saved as a page, opened offline: the same cards in the same order.
  const { view, errors, close } = await offlineView(browser, { width: 1920, height: 1080 });
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('page-export-html').click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'one-view-region-')), 'region.html');
  copyFileSync(await file.path(), path);
  await view.goto(pathToFileURL(path).href);
  await expect(view.getByTestId('standalone-region-card').first()).toBeVisible();
  expect(await regionCards(view.getByTestId('standalone-region-card'), 'standalone-region-value')).toEqual(app);
  await expect(view.locator('h2').first()).toHaveText('道里区：各项指标');
  expect(errors).toEqual([]);
  await close();

  // Saved as a view, on a slide: the tab's first cards.
  await page.getByTestId('save-view').click();
  await page.getByTestId('save-view-name').fill('道里区一页');
  await page.getByTestId('save-view-submit').click();
  await expect(page.getByTestId('save-view-done')).toContainText('道里区一页');
  await page.goto('/?page=briefing');
  await page.getByTestId('deck-new').click();
  await page.getByTestId('view-item').filter({ hasText: '道里区一页' }).getByTestId('view-add').click();
  await expect(page.getByTestId('slide-item')).toHaveCount(1);
  // Listed as what it shows, not as a chart.
  await expect(page.getByTestId('slide-item').locator('.kind')).toHaveText('按地区页');
  await page.getByTestId('deck-present').click();
  const slideCards = page.getByTestId('presenting-stage').getByTestId('slide-region-card');
  await expect(slideCards.first()).toBeVisible();
  expect(await regionCards(slideCards, 'slide-region-value')).toEqual(app.slice(0, 8));
  // The card's trend line fills its (slide-sized) box, not the corner it was drawn for at tab size.
  const fill = await slideCards
    .first()
    .locator('svg')
    .evaluate((svg) => svg.querySelector('path')!.getBoundingClientRect().width / svg.getBoundingClientRect().width);
  expect(fill).toBeGreaterThan(0.9);
  // The sample's region has more cards than a slide holds, so the slide says how many are left out.
  expect(app.length).toBeGreaterThan(8);
  const more = `另有 ${app.length - 8} 项指标未列出，见看板“按地区”。`;
  await expect(page.getByTestId('presenting-stage')).toContainText(more);
  await page.keyboard.press('Escape');

  // The deck saved as a page draws the same slide: its first 8 cards and how many more there are.
  const deckPage = await offlineView(browser, { width: 1920, height: 1080 });
  const [deckFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deck-export-html').click()]);
  const deckPath = join(mkdtempSync(join(tmpdir(), 'one-view-region-deck-')), 'deck.html');
  copyFileSync(await deckFile.path(), deckPath);
  await deckPage.view.goto(pathToFileURL(deckPath).href);
  const savedSlide = deckPage.view.getByTestId('standalone-slide-region');
  await expect(savedSlide.getByTestId('standalone-region-card')).toHaveCount(8);
  expect(await regionCards(savedSlide.getByTestId('standalone-region-card'), 'standalone-region-value')).toEqual(app.slice(0, 8));
  await expect(savedSlide.getByTestId('standalone-slide-region-more')).toHaveText(more);
  expect(deckPage.errors).toEqual([]);
  await deckPage.close();
});
