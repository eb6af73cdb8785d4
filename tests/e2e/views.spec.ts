import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { chartDrawn, chooseIndicator, fixture, importAndShow, openFresh, screenshot } from './helpers';

const AREA = '保护性耕作面积';
const own = (name: string) => join(process.cwd(), 'tests', 'e2e', 'fixtures', name);

/** Move the mouse across a chart so that its tooltips show. */
async function hover(page: Page, testid: string): Promise<void> {
  const box = await page.getByTestId(testid).boundingBox();
  if (!box) return;
  for (let i = 1; i < 12; i++) {
    for (const fy of [0.35, 0.6, 0.8]) {
      await page.mouse.move(box.x + (box.width * i) / 12, box.y + box.height * fy);
    }
  }
}

/** Screenshots of the current view at the two sizes a leader sees. */
async function shots(page: Page, name: string, chart?: string): Promise<void> {
  for (const [w, h] of [
    [1920, 1080],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    if (chart) await chartDrawn(page, chart);
    await screenshot(page, `views-${name}-${w}`);
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
}

test.use({ viewport: { width: 1920, height: 1080 } });

test('every view on the sample data, with numbers matching the stored data', async ({ page }) => {
  await openFresh(page);
  await chooseIndicator(page, AREA);

  // Overview: KPI cards with units, trend and comparison.
  await expect(page.getByTestId('view-tab-overview')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('kpi-card').first()).toBeVisible();
  await expect(page.getByTestId('kpi-card').filter({ hasText: '合计' }).getByTestId('kpi-value')).toHaveText('729.30万亩'); // two decimals, as 6.04万亩 (one format per indicator)
  await chartDrawn(page, 'trend-chart');
  await chartDrawn(page, 'comparison-chart');
  // The table keeps the region as the report wrote it beside the name it is shown under.
  const written = page.getByTestId('observation-table').locator('tr', { hasText: '原文：哈尔滨市道里区' });
  await expect(written.first()).toContainText('道里区');
  await shots(page, 'overview', 'trend-chart');

  // Trend, indexed to 2019 = 100, over a period range.
  await page.getByTestId('view-tab-trend').click();
  await page.getByTestId('period-from').selectOption('2019');
  await page.getByTestId('index-base').selectOption('2019');
  await chartDrawn(page, 'trend-chart');
  await expect(page.getByTestId('comparison')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('base')).toBe('2019');
  await shots(page, 'trend', 'trend-chart');

  // Comparison, grouped across periods.
  await page.getByTestId('view-tab-comparison').click();
  await page.getByTestId('grouped').check();
  await chartDrawn(page, 'comparison-chart');
  await expect(page.getByTestId('trend')).toHaveCount(0);
  await shots(page, 'comparison-grouped', 'comparison-chart');

  // Ranking: 道里区 2024 is 6.04万亩 in the sample; 合计 is left out; ranks follow the values.
  await page.getByTestId('view-tab-ranking').click();
  const ranking = page.getByTestId('ranking-table');
  const daoli = ranking.locator('tr[data-region="道里区"]');
  await expect(daoli.getByTestId('value')).toHaveText('6.04万亩');
  await expect(ranking.locator('tr[data-region="合计"]')).toHaveCount(0);
  await expect(ranking.locator('tbody tr').first()).toHaveAttribute('data-region', '双城区');
  await expect(ranking.locator('tbody tr').first().getByTestId('rank')).toHaveText('1');
  // 18 districts. The quoted reports' 哈尔滨市道里区 has 道里区's code (230102): it is the same
  // region, not a 19th tied with it.
  await expect(ranking.locator('tbody tr')).toHaveCount(18);
  await expect(ranking.locator('tr[data-region="哈尔滨市道里区"]')).toHaveCount(0);
  await expect(daoli).toContainText('▲'); // 5.64 → 6.04万亩
  await expect(daoli.locator('svg path')).toHaveAttribute('d', /^M/);
  await shots(page, 'ranking');

  // Small multiples: one panel per region.
  await page.getByTestId('view-tab-multiples').click();
  await chartDrawn(page, 'multiples-chart');
  await shots(page, 'multiples', 'multiples-chart');

  // The keyboard reaches and moves between the tabs.
  await page.getByTestId('view-tab-multiples').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('view-tab-ranking')).toBeFocused();
  await expect(page.getByTestId('view-tab-ranking')).toHaveAttribute('aria-selected', 'true');
});

test('a URL restores a view exactly, and back restores the previous one', async ({ page }) => {
  await openFresh(page);
  const url = `/?view=ranking&ind=${encodeURIComponent(AREA)}&p=2023&r=${encodeURIComponent('道里区')}&r=${encodeURIComponent('南岗区')}`;
  await page.goto(url);
  await expect(page.getByTestId('view-tab-ranking')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('ranking')).toContainText(`${AREA}：排名（2023年）`);
  await expect(page.getByTestId('ranking-table').locator('tr[data-region="道里区"]').getByTestId('value')).toHaveText('5.64万亩');
  await expect(page.getByTestId('period-select')).toHaveValue('2023');
  const checked = page.getByTestId('region-list').locator('input:checked');
  await expect(checked).toHaveCount(2);

  await page.getByTestId('view-tab-trend').click();
  await chartDrawn(page, 'trend-chart');
  expect(new URL(page.url()).searchParams.get('view')).toBe('trend');
  await page.goBack();
  await expect(page.getByTestId('view-tab-ranking')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('ranking')).toContainText('（2023年）');
  expect(new URL(page.url()).searchParams.getAll('r')).toEqual(['道里区', '南岗区']);

  // Another indicator: the address follows once its values have drawn (explorer.update), and
  // back returns to the one before.
  await chooseIndicator(page, '秸秆还田率');
  await expect(page.getByTestId('ranking')).toContainText('秸秆还田率：排名');
  await expect.poll(() => new URL(page.url()).searchParams.get('ind')).toBe('秸秆还田率');
  await page.goBack();
  await expect(page.getByTestId('view-tab-ranking')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('ranking')).toContainText(`${AREA}：排名（2023年）`);
});

test('regions are grouped by parent code and searchable', async ({ page }) => {
  await openFresh(page);
  await chooseIndicator(page, AREA);
  const list = page.getByTestId('region-list');
  // Headed by the parent's name (黑龙江省 230000, then 哈尔滨市 230100), never by the bare code.
  await expect(list.locator('li.group').first()).toContainText('黑龙江省');
  await expect(list.locator('li.group', { hasText: '哈尔滨市' })).toHaveCount(1);
  await expect(list.locator('li.group', { hasText: '230100 所辖' })).toHaveCount(0);
  await page.getByTestId('region-search').fill('道');
  await expect(list.locator('label')).toHaveText(['道里区', '道外区']);
  await expect(list.locator('label', { hasText: '香坊区' })).toHaveCount(0);
});

test('indicator settings change the charts at once; the arrangement is saved', async ({ page }) => {
  await openFresh(page);
  await chooseIndicator(page, AREA);
  await page.getByTestId('indicator-settings').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('settings-name').fill('保护性耕作');
  await page.getByTestId('settings-unit').fill('亩');
  await page.getByTestId('settings-add-target').click();
  const target = dialog.getByTestId('settings-target').last();
  await target.locator('input').nth(0).fill('道里区');
  await target.locator('input').nth(1).fill('2024');
  await target.locator('input').nth(2).fill('80000');
  await screenshot(page, 'views-settings-1920');
  await page.getByTestId('settings-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('trend')).toContainText('保护性耕作：趋势');

  await page.getByTestId('view-tab-ranking').click();
  const daoli = page.getByTestId('ranking-table').locator('tr[data-region="道里区"]');
  await expect(daoli.getByTestId('value')).toHaveText('60,400亩');
  // 60 400 of 80 000 亩 by the end of 2024, read at 2024: the deadline has come, so missed (issue 18).
  await expect(daoli.getByTestId('light')).toHaveText('未完成 差19,600亩');
  await expect(daoli).toContainText('75.5%');

  // Arrange the overview: ranking shown and first, the table hidden; saved for this indicator.
  await page.getByTestId('view-tab-overview').click();
  await page.getByTestId('layout-edit').click();
  await page.getByTestId('layout-show-ranking').check();
  await page.getByTestId('layout-show-table').uncheck();
  for (let i = 0; i < 3; i++) await page.getByTestId('layout-up-ranking').click();
  await page.getByTestId('layout-scope-indicator').check();
  await page.getByTestId('layout-save').click();
  await expect(page.getByTestId('layout-saved')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('ranking-table')).toBeVisible({ timeout: 30_000 });
  const order = await page.getByTestId('overview').locator(':scope > .slot').evaluateAll((els) => els.map((e) => e.getAttribute('data-panel')));
  expect(order).toEqual(['ranking', 'kpi', 'trend', 'comparison']);
  await expect(page.getByTestId('observation-table')).toHaveCount(0);
});

test('the map view appears only with an uploaded boundary file and lists what did not match', async ({ page }) => {
  await openFresh(page);
  await chooseIndicator(page, AREA);
  await expect(page.getByTestId('view-tab-map')).toHaveCount(0);
  await page.getByTestId('boundary-input').setInputFiles(fixture('hostile-proto.json'));
  await expect(page.getByTestId('boundary-status')).toContainText('不是');
  await page.getByTestId('boundary-input').setInputFiles(own('boundary-squares.geojson'));
  await expect(page.getByTestId('view-tab-map')).toHaveAttribute('aria-selected', 'true');
  await chartDrawn(page, 'map-chart');
  // 哈尔滨市道里区 of the quoted reports is drawn as 道里区, which the boundary file has.
  await expect(page.getByTestId('unmatched-regions').locator('li')).toHaveText(['五常市']);
  await expect(page.getByTestId('unmatched-features')).toHaveText('虚构区');
  await page.getByTestId('map-caption-input').fill('底图：测试用方块（非真实边界）；审图号：GS(2099)0000号');
  await page.getByTestId('map-caption-save').click();
  await expect(page.getByTestId('map-caption')).toHaveText('底图：测试用方块（非真实边界）；审图号：GS(2099)0000号');
  await hover(page, 'map-chart');
  await shots(page, 'map', 'map-chart');
  await page.reload();
  await expect(page.getByTestId('map-caption')).toContainText('GS(2099)0000', { timeout: 30_000 });
});

test('every view on an imported file: ties, gaps and traffic lights', async ({ page }) => {
  await openFresh(page);
  await importAndShow(page, own('views-import.csv'));
  await chooseIndicator(page, '造林面积');
  await expect(page.getByTestId('kpi-card').filter({ hasText: '丁县' }).getByTestId('kpi-value')).toHaveText('3.6万亩');
  await chartDrawn(page, 'trend-chart');
  await shots(page, 'import-overview', 'trend-chart');

  await page.getByTestId('view-tab-ranking').click();
  const rows = page.getByTestId('ranking-table').locator('tbody tr');
  await expect(rows.getByTestId('rank')).toHaveText(['1', '2并列', '2并列', '4']);
  // 2024 targets read at 2024, their deadline: not reached is 未完成 with the gap (issue 18), 丁县 met.
  await expect(page.getByTestId('ranking-table').locator('tr[data-region="甲县"] [data-testid="light"]')).toHaveText('未完成 差0.1万亩');
  await expect(page.getByTestId('ranking-table').locator('tr[data-region="乙县"] [data-testid="light"]')).toHaveText('未完成 差0.6万亩');
  await expect(page.getByTestId('ranking-table').locator('tr[data-region="丙县"] [data-testid="light"]')).toHaveText('未完成 差1万亩');
  await expect(page.getByTestId('ranking-table').locator('tr[data-region="丁县"] [data-testid="light"]')).toHaveText('正常');
  // 丁县 has no 2022 value: its sparkline breaks instead of drawing through a zero.
  await expect(page.getByTestId('ranking-table').locator('tr[data-region="丁县"] svg path')).toHaveAttribute('d', /^M[\d. ]+h0M/);
  await shots(page, 'import-ranking');

  for (const [kind, chart] of [
    ['trend', 'trend-chart'],
    ['comparison', 'comparison-chart'],
    ['multiples', 'multiples-chart'],
  ] as const) {
    await page.getByTestId(`view-tab-${kind}`).click();
    await chartDrawn(page, chart);
    await shots(page, `import-${kind}`, chart);
  }
});

test('hostile names go through every view as text and run no script', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) violations.push(m.text());
  });
  await openFresh(page);
  await importAndShow(page, fixture('hostile-script-formula.csv'));
  await chooseIndicator(page, AREA);
  await page.getByTestId('boundary-input').setInputFiles(own('boundary-squares.geojson'));
  const hostile = '<img src=x onerror="window.__pwned=1">';

  for (const [kind, chart] of [
    ['overview', 'trend-chart'],
    ['trend', 'trend-chart'],
    ['comparison', 'comparison-chart'],
    ['ranking', undefined],
    ['multiples', 'multiples-chart'],
    ['map', 'map-chart'],
  ] as const) {
    await page.getByTestId(`view-tab-${kind}`).click();
    if (chart) {
      await chartDrawn(page, chart);
      await hover(page, chart);
    }
    if (kind === 'overview') await hover(page, 'comparison-chart');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }
  await page.getByTestId('view-tab-ranking').click();
  await expect(page.getByTestId('ranking-table').locator('td.region', { hasText: hostile })).toHaveText(hostile);
  await page.getByTestId('view-tab-map').click();
  await expect(page.getByTestId('unmatched-regions')).toContainText(hostile);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await shots(page, 'hostile-map', 'map-chart');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(violations).toEqual([]);
});
