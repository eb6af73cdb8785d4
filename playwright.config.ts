import { defineConfig, devices } from '@playwright/test';

/** Browser tests run the built app (vite preview) in Debian's Chromium, or CHROME_PATH. */
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** E2E_PORT lets two test runs share a machine (e.g. CI beside a developer's run). */
const port = Number(process.env.E2E_PORT ?? 4173);
/** E2E_DIST serves another build folder, so parallel runs don't rebuild each other's dist/. */
const dist = process.env.E2E_DIST ?? 'dist';

// The tests' own dates in China's zone, as the browser's (timezoneId below); set here rather than
// by a `TZ=` prefix, which Windows shells do not understand.
process.env.TZ ??= 'Asia/Shanghai';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/output',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1920, height: 1080 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
