import { describe, expect, it } from 'vitest';
import { buildChartDocument, pickIndicator, readChartDocument, MAX_DOCUMENT_CHARTS } from '../../../src/standalone/document';
import { decodePayload, encodePayload } from '../../../src/export/payload';
import type { Indicator, Observation, ViewSpec } from '../../../src/domain/types';

const spec: ViewSpec = { version: 1, kind: 'trend', indicator: '保护性耕作面积', regions: ['道里区'] };
const indicator: Indicator = {
  name: '保护性耕作面积',
  baseUnit: '亩',
  displayUnit: '万亩',
  polarity: 'higher',
  description: '不应随图表外传的说明',
  targets: [{ period: '2025', value: 100000, region: '道里区' }],
};
const obs: Observation = { region: '道里区', indicator: '保护性耕作面积', period: '2024', value: 60400, unit: '亩', displayUnit: '万亩', source: { row: 3 } };

const doc = () => buildChartDocument({ title: '看板', locale: 'zh', theme: 'light', charts: [{ spec, observations: [obs], indicator }] });

describe('buildChartDocument and readChartDocument', () => {
  it('round-trips through JSON and the URL payload encoding', async () => {
    const built = doc();
    const decoded = await decodePayload(await encodePayload(built));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(readChartDocument(decoded.value)).toEqual({ ok: true, document: built });
  });

  it('keeps only what a chart needs from the indicator and the rows', () => {
    const built = doc();
    expect(built.charts[0].indicator).toEqual({
      name: '保护性耕作面积',
      baseUnit: '亩',
      displayUnit: '万亩',
      polarity: 'higher',
      targets: [{ period: '2025', value: 100000, region: '道里区' }],
    });
    expect(built.charts[0].payload.observations[0]).not.toHaveProperty('source');
  });

  it('does not mutate its input', () => {
    const input = { ...indicator, targets: indicator.targets.map((t) => ({ ...t })) };
    const copy = structuredClone(input);
    pickIndicator(input);
    buildChartDocument({ title: 't', locale: 'zh', theme: 'light', charts: [{ spec, observations: [obs], indicator: input }] });
    expect(input).toEqual(copy);
  });

  const cases: [string, (d: Record<string, unknown>) => unknown][] = [
    ['not an object', () => 'text'],
    ['unknown version', (d) => ({ ...d, version: 2 })],
    ['unknown locale', (d) => ({ ...d, locale: 'fr' })],
    ['unknown theme', (d) => ({ ...d, theme: 'neon' })],
    ['no charts', (d) => ({ ...d, charts: [] })],
    ['title not text', (d) => ({ ...d, title: 5 })],
    ['indicator of another name', (d) => ({ ...d, charts: [{ ...(d.charts as object[])[0], indicator: { ...indicator, name: '别的指标' } }] })],
    ['bad polarity', (d) => ({ ...d, charts: [{ ...(d.charts as object[])[0], indicator: { ...indicator, polarity: 'up' } }] })],
    ['target with a bad period', (d) => ({ ...d, charts: [{ ...(d.charts as object[])[0], indicator: { ...indicator, targets: [{ period: 'soon', value: 1 }] } }] })],
    ['observation with a non-number value', (d) => ({ ...d, charts: [{ ...(d.charts as object[])[0], payload: { version: 1, spec, observations: [{ ...obs, value: '1' }] } }] })],
    ['too many charts', (d) => ({ ...d, charts: Array.from({ length: MAX_DOCUMENT_CHARTS + 1 }, () => (d.charts as object[])[0]) })],
  ];
  it.each(cases)('refuses %s with a sentence', (_name, change) => {
    const result = readChartDocument(change(JSON.parse(JSON.stringify(doc()))), 'en');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/\w+ .*\w/);
  });

  it('treats __proto__ keys as data, never as prototypes', () => {
    const raw = JSON.parse(JSON.stringify(doc()).replace('"theme":"light"', '"theme":"light","__proto__":{"polluted":1}'));
    const result = readChartDocument(raw);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.keys(result.document)).not.toContain('__proto__');
  });
});
