import { test, expect, type Locator, type Page } from '@playwright/test';
import { chartDrawn, openFresh, screenshot } from './helpers';

const KEPT = 'dashboard.chartPictures';

/** Wait until the page has kept pictures of `n` charts (taken once it has been idle after drawing). */
async function picturesKept(page: Page, n: number): Promise<void> {
  await expect
    .poll(() => page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { pictures: unknown[] } | null)?.pictures.length ?? 0, KEPT), { timeout: 15_000 })
    .toBe(n);
}

/** Hold back the app's main chunk, so what shows before the live charts can be looked at. */
async function holdApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/App-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Open on the sample data and dismiss its banner (charts are not pictured under a banner). */
async function openWithoutBanner(page: Page): Promise<void> {
  await openFresh(page);
  await chartDrawn(page, 'trend-chart');
  await chartDrawn(page, 'comparison-chart');
  expect(await page.evaluate((key) => localStorage.getItem(key), KEPT)).toBeNull();
  await page.getByTestId('dismiss-notice').click();
}

/** Reload with the app held back until the kept pictures (`n` of them) are on screen; `testid`'s picture. */
async function reloadToPictures(page: Page, n: number, testid: string): Promise<{ picture: Locator; release: () => void }> {
  const release = await holdApp(page);
  await page.reload();
  const picture = page.locator(`[data-testid="chart-picture"][data-for="${testid}"]`);
  await expect(picture).toBeVisible();
  await page.waitForFunction((count) => performance.getEntriesByName('chart:picture').length === count, n);
  return { picture, release };
}

test('a reload shows the last charts as pictures at once, where they were, until the live charts draw', async ({ page }) => {
  await openWithoutBanner(page);
  await picturesKept(page, 2);
  const trendBox = await page.getByTestId('trend-chart').boundingBox();

  const { picture, release } = await reloadToPictures(page, 2, 'trend-chart');
  // Only the picture: the app, its charts and its database reads have not started.
  await expect(page.getByTestId('trend-chart')).toHaveCount(0);
  // The chart is drawn in it: it has ink (not one colour throughout).
  const colours = await picture.evaluate((canvas: HTMLCanvasElement) => {
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4 * 97) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(3);
  expect(await picture.boundingBox()).toEqual(trendBox);
  await expect(picture).toHaveAttribute('aria-hidden', 'true');
  await screenshot(page, 'reload-pictures-1920');

  release();
  await chartDrawn(page, 'trend-chart');
  await chartDrawn(page, 'comparison-chart');
  await expect(page.getByTestId('chart-picture')).toHaveCount(0);
  expect(await page.getByTestId('trend-chart').boundingBox()).toEqual(trendBox);
});

test('at 1024×768 only the chart on the first screen is kept, and shown for that window size', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openWithoutBanner(page);
  // The comparison is below the first screen here.
  await picturesKept(page, 1);
  const trendBox = await page.getByTestId('trend-chart').boundingBox();
  const { picture, release } = await reloadToPictures(page, 1, 'trend-chart');
  expect(await picture.boundingBox()).toEqual(trendBox);
  await screenshot(page, 'reload-pictures-1024');
  release();
  await chartDrawn(page, 'trend-chart');
  await expect(page.getByTestId('chart-picture')).toHaveCount(0);
});

test('a write to the store forgets the pictures; a damaged or hostile entry shows nothing', async ({ page }) => {
  await openWithoutBanner(page);
  await picturesKept(page, 2);

  // A hostile entry under the right key: a remote image and a script URL instead of inline WebP.
  const remote: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) remote.push(r.url());
  });
  await page.evaluate((key) => {
    const kept = JSON.parse(localStorage.getItem(key)!) as { pictures: { src: string; testid: string }[] };
    kept.pictures[0].src = 'https://example.com/x.png';
    kept.pictures[1].src = 'javascript:alert(1)';
    kept.pictures[1].testid = '<img src=x onerror=alert(1)>';
    localStorage.setItem(key, JSON.stringify(kept));
  }, KEPT);
  const release = await holdApp(page);
  await page.reload();
  // main.ts shows kept pictures in the task that marks app:start.
  await page.waitForFunction(() => performance.getEntriesByName('app:start').length > 0);
  await expect(page.getByTestId('chart-picture')).toHaveCount(0);
  release();
  await chartDrawn(page, 'trend-chart');
  expect(remote).toEqual([]);
  // Nothing readable was kept for this view: the entry was forgotten, and is taken anew.
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key)?.includes('example.com') ?? false, KEPT)).toBe(false);

  // A damaged one (not base64) is forgotten, and the app starts as ever.
  await picturesKept(page, 2);
  await page.evaluate((key) => {
    const kept = JSON.parse(localStorage.getItem(key)!) as { pictures: { src: string }[] };
    kept.pictures[0].src = 'data:image/webp;base64,@@not base64@@';
    localStorage.setItem(key, JSON.stringify(kept));
  }, KEPT);
  await page.reload();
  await chartDrawn(page, 'trend-chart');
  await expect(page.getByTestId('chart-picture')).toHaveCount(0);

  // The live charts keep new pictures; an edit of the indicator (a write) forgets them at once.
  await picturesKept(page, 2);
  await page.getByTestId('indicator-settings').click();
  await page.getByTestId('settings-name').fill('改名后的指标');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-dialog')).toBeHidden();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEPT)).toBeNull();
  // The renamed charts are pictured anew.
  await expect(page.getByRole('heading', { name: /改名后的指标/ }).first()).toBeVisible();
  await picturesKept(page, 2);
});
