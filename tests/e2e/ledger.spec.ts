import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { fixture, openFresh, screenshot, SHOTS } from './helpers';

/** Lights are coloured for the user's calendar day: every test here runs on 2024-07-12 in Beijing. */
async function openLedgerPage(page: Page): Promise<void> {
  await page.clock.setFixedTime(new Date('2024-07-12T10:00:00+08:00'));
  await page.goto('/?page=ledger');
  await expect(page.getByTestId('ledger-page')).toBeVisible({ timeout: 30_000 });
}

async function importLedger(page: Page, name: string, tasks: number): Promise<void> {
  await page.getByTestId('ledger-file').setInputFiles(fixture(`ledger/${name}`));
  await expect(page.getByTestId('ledger-notice')).toContainText(`${tasks} 项任务`, { timeout: 30_000 });
}

/** The entries of a ZIP read from its central directory (stored or deflated), as text. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, string>();
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const offset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    const data = bytes.subarray(start, start + size);
    out.set(name, new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

test.describe('rectification ledger', () => {
  test('import a ledger, change a task, see its colour and history, undo, present, export Excel with fills', async ({ page }) => {
    test.setTimeout(150_000);
    await openLedgerPage(page);
    await expect(page.getByTestId('ledger-empty')).toBeVisible();
    await importLedger(page, 'gbk-title-merged.csv', 5);

    // 逾期 first: 加大黑土剥离利用力度 was due 2024-06-30 (and its continuation row with it).
    const overdue = page.getByTestId('ledger-overdue');
    await expect(overdue).toContainText('加大黑土剥离利用力度');
    await expect(overdue).toContainText('逾期 12 天');
    await expect(page.getByTestId('ledger-counts')).toContainText('红 2 · 黄 1 · 绿 1 · 灰 1');
    await screenshot(page, 'ledger-board-1920');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'ledger-board-1024');
    await page.setViewportSize({ width: 1920, height: 1080 });

    // The task 制定道里区专项规划: 80% planned, 60% done, 20 points behind: yellow, said in words.
    await page.getByTestId('ledger-board').getByRole('button', { name: /制定道里区专项规划/ }).click();
    const task = page.getByTestId('ledger-task');
    await expect(task.getByTestId('light').first()).toHaveAttribute('data-colour', 'yellow');
    await expect(task.getByTestId('light').first()).toContainText('黄灯 滞后 20 个百分点');

    // Actual progress down to 45%: 35 points behind, red; the history says so.
    await task.getByTestId('task-actual').fill('45');
    await task.getByTestId('task-save').click();
    await expect(task.getByTestId('task-message')).toContainText('红灯（滞后 35 个百分点）');
    await expect(task.getByTestId('light').first()).toHaveAttribute('data-colour', 'red');
    const history = task.getByTestId('task-history');
    await expect(history.locator('li[data-kind="colour"]').first()).toContainText('黄灯 → 红灯（滞后 35 个百分点）');
    await expect(history.locator('li[data-kind="edit"]').first()).toContainText('实际进度：60% → 45%');

    // Undo: yellow again, and the history keeps both changes (the edit marked undone).
    await page.getByTestId('ledger-undo').click();
    await expect(page.getByTestId('ledger-notice')).toContainText('已撤销：制定道里区专项规划');
    await expect(task.getByTestId('light').first()).toHaveAttribute('data-colour', 'yellow');
    await expect(history.locator('li[data-kind="colour"]').first()).toContainText('红灯 → 黄灯');
    await expect(history.locator('li[data-kind="undo"]')).toHaveCount(1);
    await expect(history.locator('li[data-kind="edit"]').first()).toContainText('已撤销');

    // 销号 needs an approver; with one it is grey.
    await task.getByTestId('task-closed-on').fill('2024-07-10');
    await task.getByTestId('task-close-save').click();
    await expect(task.getByTestId('task-message')).toContainText('审批人');
    await task.getByTestId('task-approver').fill('李某');
    await task.getByTestId('task-close-save').click();
    await expect(task.getByTestId('light').first()).toHaveAttribute('data-colour', 'grey');
    await expect(task.getByTestId('task-status')).toContainText('已销号');
    await screenshot(page, 'ledger-task-1920');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'ledger-task-1024');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await task.getByTestId('task-back').click();

    // The summary slide: done 2 (two 销号), in progress 1, overdue 2, the overdue list in large type.
    await page.getByTestId('ledger-present').click();
    const slide = page.getByTestId('ledger-slide-summary');
    await expect(slide).toBeVisible();
    await expect(slide.getByTestId('slide-done')).toContainText('2');
    await expect(slide.getByTestId('slide-overdue')).toContainText('2');
    await expect(slide.getByTestId('slide-overdue-list')).toContainText('加大黑土剥离利用力度');
    const size = await slide.getByTestId('slide-overdue-list').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
    await screenshot(page, 'ledger-slide-summary-1920');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('ledger-slide-board')).toBeVisible();
    await expect(page.getByTestId('ledger-slide-board')).toContainText('红灯 · 逾期 12 天');
    await screenshot(page, 'ledger-slide-board-1920');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'ledger-slide-board-1024');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('ledger-presenting')).toBeHidden();
    await page.setViewportSize({ width: 1920, height: 1080 });

    // Excel: the light cells filled, and the colour in words in the same cell.
    await page.getByTestId('ledger-export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const files = unzip(new Uint8Array(readFileSync((await download.path()) as string)));
    const sheet = files.get('xl/worksheets/sheet1.xml') as string;
    const styles = files.get('xl/styles.xml') as string;
    const fills = [...styles.matchAll(/<fill>(.*?)<\/fill>/g)].map((m) => /rgb="(\w+)"/.exec(m[1])?.[1]);
    const xfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/fillId="(\d+)"/g)].map((m) => Number(m[1]));
    const cells = [...sheet.matchAll(/<c r="([A-Z]+)(\d+)" s="(\d+)" t="inlineStr"><is><t xml:space="preserve">(红灯|黄灯|绿灯|灰灯)<\/t>/g)].map((m) => ({
      word: m[4],
      fill: fills[xfs[Number(m[3])]],
    }));
    expect(cells).toHaveLength(5);
    const fillOf = (word: string) => cells.find((c) => c.word === word)?.fill;
    expect(fillOf('红灯')).toBe('FFFF7875');
    expect(fillOf('绿灯')).toBe('FF95DE64');
    expect(fillOf('灰灯')).toBe('FFD9D9D9');
    expect(sheet).toContain('逾期 12 天');

    // The board as a picture: a PNG of the SVG board, twice its size.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export-png').click()]);
    const picture = readFileSync((await png.path()) as string);
    expect([...picture.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(picture.readUInt32BE(16)).toBe(3200);
    await png.saveAs(join(SHOTS, 'ledger-board-export.png'));

    // CSV and the saved page download too.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export-csv').click()]);
    expect(readFileSync((await csv.path()) as string, 'utf8')).toContain('灯色');
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export-html').click()]);
    const saved = readFileSync((await html.path()) as string, 'utf8');
    expect(saved).toContain('逾期 12 天');
    expect(saved).not.toMatch(/<script/i);
  });

  test('the sample ledger opens from the empty page; a task tied to an indicator shows completion from the stored data', async ({ page }) => {
    // Many views of 38 tasks on a two-core machine shared with other runs.
    test.setTimeout(150_000);
    await openLedgerPage(page);
    await page.getByTestId('ledger-open-sample').click();
    await expect(page.getByTestId('ledger-notice')).toContainText('38 项任务', { timeout: 30_000 });
    // The board filtered by a unit, then as a region × category matrix.
    await expect(page.getByTestId('ledger-counts')).toContainText('38 项任务');
    await page.getByTestId('ledger-filter-unit').selectOption('市水务局');
    await expect(page.getByTestId('ledger-counts')).not.toContainText('38 项任务');
    await page.getByTestId('ledger-filter-unit').selectOption({ index: 0 });
    await page.getByTestId('ledger-layout-matrix').check();
    const matrix = page.getByTestId('ledger-matrix');
    await expect(matrix.getByRole('rowheader', { name: '沧州市' })).toBeVisible();
    await expect(matrix.getByRole('columnheader', { name: '回头看' })).toBeVisible();
    await screenshot(page, 'ledger-matrix-1920');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'ledger-matrix-1024');
    await page.setViewportSize({ width: 1920, height: 1080 });

    await page.getByTestId('ledger-tab-list').click();
    await page.getByTestId('ledger-list').getByRole('button', { name: /华北大漏斗黑龙港流域地下水治理/ }).click();
    const linked = page.getByTestId('task-indicator');
    await expect(linked).toContainText('1.14亿立方米 / 0.92亿立方米 = 124%', { timeout: 30_000 });
    await expect(linked).toContainText('完成');
    await expect(linked).toContainText('当前值取自已导入的数据集（沧州市 · 2021）');
    await expect(page.getByTestId('task-indicator-chart')).toHaveAttribute('data-drawn', /[1-9]/);
    await linked.screenshot({ path: join(SHOTS, 'ledger-linked-chart.png') });
    await screenshot(page, 'ledger-linked-1920');
    await page.getByTestId('task-back').click();
    await page.getByTestId('ledger-tab-progress').click();
    await expect(page.getByTestId('ledger-burnup-chart')).toHaveAttribute('data-drawn', /[1-9]/);
    await expect(page.getByTestId('ledger-rank-units')).toBeVisible();
    await screenshot(page, 'ledger-progress-1920');
    // The progress chart as pictures: SVG with its title and the day, PNG at twice 1200 × 600.
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-burnup-svg').click()]);
    expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
    const svgText = readFileSync((await svgFile.path()) as string, 'utf8');
    expect(svgText.startsWith('<svg')).toBe(true);
    expect(svgText).toContain('示例整改台账 · 销号进度（累计销号数与序时应完成数）');
    expect(svgText).toContain('数据截至 2024-07-12');
    const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-burnup-png').click()]);
    const burnup = readFileSync((await pngFile.path()) as string);
    expect([...burnup.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(burnup.readUInt32BE(16)).toBe(2400);
    // In English the lights' reasons are said in English too.
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('ledger-tab-board').click();
    await expect(page.getByTestId('ledger-overdue')).toContainText('Overdue (9)');
    await expect(page.getByTestId('ledger-board').getByTestId('light').first()).toContainText(/Red .*days overdue/);
    await screenshot(page, 'ledger-board-en-1920');
    await page.getByTestId('language').selectOption('zh');

    await page.getByTestId('ledger-tab-rules').click();
    await expect(page.getByTestId('ledger-rules-sentence')).toContainText('超过 30 个百分点');
    await page.getByTestId('rule-red').fill('20');
    await page.getByTestId('rules-apply').click();
    await expect(page.getByTestId('ledger-rules-sentence')).toContainText('超过 20 个百分点');
    await screenshot(page, 'ledger-rules-1920');
  });

  test('a hostile ledger renders as text: script in a task name, formula cells', async ({ page }) => {
    await openLedgerPage(page);
    await importLedger(page, 'hostile.csv', 3);
    await page.getByTestId('ledger-tab-list').click();
    const list = page.getByTestId('ledger-list');
    await expect(list).toContainText('<img src=x onerror="window.__pwned=1">');
    await expect(list).toContainText('<script>alert(1)</script>');
    await expect(list).toContainText('=HYPERLINK("http://evil.example","问题")');
    await expect(list.locator('img')).toHaveCount(0);
    await expect(page.locator('[data-testid="ledger-page"] script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    // A column named __proto__ is an ordinary column: kept, and shown on the task's page.
    await list.getByRole('button', { name: /<img/ }).click();
    await expect(page.getByTestId('task-extra')).toContainText('__proto__polluted');
    await page.getByTestId('task-back').click();
    await page.getByTestId('ledger-tab-list').click();
    await list.getByRole('button', { name: /<script>/ }).click();
    await expect(page.getByTestId('ledger-task')).toContainText('<script>alert(1)</script>');
    await screenshot(page, 'ledger-hostile-1920');
  });

  test('a ledger, its edits and its colour history travel in the workspace backup', async ({ page, browser }) => {
    // Two profiles, the second loading its sample data before the restore.
    test.setTimeout(150_000);
    await openLedgerPage(page);
    await importLedger(page, 'gbk-title-merged.csv', 5);
    await page.getByTestId('ledger-board').getByRole('button', { name: /制定道里区专项规划/ }).click();
    await page.getByTestId('task-actual').fill('45');
    await page.getByTestId('task-save').click();
    await expect(page.getByTestId('task-message')).toContainText('红灯');

    await page.getByTestId('nav-datasets').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'ledger-backup-')), download.suggestedFilename());
    await download.saveAs(file);
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { version: number; tables: Record<string, { name?: string; kind?: string }[]> };
    expect(backup.version).toBe(3);
    expect(backup.tables.ledgers.map((l) => l.name)).toEqual(['gbk-title-merged']);
    expect(backup.tables.ledgerTasks).toHaveLength(5);
    expect(backup.tables.ledgerEvents.filter((e) => e.kind === 'edit')).toHaveLength(1);

    // A fresh profile restores it (replace): the ledger, the edit and the colours are back.
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await openFresh(other);
    await other.getByTestId('nav-datasets').click();
    await other.getByTestId('restore-replace').check();
    await other.getByTestId('restore-input').setInputFiles(file);
    await expect(other.getByTestId('backup-message')).toContainText('已恢复', { timeout: 30_000 });
    // The ledger page on the day it was coloured for (the dashboard's first load ran on a real clock).
    await other.clock.setFixedTime(new Date('2024-07-12T10:00:00+08:00'));
    await other.goto('/?page=ledger');
    await other.getByTestId('ledger-board').getByRole('button', { name: /制定道里区专项规划/ }).click();
    const history = other.getByTestId('task-history');
    await expect(history.locator('li[data-kind="edit"]')).toContainText('实际进度：60% → 45%');
    await expect(history.locator('li[data-kind="colour"]').first()).toContainText('黄灯 → 红灯');
    await fresh.close();
  });
});

