import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where playwright.config.ts serves the built app (E2E_PORT, default 4173). */
export const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** Screenshots go here for a person to look at (README: "Look at what you build"). */
export const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** Open the app on a fresh profile and wait until the sample data has loaded. */
export async function openFresh(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('trend-chart')).toBeVisible({ timeout: 30_000 });
}

/** Wait until a chart has drawn at least once. */
export async function chartDrawn(page: Page, testid: string): Promise<void> {
  await expect(page.getByTestId(testid)).toHaveAttribute('data-drawn', /[1-9]/);
}

/** A fixture file under tests/fixtures. */
export function fixture(name: string): string {
  return join(process.cwd(), 'tests', 'fixtures', name);
}

/** Choose a file with the top bar's hidden file input, as the 导入数据 button does. */
export async function importFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await expect(page.getByTestId('import-confirm')).toBeVisible({ timeout: 30_000 });
}
