import { test, expect } from '@playwright/test';
import { fixture, importFile, openFresh, screenshot } from './helpers';

test('delete a dataset and restore it exactly', async ({ page }) => {
  await openFresh(page);
  await page.getByTestId('nav-datasets').click();
  const card = page.getByTestId('dataset-card').filter({ hasText: '示例数据：多年分地区指标' });
  const rows = await card.getByTestId('dataset-rows').innerText();
  await screenshot(page, 'datasets-1920');
  await card.getByTestId('delete').click();
  await expect(card).toHaveCount(0);
  await page.getByTestId('deleted-list').getByTestId('undo-delete').first().click();
  const back = page.getByTestId('dataset-card').filter({ hasText: '示例数据：多年分地区指标' });
  await expect(back.getByTestId('dataset-rows')).toHaveText(rows);
  await page.reload();
  await page.getByTestId('nav-datasets').click();
  await expect(back.getByTestId('dataset-rows')).toHaveText(rows);
});

test('import a new version of a dataset, then restore the previous version', async ({ page }) => {
  await openFresh(page);
  await importFile(page, fixture('bad-value.csv'));
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByTestId('import-done').getByRole('button', { name: '关闭', exact: true }).click();
  await page.getByTestId('nav-datasets').click();
  const card = page.getByTestId('dataset-card').filter({ hasText: 'bad-value.csv' });
  await expect(card.getByTestId('dataset-rows')).toHaveText('3');

  await card.getByTestId('replace').click();
  await page.getByTestId('dataset-file-input').setInputFiles(fixture('utf8-bom-long-codes.csv'));
  await page.getByTestId('import-into').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByTestId('import-done').getByRole('button', { name: '关闭', exact: true }).click();
  const replaced = page.getByTestId('dataset-card').filter({ hasText: 'utf8-bom-long-codes.csv' });
  await expect(replaced.getByTestId('dataset-rows')).toHaveText('8');
  await expect(replaced).toContainText('第 2 版');

  await replaced.getByTestId('restore-previous').click();
  await expect(page.getByTestId('dataset-card').filter({ hasText: 'bad-value.csv' }).getByTestId('dataset-rows')).toHaveText('3');
  await expect(page.getByTestId('dataset-card').filter({ hasText: 'utf8-bom-long-codes.csv' })).toHaveCount(0);
});
