// Sums the JSON reports written by Vitest and Playwright into one closing line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;

// Unit tests, and the old-browser suite (Chromium 86), both written by Vitest.
for (const name of ['vitest.json', 'vitest-legacy.json']) {
  const report = join(dir, name);
  if (!existsSync(report)) continue;
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
}
const pw = join(dir, 'playwright.json');
if (existsSync(pw)) {
  const s = JSON.parse(readFileSync(pw, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
}
// The quick benchmark counts as one check: it ran and wrote its figures (timings are not judged).
if (existsSync(join(dir, 'bench-quick.json'))) passed += 1;
// A non-zero exit with no failing test (type check, lint, build) still counts as a failure.
if (Number(status) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
