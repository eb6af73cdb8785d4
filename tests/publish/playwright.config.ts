import { defineConfig, devices } from '@playwright/test';

/**
 * The remote-dataset benchmark (issue 26): `npx playwright test --config tests/publish/playwright.config.ts`.
 * It serves a built app (REMOTE_DIST, default dist) and a DuckDB-written Parquet dataset of ten
 * million values with nginx itself, so it needs no web server here.
 */
process.env.TZ ??= 'Asia/Shanghai';

export default defineConfig({
  testDir: '.',
  testMatch: 'remote-bench.spec.ts',
  outputDir: '../../test-results/remote-bench',
  workers: 1,
  retries: 0,
  timeout: 900_000,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1920, height: 1080 },
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
