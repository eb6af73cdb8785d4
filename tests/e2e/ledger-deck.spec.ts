import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixture, offlineView, screenshot } from './helpers';

/** Lights and days overdue are for the user's calendar day: 2024-07-12 in Beijing. */
const NOW = new Date('2024-07-12T10:00:00+08:00');

async function importLedger(page: Page, name: string, tasks: number): Promise<void> {
  await page.clock.setFixedTime(NOW);
  await page.goto('/?page=ledger');
  await expect(page.getByTestId('ledger-page')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('ledger-file').setInputFiles(fixture(`ledger/${name}`));
  await expect(page.getByTestId('ledger-notice')).toContainText(`${tasks} 项任务`, { timeout: 30_000 });
}

/** A new deck on 汇报 holding the ledger's summary slide, then its board slide. */
async function deckWithLedgerSlides(page: Page): Promise<void> {
  await page.goto('/?page=briefing');
  await page.getByTestId('deck-new').click();
  await expect(page.getByTestId('deck-editor')).toBeVisible({ timeout: 30_000 });
  const add = page.getByTestId('add-ledger-slide');
  await add.getByTestId('ledger-slide-show').selectOption('summary');
  await add.getByTestId('add-ledger-slide-button').click();
  await expect(page.getByTestId('slide-item')).toHaveCount(1);
  await add.getByTestId('ledger-slide-show').selectOption('board');
  await add.getByTestId('add-ledger-slide-button').click();
  await expect(page.getByTestId('slide-item')).toHaveCount(2);
}

async function saveDeckPage(page: Page): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deck-export-html').click()]);
  await expect(page.getByTestId('deck-export-status')).toContainText('（2 页）');
  const path = join(mkdtempSync(join(tmpdir(), 'ledger-deck-')), 'deck.html');
  copyFileSync((await file.path()) as string, path);
  return path;
}

test.describe('ledger slides in a deck', () => {
  test('added on 汇报, presented with the ledger’s counts, current after an edit, in the presenter, printed, and saved as a page', async ({ page, browser }) => {
    test.setTimeout(180_000);
    // 5 tasks: 1 已销号, 2 in progress (one 长期坚持), 2 overdue since 2024-06-30.
    await importLedger(page, 'gbk-title-merged.csv', 5);
    await deckWithLedgerSlides(page);
    const items = page.getByTestId('slide-item');
    await expect(items.nth(0)).toContainText('台账页');
    await expect(items.nth(0)).toContainText('台账汇总 · gbk-title-merged');
    await expect(items.nth(1)).toContainText('挂图作战');

    // The editor's preview shows the slide chosen in the list.
    const preview = page.getByTestId('deck-preview');
    await expect(preview).toHaveCount(0);
    await items.nth(0).getByTestId('slide-preview-choose').click();
    await expect(preview.getByTestId('ledger-slide-summary').getByTestId('slide-overdue')).toContainText('2');
    await items.nth(1).getByTestId('slide-preview-choose').click();
    await expect(preview.getByTestId('ledger-slide-board')).toContainText('红灯 · 逾期 12 天');
    await screenshot(page, 'ledger-deck-editor-1920');

    // Presented: the counts, the overdue list in large type, the clicker's key to the board.
    await page.getByTestId('deck-present').click();
    const stage = page.getByTestId('presenting-stage');
    const summary = stage.getByTestId('ledger-slide-summary');
    await expect(summary.getByTestId('slide-done')).toContainText('1');
    await expect(summary.getByTestId('slide-done')).toContainText('其中已销号 1');
    await expect(summary.getByTestId('slide-in-progress')).toContainText('2');
    await expect(summary.getByTestId('slide-overdue')).toContainText('2');
    await expect(summary.getByTestId('slide-overdue-list')).toContainText('加大黑土剥离利用力度 逾期 12 天 区自然资源局');
    await expect(summary.getByTestId('ledger-slide-asof')).toContainText('数据截至 2024-07-12 · 共 5 项任务');
    const size = await summary.getByTestId('slide-overdue-list').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
    await expect(page.getByTestId('slide-counter')).toHaveText('1 / 2');
    await screenshot(page, 'ledger-deck-summary-1920');
    await page.keyboard.press('PageDown');
    await expect(stage.getByTestId('ledger-slide-board')).toContainText('红灯 · 逾期 12 天');
    await expect(page.getByTestId('slide-counter')).toHaveText('2 / 2');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presenting')).toBeHidden();
    const deck = /deck=([^&]+)/.exec(await page.getByTestId('deck-link').inputValue())?.[1] ?? '';
    expect(deck).not.toBe('');
    const at = (mode: string) => `/?page=briefing&deck=${deck}&slide=1${mode}`;

    // On the ledger page one overdue task is done now: the deck's slide says so when shown next.
    await page.goto('/?page=ledger');
    await page.getByTestId('ledger-overdue').getByRole('button', { name: /加大黑土剥离利用力度/ }).first().click();
    const task = page.getByTestId('ledger-task');
    await task.getByTestId('task-status-select').selectOption('done');
    await task.getByTestId('task-save').click();
    await expect(task.getByTestId('task-status')).toContainText('已完成');
    await page.goto(at('&present=1'));
    await expect(page.getByTestId('presenting-stage').getByTestId('ledger-slide-summary').getByTestId('slide-overdue')).toContainText('1', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('presenting-stage').getByTestId('slide-done')).toContainText('2');
    await page.keyboard.press('Escape');

    // The presenter console: this slide and the next.
    await page.goto(at('&presenter=1'));
    const console = page.getByTestId('presenter-console');
    await expect(console.getByTestId('presenter-current').getByTestId('ledger-slide-summary')).toBeVisible({ timeout: 30_000 });
    await expect(console.getByTestId('presenter-next').getByTestId('ledger-slide-board')).toBeVisible();
    await screenshot(page, 'ledger-deck-presenter-1920');

    // Printed with the deck: one A4 page a slide, the lights in words.
    await page.goto(at(''));
    await expect(page.getByTestId('deck-editor')).toBeVisible({ timeout: 30_000 });
    await page.emulateMedia({ media: 'print' });
    const sheets = page.getByTestId('deck-print-page');
    await expect(sheets).toHaveCount(2);
    await expect(sheets.nth(0)).toContainText('逾期 12 天');
    await expect(sheets.nth(1)).toContainText('红灯 · 逾期 12 天');
    await page.emulateMedia({ media: 'screen' });

    // Saved as a page and opened offline from file://: the ledger's slides as of the day, as text.
    const path = await saveDeckPage(page);
    const saved = readFileSync(path, 'utf8');
    // The slides' fields travel; the office's measures stay home.
    expect(saved).toContain('加大黑土剥离利用力度');
    expect(saved).not.toContain('委托技术服务方编制');
    const { view, remote, errors, close } = await offlineView(browser, { width: 1280, height: 800 });
    await view.goto(pathToFileURL(path).href);
    const page1 = view.getByTestId('standalone-ledger-summary');
    await expect(page1.getByTestId('standalone-ledger-asof')).toContainText('数据截至 2024-07-12 · 共 5 项任务');
    await expect(page1.getByTestId('standalone-ledger-overdue-list')).toContainText('加大黑土剥离利用力度');
    await expect(page1.getByTestId('standalone-ledger-overdue-list')).toContainText('逾期 12 天');
    await expect(page1.getByTestId('standalone-ledger-done')).toContainText('2');
    await expect(view.getByTestId('standalone-ledger-board')).toContainText('红灯 · 逾期 12 天');
    await view.screenshot({ path: join('test-results', 'screenshots', 'ledger-deck-saved-page.png'), fullPage: true });
    expect(remote).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  test('a hostile ledger’s slides in a saved deck page are text', async ({ page, browser }) => {
    test.setTimeout(120_000);
    await importLedger(page, 'hostile.csv', 3);
    await deckWithLedgerSlides(page);
    await page.getByTestId('deck-present').click();
    await page.keyboard.press('PageDown');
    const board = page.getByTestId('presenting-stage').getByTestId('ledger-slide-board');
    await expect(board).toContainText('<img src=x onerror="window.__pwned=1">');
    await expect(board).toContainText('<script>alert(1)</script>');
    await expect(board.locator('img, script')).toHaveCount(0);
    await page.keyboard.press('Escape');
    const path = await saveDeckPage(page);
    const { view, errors, close } = await offlineView(browser, { width: 1280, height: 800 });
    await view.goto(pathToFileURL(path).href);
    const slide = view.getByTestId('standalone-ledger-board');
    await expect(slide).toContainText('<img src=x onerror="window.__pwned=1">');
    await expect(slide).toContainText('=HYPERLINK("http://evil.example","问题")');
    await expect(slide).toContainText('<script>alert(1)</script>');
    await expect(view.locator('body img')).toHaveCount(0);
    expect(await view.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await close();
  });
});
