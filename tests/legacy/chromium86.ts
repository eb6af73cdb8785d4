/**
 * A real Chromium 86.0.4240 (the kernel of 360安全浏览器 13) for the old-browser suite. The npm
 * package chrome-aws-lambda@5.3.1 ships it brotli-compressed inside its registry tarball; it is
 * unpacked once into node_modules/.cache with Node's own brotli, so nothing is downloaded from
 * anywhere but the npm registry. puppeteer-core@5.3.1 speaks its DevTools protocol (Playwright
 * needs a far newer Chromium).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Puppeteer } from 'puppeteer-core';

const require = createRequire(import.meta.url);
const BIN = join(dirname(require.resolve('chrome-aws-lambda/package.json')), 'bin');
const CACHE = join(process.cwd(), 'node_modules', '.cache', 'chromium-86');
const EXECUTABLE = join(CACHE, 'chromium');

/** Unpack the browser (and the GL libraries it loads) unless an earlier run did. */
export function ensureChromium86(): string {
  const stamp = join(CACHE, 'unpacked');
  if (existsSync(stamp) && existsSync(EXECUTABLE)) return EXECUTABLE;
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(EXECUTABLE, brotliDecompressSync(readFileSync(join(BIN, 'chromium.br'))));
  chmodSync(EXECUTABLE, 0o755);
  // libEGL/libGLESv2 (SwiftShader) and, for machines without them, NSS and friends under lib/.
  for (const archive of ['swiftshader.tar', 'aws.tar']) {
    const tar = join(CACHE, archive);
    writeFileSync(tar, brotliDecompressSync(readFileSync(join(BIN, `${archive}.br`))));
    execFileSync('tar', ['-xf', tar, '-C', CACHE, '--no-same-owner']);
  }
  writeFileSync(stamp, new Date().toISOString());
  return EXECUTABLE;
}

/**
 * Start headless Chromium 86 with the flags it needs on these machines (root, no GPU, no
 * zygote). Not `--single-process`: a page in a second browser context (a fresh profile per
 * test) closed the whole browser. The system's fontconfig finds Noto CJK, so Chinese renders.
 */
export async function launchChromium86(): Promise<Browser> {
  const puppeteer = require('puppeteer-core') as Puppeteer;
  const options: Parameters<Puppeteer['launch']>[0] = {
    executablePath: ensureChromium86(),
    headless: true,
    args: ['--no-sandbox', '--no-zygote', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'],
    env: { ...process.env, LD_LIBRARY_PATH: [join(CACHE, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
    defaultViewport: { width: 1366, height: 768 },
  };
  return puppeteer.launch(options);
}

/**
 * A test id as a CSS selector.
 * @example id('trend-chart') // '[data-testid="trend-chart"]'
 */
export const id = (testid: string): string => `[data-testid="${testid}"]`;

/** Poll the page (not requestAnimationFrame, which a headless browser starves) until `fn` holds. */
export async function until(page: Page, fn: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(fn, { polling: 100, timeout });
}

/**
 * The pages of one legacy suite, each test's on a fresh profile (its own IndexedDB) at 1366×768
 * in Asia/Shanghai, watched for page errors and console errors, which gather in `errors` (emptied
 * for each fresh page).
 */
export function legacyPages(browser: () => Browser): {
  errors: string[];
  fresh: () => Promise<Page>;
  sameProfile: () => Promise<Page>;
} {
  const errors: string[] = [];
  let context: BrowserContext | undefined;
  const watched = async (page: Page): Promise<Page> => {
    await page.setViewport({ width: 1366, height: 768 });
    await page.emulateTimezone('Asia/Shanghai');
    page.on('pageerror', (e: Error) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    return page;
  };
  return {
    errors,
    /** A page on a new profile; the previous test's profile is closed. */
    fresh: async () => {
      await context?.close();
      errors.length = 0;
      context = await browser().createIncognitoBrowserContext();
      return watched(await context.newPage());
    },
    /** Another page on the current profile (a second tab of the same user), watched too. */
    sameProfile: async () => {
      if (!context) throw new Error('sameProfile() before fresh()');
      return watched(await context.newPage());
    },
  };
}
