import { describe, expect, it } from 'vitest';
import { parentOrigin } from '../../../src/standalone/embed-page';

describe('parentOrigin', () => {
  const cases: [string, { ancestorOrigins?: string[] }, string][] = [
    ['the embedding page, exactly', { ancestorOrigins: ['https://news.example', 'https://top.example'] }, 'https://news.example'],
    ['an opaque parent cannot be addressed by name', { ancestorOrigins: ['null'] }, '*'],
    ['browsers without ancestorOrigins', {}, '*'],
    ['a top-level page', { ancestorOrigins: [] }, '*'],
  ];
  it.each(cases)('%s', (_name, where, expected) => {
    expect(parentOrigin(where)).toBe(expected);
  });
});
