import { describe, expect, it } from 'vitest';
import { exporting as exportingZh } from '../../../src/domain/messages/export';
import { exporting as exportingEn } from '../../../src/domain/messages/en/export';

/** The part in both locales, as the catalogue pairs them. */
const exporting = { zh: exportingZh, en: exportingEn };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('export message catalogue part', () => {
  it('has the same keys in zh and en', () => {
    expect(Object.keys(exporting.en).sort()).toEqual(Object.keys(exporting.zh).sort());
  });

  it('uses only export.* keys and no empty texts', () => {
    for (const [key, text] of [...Object.entries(exporting.zh), ...Object.entries(exporting.en)]) {
      expect(key).toMatch(/^export\./);
      expect(text.trim()).not.toBe('');
    }
  });

  it.each(Object.keys(exporting.zh))('%s has the same placeholders in both locales', (key) => {
    expect(placeholders(exporting.en[key])).toEqual(placeholders(exporting.zh[key]));
  });
});
