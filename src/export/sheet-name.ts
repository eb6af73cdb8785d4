/**
 * Excel sheet names: at most 31 characters, none of `[ ] : * ? / \`, not starting or ending with
 * `'`, not empty, and unique within a workbook regardless of case.
 */

const MAX_SHEET_NAME = 31;

/** Control characters cannot be stored in the workbook XML at all. */
function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

/**
 * Make a title usable as an Excel sheet name; an empty result becomes `fallback`.
 * @example sanitizeSheetName('2024/2025：面积[万亩]') // '20242025：面积万亩'
 */
export function sanitizeSheetName(name: string, fallback = 'Sheet'): string {
  const cleaned = Array.from(
    Array.from(name)
      .filter((ch) => !isControl(ch))
      .join('')
      .replace(/[[\]:*?/\\]/g, '')
      .trim()
      .replace(/^'+|'+$/g, ''),
  )
    .slice(0, MAX_SHEET_NAME)
    .join('')
    .replace(/'+$/, '')
    .trim();
  return cleaned === '' ? fallback : cleaned;
}

/**
 * Sanitize a list of names and number the duplicates (`面积`, `面积 (2)`), comparing case-insensitively
 * as Excel does.
 * @example uniqueSheetNames(['a', 'A']) // ['a', 'A (2)']
 */
export function uniqueSheetNames(names: readonly string[], fallback = 'Sheet'): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const base = sanitizeSheetName(raw, fallback);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = Array.from(base).slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
