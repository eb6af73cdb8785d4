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
