/**
 * The optional text watermark offices put on internal material (内部资料 注意保密, the unit, the
 * date): its text, and the same diagonal tiling drawn three ways, so the page, a print, an
 * exported PNG/SVG and a saved page all carry one look. Pure: no DOM, no ECharts runtime.
 */
import { localDay } from '../domain/clock';

/** What the user set once in the settings. */
export interface WatermarkSettings {
  enabled: boolean;
  /** The words, e.g. 内部资料 注意保密. */
  text: string;
  /** The user's unit (单位), e.g. 某市统计局. */
  unit: string;
  /** Whether the day it is drawn on is added. */
  withDate: boolean;
}

export const DEFAULT_WATERMARK: WatermarkSettings = { enabled: false, text: '内部资料 注意保密', unit: '', withDate: true };

/** A watermark longer than this would only be cut by its tile; the settings field says so too. */
export const MAX_WATERMARK_LENGTH = 60;

/** Tiles are turned this many degrees (counter-clockwise, as stamped paper usually is). */
export const WATERMARK_ANGLE = -30;
/** Grey at low opacity: visible on white and dark panels alike, never in the way of a value. */
export const WATERMARK_STYLE = { colour: '#808080', opacity: 0.16, fontSize: 18 } as const;

/**
 * Read settings of unknown shape (localStorage, an old build): whatever is missing or of the wrong
 * type takes the default. The input is not changed.
 * @example readWatermarkSettings({ enabled: true }) // { enabled: true, text: '内部资料 注意保密', unit: '', withDate: true }
 */
export function readWatermarkSettings(value: unknown): WatermarkSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof WatermarkSettings, unknown>>;
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : DEFAULT_WATERMARK.enabled,
    text: typeof v.text === 'string' ? v.text : DEFAULT_WATERMARK.text,
    unit: typeof v.unit === 'string' ? v.unit : DEFAULT_WATERMARK.unit,
    withDate: typeof v.withDate === 'boolean' ? v.withDate : DEFAULT_WATERMARK.withDate,
  };
}

/**
 * The one line the watermark says: words, unit and day, separated by two spaces; empty when it is
 * off or says nothing. Line breaks become spaces and the whole is cut to MAX_WATERMARK_LENGTH
 * characters (by code point, so no half of a character).
 * @example watermarkText({ enabled: true, text: '内部资料', unit: '某市统计局', withDate: true }, '2026-12-07T02:00:00Z', 'Asia/Shanghai')
 *   // '内部资料  某市统计局  2026-12-07'
 */
export function watermarkText(settings: WatermarkSettings, at: string, timeZone?: string): string {
  if (!settings.enabled) return '';
  const words = [settings.text, settings.unit].map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
  if (words.length === 0) return '';
  const parts = settings.withDate ? [...words, localDay(at, timeZone)] : words;
  return Array.from(parts.join('  ')).slice(0, MAX_WATERMARK_LENGTH).join('');
}

/**
 * Roughly how wide the text is drawn, in px: a CJK or full-width character one em, others 0.6 em.
 * Good enough to space tiles; nothing is measured.
 * @example textWidth('内部 ab', 10) // 10 + 10 + 6 + 6 + 6 = 38
 */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud840-\ud87f]/.test(ch) ? fontSize : fontSize * 0.6;
  return width;
}

/** One tile of the repeating pattern, in px: the text turned by WATERMARK_ANGLE at its centre. */
export interface WatermarkTile {
  width: number;
  height: number;
}

/**
 * The tile the text repeats in: wide enough for the turned text's horizontal extent plus a gap of
 * four ems, tall enough for its vertical extent plus the same gap, so neighbours never touch.
 * @example watermarkTile('内部资料', 18) // { width: 135, height: 120 }
 */
export function watermarkTile(text: string, fontSize: number): WatermarkTile {
  const w = textWidth(text, fontSize);
  const a = (Math.abs(WATERMARK_ANGLE) * Math.PI) / 180;
  const gap = fontSize * 4;
  return {
    width: Math.round(w * Math.cos(a) + fontSize * Math.sin(a) + gap),
    height: Math.round(w * Math.sin(a) + fontSize * Math.cos(a) + gap),
  };
}

const XML_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
]);

/** The user's words go into XML text: escaped, and characters XML forbids dropped. */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point here
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (ch) => XML_ESCAPES.get(ch) ?? ch);
}

/** How a tile is drawn; defaults are WATERMARK_STYLE. */
export interface WatermarkLook {
  colour?: string;
  opacity?: number;
  fontSize?: number;
  fontFamily?: string;
}

/**
 * One tile as a standalone SVG document (for a repeating CSS background): the text at the tile's
 * centre, turned. Empty text gives an empty string.
 * @example watermarkSvg('内部资料').startsWith('<svg') // true
 */
export function watermarkSvg(text: string, look: WatermarkLook = {}): string {
  if (text === '') return '';
  const fontSize = look.fontSize ?? WATERMARK_STYLE.fontSize;
  const { width, height } = watermarkTile(text, fontSize);
  const family = xmlText(look.fontFamily ?? 'sans-serif');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<text x="${width / 2}" y="${height / 2}" transform="rotate(${WATERMARK_ANGLE} ${width / 2} ${height / 2})" ` +
    `text-anchor="middle" dominant-baseline="middle" font-size="${fontSize}" font-family="${family}" ` +
    `fill="${xmlText(look.colour ?? WATERMARK_STYLE.colour)}" fill-opacity="${look.opacity ?? WATERMARK_STYLE.opacity}">${xmlText(text)}</text></svg>`
  );
}

/**
 * A CSS `background-image` value for the tile (a `data:` URL, which the app's and the saved
 * page's Content-Security-Policy allow as images); `none` for empty text.
 * @example watermarkBackground('内部资料').startsWith('url("data:image/svg+xml,') // true
 */
export function watermarkBackground(text: string, look: WatermarkLook = {}): string {
  const svg = watermarkSvg(text, look);
  return svg === '' ? 'none' : `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

/**
 * A stylesheet that lays the watermark over a whole document, on screen and on every printed
 * page (a fixed element repeats on each page; `print-color-adjust` keeps the background in
 * print). For saved pages, whose own code has no watermark. Empty text gives ''.
 * @example watermarkStylesheet('内部资料').includes('position:fixed') // true
 */
export function watermarkStylesheet(text: string, look: WatermarkLook = {}): string {
  if (text === '') return '';
  return (
    'body::after{content:"";position:fixed;top:0;right:0;bottom:0;left:0;pointer-events:none;z-index:2147483647;' +
    `background-image:${watermarkBackground(text, look)};background-repeat:repeat;` +
    '-webkit-print-color-adjust:exact;print-color-adjust:exact}'
  );
}

/** An ECharts graphic element, as plain data (the option is built without the runtime). */
export interface WatermarkGraphic {
  type: 'text';
  x: number;
  y: number;
  rotation: number;
  silent: true;
  z: number;
  style: { text: string; fill: string; opacity: number; fontSize: number; fontFamily: string; align: 'center'; verticalAlign: 'middle' };
}

/**
 * The watermark as ECharts graphic texts tiling a `width`×`height` picture (PNG and SVG exports,
 * printed charts): one text at each tile's centre, rows offset by half a tile so the pattern
 * does not line up into columns, drawn above the chart (`z`) and ignoring the mouse.
 * Empty text gives no elements.
 * @example watermarkGraphics('内部资料', 400, 300, 'sans-serif').length > 0 // true
 */
export function watermarkGraphics(text: string, width: number, height: number, fontFamily: string, look: WatermarkLook = {}): WatermarkGraphic[] {
  if (text === '' || width <= 0 || height <= 0) return [];
  const fontSize = look.fontSize ?? WATERMARK_STYLE.fontSize;
  const tile = watermarkTile(text, fontSize);
  const out: WatermarkGraphic[] = [];
  const rotation = (-WATERMARK_ANGLE * Math.PI) / 180;
  for (let row = 0, y = tile.height / 2; y - tile.height / 2 < height; row++, y += tile.height) {
    for (let x = row % 2 === 0 ? tile.width / 2 : 0; x - tile.width / 2 < width; x += tile.width) {
      out.push({
        type: 'text',
        x: Math.round(x),
        y: Math.round(y),
        rotation,
        silent: true,
        z: 1000,
        style: {
          text,
          fill: look.colour ?? WATERMARK_STYLE.colour,
          // Exports are on white: a little stronger than on screen so it survives a photocopy.
          opacity: look.opacity ?? WATERMARK_STYLE.opacity + 0.06,
          fontSize,
          fontFamily,
          align: 'center',
          verticalAlign: 'middle',
        },
      });
    }
  }
  return out;
}

/**
 * Whether a value read from outside (an embed's document) is a watermark's text as `watermarkText`
 * gives it: a non-empty string of at most MAX_WATERMARK_LENGTH characters.
 * @example isWatermarkText('内部资料  2026-12-07') // true
 * @example isWatermarkText('') // false
 */
export function isWatermarkText(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  return Array.from(value).length <= MAX_WATERMARK_LENGTH;
}
