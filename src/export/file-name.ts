/**
 * Download file names from chart titles: Chinese and other text kept, characters that Windows,
 * macOS or Linux refuse removed, and nothing that could hide the real extension.
 */
import { translate, type Locale } from '../domain/messages/index';

/** Longest base name, in characters; leaves room for the extension within 255 UTF-8 bytes. */
export const MAX_FILE_NAME = 80;

/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * Control characters (C0, DEL, C1) and bidirectional overrides: the latter can make
 * `report\u202Efdp.exe` display as `reportexe.pdf`.
 */
function isUnsafe(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200e && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    '/\\:*?"<>|'.includes(ch)
  );
}

/**
 * A safe file name: unsafe characters dropped, white space collapsed, leading and trailing dots
 * and spaces trimmed, at most `maxLength` characters, then `.ext`. An empty result becomes the
 * catalogue's fallback name (导出 / export).
 * @example safeFileName('保护性耕作面积：2021/2024', 'csv') // '保护性耕作面积20212024.csv'
 */
export function safeFileName(
  title: string,
  ext: string,
  options: { locale?: Locale; maxLength?: number } = {},
): string {
  const maxLength = options.maxLength ?? MAX_FILE_NAME;
  const cleanExt = ext.replace(/^\.+/, '').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 10);
  const base = (text: string) =>
    Array.from(
      Array.from(text.normalize('NFC'))
        .filter((ch) => !isUnsafe(ch))
        .join('')
        .replace(/\s+/g, ' ')
        .replace(/^[\s.]+|[\s.]+$/g, ''),
    )
      .slice(0, maxLength)
      .join('')
      .replace(/[\s.]+$/, '');
  let name = base(title);
  if (name === '') name = translate(options.locale ?? 'zh', 'export.file.fallback');
  if (RESERVED.test(name)) name = `_${name}`;
  return cleanExt === '' ? name : `${name}.${cleanExt}`;
}
