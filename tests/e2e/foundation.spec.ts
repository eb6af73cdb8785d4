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
