/**
 * Sizes for PNG export. ECharts lays a chart out at a CSS size and multiplies by a pixel ratio
 * (`getDataURL({ pixelRatio })`). For a page in a Word document what matters is the printed size:
 * laying out at the text width in CSS pixels (96 per inch) and rendering at 300/96 gives a
 * 300 dpi image whose text prints at the size it had on screen (12 px ≈ 9 pt).
 */
import { translate, type Locale } from '../domain/messages/index';

/** Named sizes: a screen width, and the text width of an A4 page, portrait or landscape. */
export type SizePresetId = 'screen' | 'a4-portrait' | 'a4-landscape';

/** A preset's layout width in CSS pixels and its default pixel ratio. */
export interface SizePreset {
  cssWidth: number;
  pixelRatio: number;
}

const CSS_PX_PER_CM = 96 / 2.54;
/** 300 dpi printed from a 96 dpi layout. */
const PRINT_RATIO = 300 / 96;

/** The presets. A4 text widths assume Word's default 2.54 cm side margins (16 cm and 24.7 cm). */
export const SIZE_PRESETS: ReadonlyMap<SizePresetId, SizePreset> = new Map([
  ['screen', { cssWidth: 1200, pixelRatio: 2 }],
  ['a4-portrait', { cssWidth: Math.round(16 * CSS_PX_PER_CM), pixelRatio: PRINT_RATIO }],
  ['a4-landscape', { cssWidth: Math.round(24.7 * CSS_PX_PER_CM), pixelRatio: PRINT_RATIO }],
]);

/** Bounds that keep the canvas within what browsers allocate (16 384 px a side). */
export const SIZE_LIMITS = { minSide: 100, maxSide: 4000, minRatio: 1, maxRatio: 4 } as const;

/** What the user asked for; anything absent comes from the preset (default `screen`). */
export interface ExportSizeRequest {
  preset?: SizePresetId;
  /** Layout width in CSS pixels; overrides the preset's. */
  width?: number;
  /** Layout height in CSS pixels; default 9/16 of the width. */
  height?: number;
  /** 1–4; default 2 on screen, 300/96 for page presets. */
  pixelRatio?: number;
  background?: 'white' | 'transparent';
}

/** A checked size, ready for `chart.resize({ width, height })` and `getDataURL({ pixelRatio, backgroundColor })`. */
export interface ExportSize {
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
  /** Size of the PNG in pixels. */
  pixelWidth: number;
  pixelHeight: number;
  /** Resolution when printed at the CSS size (96 × pixel ratio). */
  dpi: number;
  backgroundColor: '#ffffff' | 'transparent';
}

/** The result: a size, or sentences saying what is wrong. */
export type ExportSizeResult = { ok: true; size: ExportSize } | { ok: false; errors: string[] };

const isSide = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= SIZE_LIMITS.minSide && n <= SIZE_LIMITS.maxSide;

/**
 * Check a size request and fill in the defaults.
 * @example resolveExportSize({ preset: 'a4-portrait' }) // { ok: true, size: { cssWidth: 605, pixelWidth: 1890, dpi: 300, … } }
 */
export function resolveExportSize(request: ExportSizeRequest, locale: Locale = 'zh'): ExportSizeResult {
  const errors: string[] = [];
  const range = { min: SIZE_LIMITS.minSide, max: SIZE_LIMITS.maxSide };
  const presetId = request.preset ?? 'screen';
  const preset = SIZE_PRESETS.get(presetId);
  if (!preset) errors.push(translate(locale, 'export.size.preset', { value: String(presetId).slice(0, 40) }));
  const cssWidth = request.width ?? preset?.cssWidth ?? 0;
  if (!isSide(cssWidth)) errors.push(translate(locale, 'export.size.width', range));
  const cssHeight = request.height ?? Math.round((cssWidth * 9) / 16);
  if (!isSide(cssHeight)) errors.push(translate(locale, 'export.size.height', range));
  const pixelRatio = request.pixelRatio ?? preset?.pixelRatio ?? 2;
  if (!(Number.isFinite(pixelRatio) && pixelRatio >= SIZE_LIMITS.minRatio && pixelRatio <= SIZE_LIMITS.maxRatio)) {
    errors.push(translate(locale, 'export.size.pixel_ratio', { min: SIZE_LIMITS.minRatio, max: SIZE_LIMITS.maxRatio }));
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    size: {
      cssWidth,
      cssHeight,
      pixelRatio,
      pixelWidth: Math.round(cssWidth * pixelRatio),
      pixelHeight: Math.round(cssHeight * pixelRatio),
      dpi: Math.round(96 * pixelRatio),
      backgroundColor: request.background === 'transparent' ? 'transparent' : '#ffffff',
    },
  };
}
