/**
 * A ledger as an .xlsx whose light cells are filled red, yellow, green or grey, as offices colour
 * them by hand, and say the colour in words too. The SheetJS community build writes no styles,
 * so the workbook's XML is written here: text as inline strings (a string cell cannot run as a
 * formula, so `=HYPERLINK(…)` stays text), numbers as numbers, the header frozen.
 */
import type { Assessment } from '../ledger';
import type { Cell } from './cell';
import type { LedgerTable } from './ledger-table';
import { sanitizeSheetName } from './sheet-name';
import { storedZip } from './ledger-zip';

/** Fill colours (ARGB), light enough for black text: the sheet's colours are read on paper too. */
export const LIGHT_FILLS: Readonly<Record<Assessment['colour'], string>> = {
  red: 'FFFF7875',
  yellow: 'FFFFE58F',
  green: 'FF95DE64',
  grey: 'FFD9D9D9',
};

const COLOURS = ['red', 'yellow', 'green', 'grey'] as const;

/** Style index of a filled cell: 0 plain, 1 header, then one per colour. */
const styleOf = (colour: Assessment['colour']): number => 2 + COLOURS.indexOf(colour);

/** Excel refuses text cells longer than this. */
const MAX_CELL_TEXT = 32767;

/** XML text: escaped, and without the control characters XML 1.0 cannot hold. */
function xmlText(text: string): string {
  // XML 1.0 cannot hold C0 controls other than tab, LF and CR, nor U+FFFE/U+FFFF.
  // eslint-disable-next-line no-control-regex
  return Array.from(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''))
    .slice(0, MAX_CELL_TEXT)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `A`, `B`, … `Z`, `AA` for a 0-based column. */
export function columnName(c: number): string {
  let name = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(cell: Cell, ref: string, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (cell === null || (typeof cell === 'number' && !Number.isFinite(cell))) return style ? `<c r="${ref}"${s}/>` : '';
  if (typeof cell === 'number') return `<c r="${ref}"${s}><v>${cell}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
}

/** Column widths from the longest text in each column (CJK counted double), within 6–60. */
function widths(rows: readonly (readonly Cell[])[]): number[] {
  const out: number[] = [];
  for (const row of rows.slice(0, 200)) {
    row.forEach((cell, c) => {
      const s = cell === null ? '' : String(cell);
      let w = 0;
      for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
      out[c] = Math.max(out[c] ?? 6, Math.min(60, w + 2));
    });
  }
  return out;
}

function sheetXml(table: LedgerTable): string {
  const fill = new Set(table.lightColumns);
  const rowsXml = table.rows
    .map((row, r) => {
      const colour = r > 0 ? table.colours[r - 1] : undefined;
      const cells = row
        .map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`, r === 0 ? 1 : colour && fill.has(c) ? styleOf(colour) : 0))
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const cols = widths(table.rows)
    .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rowsXml}</sheetData></worksheet>`
  );
}

function stylesXml(): string {
  const fills = COLOURS.map((c) => `<fill><patternFill patternType="solid"><fgColor rgb="${LIGHT_FILLS[c]}"/><bgColor indexed="64"/></patternFill></fill>`).join('');
  const xfs = COLOURS.map((_, i) => `<xf numFmtId="0" fontId="0" fillId="${2 + i}" borderId="1" applyFill="1" applyBorder="1"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/></font></fonts>' +
    `<fills count="${2 + COLOURS.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills}</fills>` +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
    '<border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right><top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${2 + COLOURS.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${xfs}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/**
 * The .xlsx bytes of a ledger table, one sheet named `sheetName` (made valid).
 * @example ledgerXlsx(ledgerTable(tasks, 'zh'), '整改台账')
 */
export function ledgerXlsx(table: LedgerTable, sheetName: string): Uint8Array {
  const enc = new TextEncoder();
  const name = xmlText(sanitizeSheetName(sheetName, 'Sheet1'));
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ],
    ['xl/styles.xml', stylesXml()],
    ['xl/worksheets/sheet1.xml', sheetXml(table)],
  ];
  return storedZip(files.map(([n, xml]) => ({ name: n, data: enc.encode(xml) })));
}
