/** Tiny helpers on 6-digit division codes (GB/T 2260: province 2 digits, prefecture 2, county 2). */

/**
 * The parent code of a 6-digit division code, or undefined for a province or another code.
 * @example parentCodeOf('230102') // '230100'
 */
export function parentCodeOf(code: string | undefined): string | undefined {
  if (!code || !/^\d{6}$/.test(code)) return undefined;
  if (code.slice(4) !== '00') return `${code.slice(0, 4)}00`;
  if (code.slice(2, 4) !== '00') return `${code.slice(0, 2)}0000`;
  return undefined;
}

/**
 * A division code as text, however a file wrote it, so that codes compare as text: a JSON number
 * (`230102`, as DataV and most boundary files write `adcode`) becomes `'230102'`, spaces and
 * full-width digits are normalized, and a 12-digit statistical code (统计用区划代码) of a county or
 * a larger division (`230102000000`: its last six digits zero) becomes its 6-digit code. A
 * township's 12-digit code stays whole: it has no 6-digit code. Anything that is not digits
 * (a name) comes back trimmed, unchanged otherwise; nothing gives undefined.
 * @example normalizeDivisionCode(230102) // '230102'
 * @example normalizeDivisionCode('230102000000') // '230102'
 */
export function normalizeDivisionCode(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // Integers only: 230102.5 is no code, and String() would write 1e21 for huge numbers.
    text = Number.isInteger(value) && Math.abs(value) < 1e15 ? value.toFixed(0) : String(value);
  } else if (typeof value === 'string') {
    text = value.normalize('NFKC').trim();
  } else {
    return undefined;
  }
  if (text === '') return undefined;
  if (/^\d{12}$/.test(text) && text.endsWith('000000')) return text.slice(0, 6);
  return text;
}
