import { describe, expect, it } from 'vitest';
import { formatBytes, isQuotaError } from '../../../src/store';

describe('isQuotaError', () => {
  it.each([
    { name: 'Chrome: AbortError with inner QuotaExceededError', error: { name: 'AbortError', inner: { name: 'QuotaExceededError' } }, expected: true },
    { name: 'a bare QuotaExceededError', error: { name: 'QuotaExceededError' }, expected: true },
    { name: 'Firefox legacy name', error: { name: 'NS_ERROR_DOM_QUOTA_REACHED' }, expected: true },
    { name: 'wrapped as cause', error: { name: 'Error', cause: { name: 'QuotaExceededError' } }, expected: true },
    { name: 'a plain AbortError', error: { name: 'AbortError' }, expected: false },
    { name: 'a constraint error', error: { name: 'ConstraintError', inner: { name: 'ConstraintError' } }, expected: false },
    { name: 'null', error: null, expected: false },
    { name: 'a string', error: 'QuotaExceededError', expected: false },
  ])('$name → $expected', ({ error, expected }) => {
    expect(isQuotaError(error)).toBe(expected);
  });

  it('does not mutate the error', () => {
    const error = { name: 'AbortError', inner: { name: 'QuotaExceededError' } };
    isQuotaError(error);
    expect(error).toEqual({ name: 'AbortError', inner: { name: 'QuotaExceededError' } });
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [500 * 1024 * 1024, '500.0 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
    [null, '?'],
  ] as const)('%s → %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});
