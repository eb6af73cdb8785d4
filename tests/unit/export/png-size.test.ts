import { describe, expect, it } from 'vitest';
import { resolveExportSize, type ExportSizeRequest } from '../../../src/export/png-size';

describe('resolveExportSize accepts', () => {
  const cases: { name: string; request: ExportSizeRequest; size: Record<string, unknown> }[] = [
    { name: 'the default: screen at 2×, white', request: {}, size: { cssWidth: 1200, cssHeight: 675, pixelRatio: 2, pixelWidth: 2400, pixelHeight: 1350, dpi: 192, backgroundColor: '#ffffff' } },
    { name: 'A4 portrait: 16 cm at 300 dpi ≈ 1890 px', request: { preset: 'a4-portrait' }, size: { cssWidth: 605, pixelWidth: 1891, dpi: 300 } },
    { name: 'A4 landscape: 24.7 cm at 300 dpi', request: { preset: 'a4-landscape' }, size: { cssWidth: 934, pixelWidth: 2919, dpi: 300 } },
    { name: 'a chosen width and height at 4×', request: { width: 800, height: 500, pixelRatio: 4 }, size: { cssWidth: 800, cssHeight: 500, pixelWidth: 3200, pixelHeight: 2000 } },
    { name: 'a transparent background', request: { background: 'transparent' }, size: { backgroundColor: 'transparent' } },
    { name: 'a page preset at 1×', request: { preset: 'a4-portrait', pixelRatio: 1 }, size: { pixelWidth: 605, dpi: 96 } },
  ];
  it.each(cases)('$name', ({ request, size }) => {
    const result = resolveExportSize(request);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.size).toMatchObject(size);
  });
});

describe('resolveExportSize rejects', () => {
  const cases: { name: string; request: ExportSizeRequest; error: RegExp }[] = [
    { name: 'a pixel ratio above 4', request: { pixelRatio: 5 }, error: /像素倍率必须在 1 到 4 之间/ },
    { name: 'a pixel ratio below 1', request: { pixelRatio: 0.5 }, error: /像素倍率/ },
    { name: 'a NaN pixel ratio', request: { pixelRatio: Number.NaN }, error: /像素倍率/ },
    { name: 'a width too small', request: { width: 10 }, error: /宽度必须是 100 到 4000 之间的整数像素/ },
    { name: 'a width too large', request: { width: 5000, height: 500 }, error: /宽度/ },
    { name: 'a fractional width', request: { width: 800.5, height: 500 }, error: /宽度/ },
    { name: 'a height too large', request: { height: 99999 }, error: /高度必须是/ },
    { name: 'an unknown preset', request: { preset: 'a3' as never }, error: /未知的尺寸预设：a3/ },
  ];
  it.each(cases)('$name', ({ request, error }) => {
    const result = resolveExportSize(request);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(error);
  });

  it('speaks English when asked', () => {
    expect(resolveExportSize({ pixelRatio: 9 }, 'en')).toEqual({ ok: false, errors: ['The pixel ratio must be from 1 to 4.'] });
  });

  it('does not mutate its input', () => {
    const request: ExportSizeRequest = { preset: 'a4-landscape', pixelRatio: 3 };
    const copy = structuredClone(request);
    resolveExportSize(request);
    expect(request).toEqual(copy);
  });
});
