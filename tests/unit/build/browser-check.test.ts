/**
 * public/browser-check.js runs where the app cannot: the IE kernel of 360's 兼容模式 and old
 * Chromium kernels. It must parse as ES5 there, or those users see a white page after all.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'espree';

const code = readFileSync('public/browser-check.js', 'utf8');

describe('the check before the app', () => {
  it('is ES5: it parses for an IE kernel', () => {
    expect(() => parse(code, { ecmaVersion: 5 })).not.toThrow();
  });

  it('writes only text, never HTML', () => {
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('names what to do in Chinese: 极速模式, the floor, and a web server for file://', () => {
    expect(code).toContain('极速模式');
    expect(code).toContain('Chromium 86');
    expect(code).toContain('index.html');
  });
});
