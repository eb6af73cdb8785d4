/**
 * Issue 18, the layout engineer's items: ranks on every destination, printed overviews, the
 * projector's comparison slide, hostile names and boundary files, binary files named .csv.
 */
import { test, expect, type Page } from '@playwright/test';
import { chartDrawn, openFresh, screenshot } from './helpers';

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

test('a comparison of chosen regions ranks them among all regions on screen, on the slide and on paper', async ({ page }) => {
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

  await page.getByTestId('deck-present').click();
  await expect(page.getByTestId('presenting')).toBeVisible();
  const stage = page.getByTestId('presenting-stage');
  await expect(stage.locator('[data-drawn]').first()).toHaveAttribute('data-drawn', /[1-9]/);
  await screenshot(page, 'layout-rank-slide-projector');
});
