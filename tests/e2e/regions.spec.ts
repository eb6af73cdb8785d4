/**
 * Issue 22: administrative divisions in the app. A file of names only is matched to division
 * codes on import (and correctable in the preview), the region picker groups province → city →
 * county with "all counties of X", a city's bar drills into its counties and back, and a
 * boundary file keyed by name is drawn through the codes.
 */
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chartDrawn, chooseIndicator, DB_NAME, importAndShow, importFile, openFresh, screenshot } from './helpers';

const own = (name: string) => join(process.cwd(), 'tests', 'e2e', 'fixtures', 'regions', name);
const GRAIN = '粮食播种面积';
const HARBIN_COUNTIES = ['道里区', '南岗区', '道外区', '平房区', '松北区', '香坊区', '呼兰区', '阿城区', '双城区', '依兰县', '方正县', '宾县', '巴彦县', '木兰县', '通河县', '延寿县', '尚志市', '五常市'];

/** A fresh profile with the Heilongjiang file of names only imported and its 粮食播种面积 chosen. */
async function openGrain(page: Page): Promise<void> {
  await openFresh(page);
  await importAndShow(page, own('heilongjiang-names.csv'));
  await chooseIndicator(page, GRAIN, { clearSearch: true });
}

test('the import preview shows each region\'s match and takes a correction', async ({ page }) => {
  await openFresh(page);
  await importFile(page, own('names-to-correct.csv'));
  const matches = page.getByTestId('region-matches');
  await expect(page.getByTestId('region-match-summary')).toHaveText('3 个地区：已对应 1 个，需确认 1 个，未对应 1 个（按原文保留）');
  const gulou = matches.locator('tr[data-region="鼓楼区"]');
  await expect(gulou).toHaveAttribute('data-status', 'ambiguous');
  await expect(gulou.getByTestId('region-candidates').locator('option')).toHaveText([
    '选择…',
    '江苏省 南京市 鼓楼区（320106）',
    '江苏省 徐州市 鼓楼区（320302）',
    '福建省 福州市 鼓楼区（350102）',
    '河南省 开封市 鼓楼区（410204）',
  ]);
  await screenshot(page, 'regions-import-preview-1920');
  // 鼓楼区: the user says which.
  await gulou.getByTestId('region-candidates').selectOption('350102');
  await expect(matches.locator('tr[data-region="鼓楼区"]')).toHaveAttribute('data-status', 'matched');
  await expect(matches.locator('tr[data-region="鼓楼区"]')).toContainText('福建省 福州市 鼓楼区（350102）');
  // 阿城市 (撤县设区: now 阿城区): named by the user, remembered as an alias.
  const acheng = matches.locator('tr[data-region="阿城市"]');
  await acheng.getByTestId('region-rename').fill('哈尔滨市阿城区');
  await acheng.getByTestId('region-rename-apply').click();
  await expect(matches.locator('tr[data-region="阿城市"]')).toHaveAttribute('data-status', 'matched');
  await expect(page.getByTestId('region-match-summary')).toHaveText('3 个地区：已对应 3 个，需确认 0 个，未对应 0 个（按原文保留）');
  // The records as stored carry the codes: the 按地区 picker's groups and the map use them.
  await screenshot(page, 'regions-import-corrected-1920');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  // The alias is applied to a later import of the old name, with no question.
  await page.getByTestId('import-show').click();
  await importFile(page, own('names-to-correct.csv'));
  await expect(page.getByTestId('region-matches').locator('tr[data-region="阿城市"]')).toContainText('按您保存的别名');
});

test('a name kept as written in the preview is remembered: the next import keeps it too', async ({ page }) => {
  await openFresh(page);
  await importFile(page, own('names-to-correct.csv'));
  // 鼓楼区 is in four cities: the user keeps it as the file wrote it.
  const gulou = page.getByTestId('region-matches').locator('tr[data-region="鼓楼区"]');
  await expect(gulou).toHaveAttribute('data-status', 'ambiguous');
  await gulou.getByTestId('region-keep').click();
  await expect(page.getByTestId('region-matches').locator('tr[data-region="鼓楼区"]')).toHaveAttribute('data-status', 'unmatched');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  // Stored as an alias with no code: the views' matching of stored names leaves it alone too.
  const aliases = await page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('regionAliases').objectStore('regionAliases').getAll();
          get.onsuccess = () => (resolve(get.result), open.result.close());
        };
      }),
    DB_NAME,
  );
  expect(aliases).toContainEqual({ alias: '鼓楼区', code: '' });
  await page.getByTestId('import-show').click();
  await importFile(page, own('names-to-correct.csv'));
  const again = page.getByTestId('region-matches').locator('tr[data-region="鼓楼区"]');
  await expect(again).toHaveAttribute('data-status', 'unmatched');
  await expect(again).toContainText('按原文保留');
});

test('the picker groups province → city → county; "all counties of 哈尔滨市" is one choice; the keyboard walks it as one list', async ({ page }) => {
  await openGrain(page);
  const list = page.getByTestId('region-list');
  await expect(list.locator('li.group').first()).toHaveText('黑龙江省');
  await expect(list.locator('li.group', { hasText: '哈尔滨市' })).toHaveCount(1);
  const all = list.locator('[data-testid="region-all-counties"][data-code="230100"]');
  await all.check();
  // Kept as a rule, not a frozen list: a county imported later is one of them.
  await expect.poll(() => new URL(page.url()).searchParams.getAll('r')).toEqual(['@counties:230100']);
  await expect(all).toBeChecked();
  await chartDrawn(page, 'trend-chart');
  await screenshot(page, 'regions-picker-all-counties-1920');
  // The keyboard: from the all-counties box, ArrowDown goes to the next row (道里区), End to the last.
  await all.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('type', 'checkbox');
  await expect(list.locator('li:has(input:focus)')).toContainText('道里区');
  await page.keyboard.press('Space');
  await expect.poll(() => new URL(page.url()).searchParams.getAll('r')).not.toContain('道里区');
  await expect(all).not.toBeChecked();
  // Only the rows in sight are drawn.
  expect(await list.locator('li').count()).toBeLessThan(50);
});

test('a county-name-only file is matched and drawn on a user map keyed by name', async ({ page }) => {
  await openGrain(page);
  await page.getByTestId('boundary-input').setInputFiles(own('harbin-counties-by-name.geojson'));
  await chartDrawn(page, 'map-chart');
  // Both sides met on division codes (the file writes 哈尔滨市道里区, the data 道里区): every county found its feature.
  await expect(page.getByTestId('map-join')).toHaveValue('code');
  const unmatchedFeatures = page.getByTestId('unmatched-features');
  await expect(unmatchedFeatures).toHaveCount(0);
  const unmatched = await page.getByTestId('unmatched-regions').locator('li').allTextContents();
  for (const county of HARBIN_COUNTIES) expect(unmatched.join('|')).not.toContain(county);
  await screenshot(page, 'regions-map-by-name-1920');
});

test('a city is drilled into its counties and back; the city is shown apart with its counties\' roll-up', async ({ page }) => {
  await openGrain(page);
  await page.getByTestId('view-tab-comparison').click();
  await chartDrawn(page, 'comparison-chart');
  // By default one level: the cities, not the city among its counties. The first (largest)
  // bar is 哈尔滨市's: a click on it opens its counties.
  const chart = page.getByTestId('comparison-chart');
  const drill = page.getByTestId('region-drill');
  // The drill bar arrives after the first charts, above the chart: measured once it is there.
  await expect(drill.getByTestId('drill-into')).toBeVisible();
  const box = (await chart.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.3, box.y + 100);
  // The drill is kept as the rule "the children of 哈尔滨市".
  await expect.poll(() => new URL(page.url()).searchParams.getAll('r')).toEqual(['@children:230100']);
  await expect(drill.getByTestId('drill-at')).toHaveText('当前：哈尔滨市 下辖地区');
  await expect(drill.getByTestId('drill-parent-value')).toContainText('哈尔滨市 合计（本级，单独列出）：880');
  await expect(drill.getByTestId('drill-rollup')).toContainText('由区县汇总（计算值，非上报值）');
  await expect(drill.getByTestId('drill-differs')).toContainText('哈尔滨市 上报');
  await chartDrawn(page, 'comparison-chart');
  await screenshot(page, 'regions-drilled-1920');
  await drill.getByTestId('drill-back').click();
  await expect.poll(() => new URL(page.url()).searchParams.getAll('r')).toEqual(['@children:230000']);
  // The cities are the parts of 黑龙江省, and the bar says so.
  await expect(page.getByTestId('drill-at')).toHaveText('当前：黑龙江省 下辖地区');
  await expect(page.getByTestId('drill-parent-value')).toHaveCount(0);
  // The keyboard's way down: the list of regions with parts.
  await drill.getByTestId('drill-into').selectOption('哈尔滨市');
  await expect.poll(() => new URL(page.url()).searchParams.getAll('r')).toEqual(['@children:230100']);
});

test('a province\'s city map drills down to the county map when both boundary files are loaded, and back', async ({ page }) => {
  // Two boundary files and two maps drawn: over a minute on a busy two-core machine.
  test.setTimeout(120_000);
  await openGrain(page);
  await page.getByTestId('boundary-input').setInputFiles(own('harbin-counties-by-name.geojson'));
  await chartDrawn(page, 'map-chart');
  // Joined through the division table: the file writes 哈尔滨市道里区, the data 道里区.
  await expect(page.getByTestId('map-join')).toHaveValue('code');
  await page.getByTestId('boundary-input').setInputFiles(own('heilongjiang-cities.geojson'));
  await expect(page.getByTestId('boundary-status')).toContainText('heilongjiang-cities.geojson');
  await chartDrawn(page, 'map-chart');
  const map = page.getByTestId('map-chart');
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('map-drill-back')).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.getAll('r')).toEqual(['@children:230100']);
  await expect(page.getByTestId('map-property')).toHaveValue('adcode');
  await chartDrawn(page, 'map-chart');
  await screenshot(page, 'regions-map-drilled-1920');
  await page.getByTestId('map-drill-back').click();
  await expect(page.getByTestId('map-drill-back')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.getAll('r')).toEqual([]);
});

/** Restore a backup file from the datasets page, replacing the workspace. */
async function restoreReplacing(page: Page, file: string): Promise<void> {
  await page.getByTestId('nav-datasets').click();
  await page.getByTestId('restore-replace').check();
  await page.getByTestId('restore-input').setInputFiles(file);
  await expect(page.getByTestId('backup-message')).toContainText('已恢复', { timeout: 30_000 });
}

/** The codes the database's region list holds (read in the page, without the app's code). */
async function storedRegionCodes(page: Page): Promise<(string | undefined)[]> {
  return page.evaluate(
    (name) =>
      new Promise<(string | undefined)[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('regions').objectStore('regions').getAll();
          all.onsuccess = () => resolve((all.result as { code?: string }[]).map((r) => r.code));
          all.onerror = () => reject(all.error);
        };
      }),
    DB_NAME,
  );
}

test('an old dataset of county names stored without codes is matched at view time and drilled; nothing stored changes', async ({ page }) => {
  test.setTimeout(120_000);
  await openFresh(page);
  await importAndShow(page, own('heilongjiang-names.csv'));
  // A backup as a build before the division table wrote it: the same data with no codes.
  await page.getByTestId('nav-datasets').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
  const dir = mkdtempSync(join(tmpdir(), 'regions-old-'));
  const file = join(dir, 'backup.json');
  await download.saveAs(file);
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  for (const c of backup.observations) c.regionCode = c.regionCode.map(() => null);
  for (const r of backup.regions) {
    delete r.code;
    delete r.parentCode;
    delete r.level;
  }
  const old = join(dir, 'old-backup.json');
  writeFileSync(old, JSON.stringify(backup));
  await restoreReplacing(page, old);
  expect((await storedRegionCodes(page)).filter((c) => c !== undefined)).toEqual([]);

  await page.getByTestId('nav-dashboard').click();
  await chooseIndicator(page, GRAIN, { clearSearch: true });
  await page.getByTestId('view-tab-comparison').click();
  await chartDrawn(page, 'comparison-chart');
  // Once the table has loaded, 哈尔滨市 (by name only) has parts: it can be drilled into.
  const drill = page.getByTestId('region-drill');
  await expect(drill.getByTestId('drill-into').locator('option', { hasText: '哈尔滨市' })).toHaveCount(1);
  await drill.getByTestId('drill-into').selectOption('哈尔滨市');
  await expect.poll(() => new URL(page.url()).searchParams.getAll('r')).toEqual(['@children:230100']);
  await expect(drill.getByTestId('drill-at')).toHaveText('当前：哈尔滨市 下辖地区');
  await expect(drill.getByTestId('drill-rollup')).toContainText('由 18 个下级汇总');
  // The picker groups the old names under their divisions.
  await expect(page.getByTestId('region-list').locator('li.group').first()).toHaveText('黑龙江省');
  await chartDrawn(page, 'comparison-chart');
  await screenshot(page, 'regions-old-data-drilled-1920');
  // Matched in the views only: the stored regions still have no codes.
  expect((await storedRegionCodes(page)).filter((c) => c !== undefined)).toEqual([]);
});

test('the note on disagreeing values lists a city\'s reported value against its counties\' sum', async ({ page }) => {
  await openGrain(page);
  const note = page.getByTestId('conflicts-parts');
  await expect(note.locator('summary')).toHaveText('有 2 处地区的上报值与其下级汇总不一致（点击查看）');
  await note.locator('summary').click();
  const items = note.getByTestId('conflict-parts');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: '2024年' })).toHaveText(/哈尔滨市 2024年：上报 880(\.0)?万亩，18 个下级汇总为 900\.9万亩/);
  await expect(items.filter({ hasText: '2023年' })).toHaveText(/哈尔滨市 2023年：上报 800(\.0)?万亩，18 个下级汇总为 819(\.0)?万亩/);
  await expect(note).toContainText('图表照常采用上报值');
  await screenshot(page, 'regions-conflicts-parts-1920');
});

test('the reported value against its parts\' sum goes with the chart: picture, data rows, saved page, embed, print', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await openGrain(page);
  await page.getByTestId('view-tab-comparison').click();
  await chartDrawn(page, 'comparison-chart');
  // Found once the division table has loaded: the page's note says it first.
  await expect(page.getByTestId('conflicts-parts').locator('summary')).toContainText('有 2 处');
  const line = /哈尔滨市 2024年：上报 880(\.0)?万亩，18 个下级汇总为 900\.9万亩/;
  const menu = page.getByTestId('comparison-export');
  await menu.locator('summary').click();
  const download = async (testid: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    return { path: await file.path(), text: readFileSync(await file.path()).toString('utf8') };
  };
  // The comparison draws 2024 only: its copies say 2024's disagreement, not 2023's.
  const svg = (await download('comparison-export-svg')).text;
  expect(svg).toMatch(/有 1 处地区的上报值与其下级汇总不一致/);
  expect(svg).toMatch(line);
  expect(svg).not.toContain('2023年：上报');
  const csv = (await download('comparison-export-csv')).text;
  expect(csv).toMatch(line);
  const saved = await download('comparison-export-html');
  const dir = mkdtempSync(join(tmpdir(), 'regions-parts-'));
  writeFileSync(join(dir, 'chart.html'), readFileSync(saved.path));
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const view = await context.newPage();
    await view.goto(`file://${join(dir, 'chart.html')}`);
    await expect(view.locator('[data-testid="standalone-chart"][data-drawn="1"]')).toHaveCount(1, { timeout: 20_000 });
    await expect(view.getByTestId('standalone-note')).toContainText(line);
    await view.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', 'regions-parts-saved-page.png') });
    // The embed carries the same document.
    await page.getByTestId('comparison-export-embed').click();
    const snippet = page.getByTestId('comparison-export-snippet');
    await expect(snippet).toHaveValue(/<iframe/);
    const src = /src="([^"]+)"/.exec(await snippet.inputValue())![1]!.replace(/&amp;/g, '&');
    const embed = await context.newPage();
    await embed.goto(src);
    await expect(embed.locator('[data-testid="standalone-chart"][data-drawn="1"]')).toHaveCount(1, { timeout: 20_000 });
    await expect(embed.getByTestId('standalone-note')).toContainText(line);
  } finally {
    await context.close();
  }
  // On paper: the same lines as the exports.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('conflicts-parts-print')).toContainText('注：有 2 处地区的上报值与其下级汇总不一致');
  await expect(page.getByTestId('conflicts-parts-print')).toContainText(line);
});

test('"the children of 哈尔滨市" saved in a link still shows a county imported later', async ({ page }) => {
  test.setTimeout(120_000);
  await openFresh(page);
  await importAndShow(page, own('harbin-without-wuchang.csv'));
  const link = `/?view=ranking&ind=${encodeURIComponent(GRAIN)}&r=${encodeURIComponent('@children:230100')}`;
  await page.goto(link);
  const table = page.getByTestId('ranking-table');
  await expect(table.locator('tbody tr')).toHaveCount(17);
  await expect(table.locator('tr[data-region="五常市"]')).toHaveCount(0);
  await expect(page.getByTestId('drill-at')).toHaveText('当前：哈尔滨市 下辖地区');
  // The ranks are counted among 哈尔滨's counties, and the table says so.
  await expect(page.getByTestId('ranking-note')).toHaveText('名次为哈尔滨市所辖 17 个区县中的名次');
  // Another file brings 五常市; the same link now ranks it among 哈尔滨's 18 counties.
  await importAndShow(page, own('wuchang-later.csv'));
  await page.goto(link);
  await expect(table.locator('tbody tr')).toHaveCount(18);
  await expect(table.locator('tr[data-region="五常市"]')).toHaveCount(1);
  // Ranked among the counties only: 哈尔滨市 and the other cities are not in the list.
  await expect(table.locator('tr[data-region="哈尔滨市"]')).toHaveCount(0);
  await expect(page.getByTestId('ranking-note')).toHaveText('名次为哈尔滨市所辖 18 个区县中的名次');
  await screenshot(page, 'regions-children-rule-ranking-1920');
});
