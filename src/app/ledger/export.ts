/**
 * The ledger's downloads, built from the pure exporters: Excel with the lights as fills and
 * words, CSV, the board as SVG or PNG, and a saved page. File names carry the ledger's name and
 * the day it was coloured for.
 */
import '../../domain/messages/ledger-part';
import type { Locale } from '../../domain/messages';
import { translate } from '../../domain/messages';
import { toCsvBytes } from '../../export/csv';
import { safeFileName } from '../../export/file-name';
import { ledgerPageHtml } from '../../export/ledger-html';
import { ledgerBoardSvg } from '../../export/ledger-svg';
import { ledgerTable, type LedgerTable } from '../../export/ledger-table';
import { ledgerXlsx } from '../../export/ledger-xlsx';
import { ledgerSummary } from '../../ledger';
import type { LedgerRecord, LedgerTaskRecord } from '../../store';

export type LedgerExportKind = 'xlsx' | 'csv' | 'svg' | 'png' | 'html';

/** A file to save: its bytes (or text), name and type. */
export interface LedgerFile {
  data: Uint8Array | string | Blob;
  name: string;
  type: string;
}

/** The file's unplaced columns, in file order: exported after the office's own. */
function extraHeaders(ledger: LedgerRecord): string[] {
  const mapping = ledger.mapping ?? {};
  return (ledger.headers ?? []).filter((h) => Object.prototype.hasOwnProperty.call(mapping, h) && mapping[h] === 'extra');
}

/** @example ledgerExportTable(ledger, tasks, 'zh').rows.length // tasks + 1 */
export function ledgerExportTable(ledger: LedgerRecord, tasks: readonly LedgerTaskRecord[], locale: Locale): LedgerTable {
  return ledgerTable(tasks, locale, extraHeaders(ledger));
}

/**
 * Build a download of the ledger (PNG needs a document: see `svgToPng`).
 * @example const file = await ledgerFile('xlsx', ledger, tasks, '2024-07-12', 'zh')
 */
export async function ledgerFile(kind: LedgerExportKind, ledger: LedgerRecord, tasks: readonly LedgerTaskRecord[], today: string, locale: Locale): Promise<LedgerFile> {
  const base = `${ledger.name}_${today}`;
  const name = (ext: string) => safeFileName(base, ext, { locale });
  const svg = () => ledgerBoardSvg(tasks, { title: ledger.name, today, locale });
  switch (kind) {
    case 'xlsx':
      return {
        data: ledgerXlsx(ledgerExportTable(ledger, tasks, locale), translate(locale, 'ledger.title')),
        name: name('xlsx'),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    case 'csv':
      return { data: toCsvBytes(ledgerExportTable(ledger, tasks, locale).rows), name: name('csv'), type: 'text/csv;charset=utf-8' };
    case 'svg':
      return { data: svg(), name: name('svg'), type: 'image/svg+xml' };
    case 'png':
      return { data: await svgToPng(svg()), name: name('png'), type: 'image/png' };
    case 'html': {
      const s = ledgerSummary(tasks, today);
      const html = ledgerPageHtml({
        title: ledger.name,
        today,
        locale,
        table: ledgerExportTable(ledger, tasks, locale),
        summary: { ...s, overdue: s.overdue.map((o) => ({ title: o.task.title, unit: o.task.unit, days: o.days })) },
        boardSvg: svg(),
        note: ledger.sample ? translate(locale, 'ledger.sampleNote') : undefined,
      });
      return { data: html, name: name('html'), type: 'text/html;charset=utf-8' };
    }
  }
}

/** Rasterize SVG text at twice its size (sharp on paper and projectors) through a canvas. */
async function svgToPng(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * 2;
    canvas.height = image.naturalHeight * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas 2d unavailable');
    ctx.scale(2, 2);
    ctx.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
