import { expect } from 'vitest';

/**
 * Assert an option follows the safety rules: every tooltip renders rich text (never HTML), no
 * link options, aria on.
 */
export function expectSafe(option: unknown): void {
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      expect(['link', 'sublink', 'href', 'url'], `${path}.${k}`).not.toContain(k.toLowerCase());
      if (k === 'tooltip' && x && typeof x === 'object') expect((x as { renderMode?: string }).renderMode, `${path}.tooltip`).toBe('richText');
      if (k === 'renderMode') expect(x).toBe('richText');
      walk(x, `${path}.${k}`);
    }
  };
  walk(option, 'option');
  expect((option as { aria?: { enabled?: boolean } }).aria?.enabled).toBe(true);
}

/** Call an option's tooltip formatter as ECharts would. */
export function tooltipText(option: unknown, params: unknown): string {
  const tooltip = (option as { tooltip: { formatter: (p: unknown) => string } }).tooltip;
  return tooltip.formatter(params);
}
