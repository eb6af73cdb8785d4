import { describe, expect, it } from 'vitest';
import { store as storeZh } from '../../../src/domain/messages/store';
import { store as storeEn } from '../../../src/domain/messages/en/store';

/** The part in both locales, as the catalogue pairs them. */
const store = { zh: storeZh, en: storeEn };
import { translate } from '../../../src/domain/messages';
import { STORE_ERROR_CODES, StoreError } from '../../../src/store';

describe('store messages', () => {
  it('has the same keys in zh and en', () => {
    expect(Object.keys(store.en).sort()).toEqual(Object.keys(store.zh).sort());
  });

  it.each(STORE_ERROR_CODES)('has a message for error code %s in both locales', (code) => {
    expect(store.zh[`store.error.${code}`]).toBeTruthy();
    expect(store.en[`store.error.${code}`]).toBeTruthy();
  });

  it('fills a quota error’s sizes into the sentence', () => {
    const e = new StoreError('quota', { usage: '500.0 MB', quota: '512.0 MB' });
    expect(translate('zh', e.message, e.params)).toContain('已用 500.0 MB，上限 512.0 MB');
    expect(translate('en', e.message, e.params)).toContain('500.0 MB used of 512.0 MB');
  });
});
