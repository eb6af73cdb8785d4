import { test, expect } from '@playwright/test';
import { chartDrawn, openFresh, screenshot } from './helpers';

test('first visit shows the sample data, both charts and the table', async ({ page }) => {
  await openFresh(page);
  await expect(page.getByTestId('sample-notice')).toBeVisible();
  await chartDrawn(page, 'trend-chart');
  await chartDrawn(page, 'comparison-chart');
  await expect(page.getByTestId('observation-table').locator('tbody tr').first()).toBeVisible();
  await screenshot(page, 'dashboard-1920');
  await page.setViewportSize({ width: 1024, height: 768 });
  await chartDrawn(page, 'trend-chart');
  await screenshot(page, 'dashboard-1024');
});

test('the language switch is remembered and sets <html lang>', async ({ page }) => {
  await openFresh(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('nav-datasets')).toHaveText('Datasets');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByTestId('nav-datasets')).toHaveText('Datasets');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await chartDrawn(page, 'trend-chart');
  await screenshot(page, 'dashboard-en-1920');
});

test('one click removes the sample data, and it does not come back after a reload', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('remove-sample').click();
  await expect(page.getByTestId('no-data')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('no-data')).toBeVisible();
  await expect(page.getByTestId('sample-notice')).toHaveCount(0);
});
