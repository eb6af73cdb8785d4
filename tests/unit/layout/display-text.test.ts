import { describe, expect, it } from 'vitest';
import { CHART_MAX, chartText, DISPLAY_MAX, displayIndicator, displayRows, hoverTitle, shortText, TITLE_MAX } from '../../../src/charts/display-text';
import type { Indicator, Observation } from '../../../src/domain/types';

const long = 'N'.repeat(100_000);

describe('shortText', () => {
  const cases: [string, string, number | undefined, string][] = [
    ['short text is kept', '道里区', undefined, '道里区'],
    ['exactly the limit is kept', 'a'.repeat(DISPLAY_MAX), undefined, 'a'.repeat(DISPLAY_MAX)],
    ['one over is cut with …', 'a'.repeat(DISPLAY_MAX + 1), undefined, `${'a'.repeat(DISPLAY_MAX)}…`],
    ['a custom limit', '黑龙江省哈尔滨市', 3, '黑龙江…'],
    ['surrogate pairs are not split', '𠀀'.repeat(5), 3, '𠀀𠀀𠀀…'],
  ];
  it.each(cases)('%s', (_name, text, max, expected) => {
    expect(shortText(text, max)).toBe(expected);
  });

  it('cuts a 100,000-character name to 201 characters', () => {
    expect(shortText(long)).toHaveLength(DISPLAY_MAX + 1);
  });

  it('charts cut names shorter', () => {
    expect(chartText(long)).toBe(`${'N'.repeat(CHART_MAX)}…`);
    expect(chartText('哈尔滨市道里区')).toBe('哈尔滨市道里区');
  });
});

describe('hoverTitle', () => {
  it.each([
    ['none for a name shown whole', '道里区', undefined],
    ['the whole name when cut', 'b'.repeat(300), 'b'.repeat(300)],
    ['capped at TITLE_MAX', long, `${'N'.repeat(TITLE_MAX)}…`],
  ])('%s', (_name, text, expected) => {
    expect(hoverTitle(text)).toBe(expected);
  });
});

describe('displayIndicator and displayRows', () => {
  const indicator: Indicator = { name: long, baseUnit: `万${long}`, polarity: 'higher', targets: [] };
  const rows: Observation[] = [
    { region: long, indicator: long, period: '2024', value: 1, unit: `万${long}` },
    { region: '道里区', indicator: long, period: '2024', value: 2, unit: '吨' },
  ];

  it('cuts the display name and units, keeping the name as the key', () => {
    const shown = displayIndicator(indicator);
    expect(shown.name).toBe(long);
    expect(shown.displayName).toHaveLength(CHART_MAX + 1);
    expect(shown.baseUnit).toHaveLength(CHART_MAX + 1);
  });

  it('returns the same objects when nothing is long', () => {
    const plain: Indicator = { name: '面积', baseUnit: '亩', polarity: 'higher', targets: [] };
    expect(displayIndicator(plain)).toBe(plain);
    const few = [rows[1]!];
    expect(displayRows(few)).toBe(few);
  });

  it('cuts long regions and units, and copies only those rows', () => {
    const shown = displayRows(rows);
    expect(shown[0]!.region).toHaveLength(CHART_MAX + 1);
    expect(shown[0]!.unit).toHaveLength(CHART_MAX + 1);
    expect(shown[1]).toBe(rows[1]);
  });

  it('does not mutate its input', () => {
    const copy = JSON.parse(JSON.stringify(rows));
    displayRows(rows);
    displayIndicator(indicator);
    expect(rows).toEqual(copy);
    expect(indicator.baseUnit).toHaveLength(100_001);
  });
});
