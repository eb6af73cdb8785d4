import { test, expect } from '@playwright/test';
import { openFresh, screenshot } from './helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

test('按地区: every indicator of one region, kept in the URL, each card opening its overview', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('view-tab-region').click();
  await expect(page.getByTestId('view-tab-region')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('region-card').first()).toBeVisible();

  await page.getByTestId('region-focus').selectOption({ label: '道里区' });
  await expect(page).toHaveURL(/region=%E9%81%93%E9%87%8C%E5%8C%BA/);
  const card = (name: string) => page.locator(`[data-testid="region-card"][data-indicator="${name}"]`);
  await expect(card('保护性耕作面积').getByTestId('region-card-value')).toHaveText('6.04万亩');
  await expect(card('秸秆还田率').getByTestId('region-card-value')).toHaveText('65.73%');
  await expect(card('保护性耕作面积').locator('svg path')).toHaveAttribute('d', /^M.+L/);
  // The quoted reports wrote it 哈尔滨市道里区 (230102): their indicators are this region's too.
  await expect(card('整改任务数').getByTestId('region-card-value')).toHaveText('12项');

  // It prints: the heading names the region; the picker, the buttons and the links stay off paper.
  await expect(page.getByTestId('page-print')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('region-dashboard').locator('h2')).toHaveText('道里区：各项指标');
  await expect(page.getByTestId('region-focus')).toBeHidden();
  await expect(page.getByTestId('page-print')).toBeHidden();
  await expect(card('保护性耕作面积').getByTestId('region-card-open')).toBeHidden();
  await expect(card('保护性耕作面积').getByTestId('region-card-value')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  for (const [w, h] of [
    [1920, 1080],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `region-dashboard-${w}`);
  }
  await page.setViewportSize({ width: 1920, height: 1080 });

  // A reload restores the tab and the region.
  await page.reload();
  await expect(page.getByTestId('view-tab-region')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('region-focus')).toHaveValue('道里区');
  await expect(card('秸秆还田率').getByTestId('region-card-value')).toHaveText('65.73%');

  // A link that names the region as another report wrote it opens the same region.
  await page.goto(`/?region=${encodeURIComponent('哈尔滨市道里区')}`);
  await expect(page.getByTestId('region-focus')).toHaveValue('道里区');
  await expect(card('保护性耕作面积').getByTestId('region-card-value')).toHaveText('6.04万亩');

  // A card's button opens that indicator's overview and leaves the tab.
  await card('秸秆还田率').getByTestId('region-card-open').click();
  await expect(page.getByTestId('view-tab-overview')).toHaveAttribute('aria-selected', 'true');
  await expect(page).not.toHaveURL(/region=/);
  await expect(page).toHaveURL(/ind=%E7%A7%B8%E7%A7%86%E8%BF%98%E7%94%B0%E7%8E%87/);
  await expect(page.getByTestId('kpi').first()).toBeVisible();
});
