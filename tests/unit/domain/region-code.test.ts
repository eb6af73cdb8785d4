import { describe, expect, it } from 'vitest';
import { normalizeDivisionCode } from '../../../src/domain/region-code';

describe('normalizeDivisionCode', () => {
  it.each([
    ['a JSON number (DataV adcode)', 230102, '230102'],
    ['text as is', '230102', '230102'],
    ['spaces trimmed', ' 230102 ', '230102'],
    ['full-width digits', '２３０１０２', '230102'],
    ['a 12-digit statistical code of a county', '230102000000', '230102'],
    ['a 12-digit statistical code as a number', 230102000000, '230102'],
    ['a township keeps its 12 digits (no 6-digit code)', '230102001000', '230102001000'],
    ['a 9-digit code as is', '230102001', '230102001'],
    ['a name as is', '道里区', '道里区'],
    ['empty text', '', undefined],
    ['not a number', Number.NaN, undefined],
    ['infinity', Number.POSITIVE_INFINITY, undefined],
    ['an object', { code: 1 }, undefined],
    ['null', null, undefined],
  ])('%s', (_name, value, expected) => {
    expect(normalizeDivisionCode(value)).toBe(expected);
  });
});
