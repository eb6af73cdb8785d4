/**
 * What `extractFigures` returns: the report's text and every figure found in it, each with the
 * sentence it came from (its offset in the text), so a reviewer can see and correct it.
 */
import type { ChangeType, ValueKind } from '../domain/types';

/** A period as the import normalizes it. @example { key: '2024-06', grain: 'month', label: '截至2024年6月底' } */
export interface FigurePeriod {
  key: string;
  grain: string;
  /** As written in the report. */
  label: string;
  /** Where it was read: the figure's sentence, a heading above it, or the report as a whole (its date or title). */
  from: 'sentence' | 'heading' | 'document';
}

/** A region as written in the report. @example { name: '哈尔滨市道里区', code: '230102', from: 'document' } */
export interface FigureRegion {
  name: string;
  /** The 6-digit division code when the name is one division's. */
  code?: string;
  from: 'sentence' | 'heading' | 'document';
}

/** A target stated with the figure: 超额完成省定0.92亿立方米的年度目标任务. */
export interface FigureTarget {
  value: number;
  unit: string;
  displayUnit: string;
  /** The target as written (`0.92亿立方米`). */
  raw: string;
}

/**
 * One figure of a report.
 * @example { value: 60400, unit: '亩', displayUnit: '万亩', kind: 'level', indicator: '保护性耕作面积', raw: '6.04万亩', … }
 */
export interface Figure {
  /** In the base unit, as the import stores it (6.04万亩 → 60400). */
  value: number;
  /** Base unit (`亩`, `%`, `个百分点`), possibly empty (`1.1亿`). */
  unit: string;
  /** The unit as written (`万亩`), when it differs from `unit`. */
  displayUnit?: string;
  kind: ValueKind;
  /** For a change: relative (%), absolute, percentage points, or a multiple (增长1.5倍 → 2.5 倍). */
  changeType?: ChangeType;
  /** Written with 约 近 余 多 以上 左右 超过 累计. */
  approximate?: boolean;
  /** Two multipliers (`1.1亿万元`): read literally, a person must confirm it. */
  warning?: 'double_multiplier';
  /** What it measures, from the words around it (`保护性耕作面积`); may be empty when none were found. */
  indicator: string;
  region?: FigureRegion;
  period?: FigurePeriod;
  target?: FigureTarget;
  /** The figure as written, qualifiers and change words included (`同比下降30.1%`). */
  raw: string;
  /** Offset of `raw` in `text`. */
  rawStart: number;
  /** The whole sentence, as written in `text`. */
  sentence: string;
  /** Offset of `sentence` in `text`: `text.slice(start, start + sentence.length) === sentence`. */
  start: number;
  /** Index of the paragraph (a line of `text`) the sentence is in, counting from 0. */
  paragraph: number;
}

/** Why a document could not be read. The message is a sentence the UI can show as it is. */
export interface ExtractError {
  code: 'too_large' | 'too_many_pages' | 'unsupported' | 'unreadable_docx' | 'unreadable_pdf' | 'encrypted_pdf' | 'timeout';
  message: string;
}

/** The result of `extractFigures`. */
export interface ExtractResult {
  /** The document's text: paragraphs one a line, table rows one a line with cells separated by tabs. */
  text: string;
  figures: Figure[];
  /** True for a PDF with pages but no text layer (a scan): text is '' and nothing was found. */
  scanned?: boolean;
  /** Set when the document could not be read; text is '' and figures is []. Never thrown. */
  error?: ExtractError;
  /** What kind of document it was read as. */
  format: 'txt' | 'html' | 'docx' | 'pdf' | 'unknown';
  /** The report's own region and period (title, signature, date), used where a sentence names none. */
  documentRegion?: FigureRegion;
  documentPeriod?: FigurePeriod;
}

/** Options of `extractFigures`. */
export interface ExtractOptions {
  /** Language of error messages; Chinese by default. */
  locale?: 'zh' | 'en';
  /** Documents larger than this are refused (default 50 MB). */
  maxBytes?: number;
  /** A PDF's page count above this is refused (default 500). */
  maxPages?: number;
  /**
   * URL of pdf.js's worker script, for a caller on a page (`import src from
   * 'pdfjs-dist/legacy/build/pdf.worker.min.js?url'`). Without it pdf.js runs on the calling
   * thread: meant for Node and for a caller that is already a Web Worker.
   */
  pdfWorkerSrc?: string;
  /** Give up on a document after this many milliseconds (default 60 000). */
  timeoutMs?: number;
}
