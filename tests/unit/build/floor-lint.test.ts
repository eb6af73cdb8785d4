/**
 * The lint holds the supported floor (package.json's browserslist, Chromium 86): an API or a CSS
 * feature newer than it fails `npm run lint`, so it cannot ship unnoticed again.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import stylelint from 'stylelint';

// The first lint loads every plugin: seconds on a busy machine.
describe('the lint fails on what Chromium 86 lacks', { timeout: 60_000 }, () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  it.each([
    ['structuredClone', 'export const copy = (x: object) => structuredClone(x);'],
    ['Object.hasOwn', 'export const has = (o: object) => Object.hasOwn(o, "a");'],
    ['Array.prototype.at', 'export const last = (a: number[]) => a.at(-1);'],
    ['findLast', 'export const f = (a: number[]) => a.findLast((x) => x > 1);'],
  ])('%s in src/', async (_name, code) => {
    const [result] = await eslint.lintText(code, { filePath: 'src/analysis/floor-probe.ts' });
    expect(result.errorCount).toBeGreaterThan(0);
  });

  it('plain code of the floor passes', async () => {
    const [result] = await eslint.lintText('export const last = (a: number[]) => a[a.length - 1] ?? a?.[0];\n', { filePath: 'src/analysis/floor-probe.ts' });
    expect(result.messages).toEqual([]);
  });

  it.each([
    ['inset', '.overlay { inset: 0; }'],
    ['aspect-ratio', '.frame { aspect-ratio: 16 / 9; }'],
    [':has()', '.panel:has(.chart) { display: none; }'],
    ['container queries', '@container (min-width: 400px) { .a { color: red; } }'],
  ])('%s in a component style', async (_name, css) => {
    const { results } = await stylelint.lint({ code: `<div class="a"></div>\n<style>\n${css}\n</style>\n`, codeFilename: 'src/ui/FloorProbe.svelte' });
    expect(results[0].warnings.length).toBeGreaterThan(0);
  });

  it('top/right/bottom/left pass', async () => {
    const { results } = await stylelint.lint({ code: '<style>\n.overlay { position: fixed; top: 0; right: 0; bottom: 0; left: 0; }\n</style>\n', codeFilename: 'src/ui/FloorProbe.svelte' });
    expect(results[0].warnings).toEqual([]);
  });
});
