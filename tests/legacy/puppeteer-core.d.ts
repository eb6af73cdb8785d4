// puppeteer-core 5.3 ships its types beside its CommonJS entry without naming them in package.json.
declare module 'puppeteer-core' {
  export * from 'puppeteer-core/lib/cjs/puppeteer/api-docs-entry.js';
  import type { Puppeteer } from 'puppeteer-core/lib/cjs/puppeteer/api-docs-entry.js';
  const puppeteer: Puppeteer;
  export default puppeteer;
}
