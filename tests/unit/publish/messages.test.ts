import { describe, expect, it } from 'vitest';
import { publish as zh } from '../../../src/domain/messages/publish';
import { publish as en } from '../../../src/domain/messages/en/publish';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('publishing messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(zh).length).toBeGreaterThan(40);
  });
  it.each(Object.keys(zh))('%s fills the same placeholders in both', (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(zh[key]));
    expect(en[key].trim()).not.toBe('');
  });
});
