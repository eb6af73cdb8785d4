import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

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

/** The current ECharts option of a drawn chart, read from the instance in the page. */
export async function chartOption(page: Page, testid: string): Promise<Record<string, unknown>> {
  return page.getByTestId(testid).evaluate((el) => {
    const w = window as unknown as { __echartsOf?: (el: Element) => { getOption(): unknown } | undefined };
    return (w.__echartsOf?.(el)?.getOption() ?? {}) as Record<string, unknown>;
  });
}
