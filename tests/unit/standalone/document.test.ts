import { describe, expect, it } from 'vitest';
import { buildChartDocument, pickIndicator, readChartDocument, MAX_DOCUMENT_CHARTS, type DocumentChart } from '../../../src/standalone/document';
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
    expect((built.charts[0] as DocumentChart).indicator).toEqual({
      name: '保护性耕作面积',
      baseUnit: '亩',
      displayUnit: '万亩',
      polarity: 'higher',
      targets: [{ period: '2025', value: 100000, region: '道里区' }],
    });
    expect((built.charts[0] as DocumentChart).payload.observations[0]).not.toHaveProperty('source');
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
    ['unknown colour convention', (d) => ({ ...d, convention: 'red-up' })],
    ['unknown way of showing a chart', (d) => ({ ...d, charts: [{ ...(d.charts as object[])[0], show: 'poster' }] })],
    ['a title slide without text', (d) => ({ ...d, charts: [{ text: { title: 5, subtitle: '' } }] })],
    ['a damaged map boundary', (d) => ({ ...d, charts: [{ ...(d.charts as object[])[0], boundary: { joinOn: 'name', shapes: [{ key: 'a' }] } }] })],
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

describe('colour convention, title slides and KPI slides', () => {
  const cases: [string, 'good-green' | 'rise-red' | undefined, 'good-green' | 'rise-red'][] = [
    ['good = green when not given', undefined, 'good-green'],
    ['涨红跌绿 when the user chose it', 'rise-red', 'rise-red'],
  ];
  it.each(cases)('%s, and it survives the round trip', (_name, convention, expected) => {
    const built = buildChartDocument({ title: '看板', locale: 'zh', theme: 'light', convention, charts: [{ spec, observations: [obs], indicator }] });
    expect(built.convention).toBe(expected);
    const read = readChartDocument(JSON.parse(JSON.stringify(built)));
    expect(read.ok && read.document.convention).toBe(expected);
  });

  it('opens a file saved before the convention travelled with it, as good = green', () => {
    const old = JSON.parse(JSON.stringify(doc()));
    delete old.convention;
    const read = readChartDocument(old);
    expect(read.ok && read.document.convention).toBe('good-green');
  });

  it('keeps title slides and KPI slides in order', () => {
    const built = buildChartDocument({
      title: '汇报',
      locale: 'zh',
      theme: 'light',
      convention: 'rise-red',
      charts: [{ text: { title: '2024年工作汇报', subtitle: '<b>市生态环境局</b>' } }, { spec, observations: [obs], indicator, show: 'slide-kpi' }],
    });
    const read = readChartDocument(JSON.parse(JSON.stringify(built)));
    expect(read).toEqual({ ok: true, document: built });
    expect(read.ok && read.document.charts[0]).toEqual({ text: { title: '2024年工作汇报', subtitle: '<b>市生态环境局</b>' } });
  });
});

describe('side-by-side halves', () => {
  it('keeps `beside` on the right half through the round trip, and refuses other values', () => {
    const built = buildChartDocument({
      title: '汇报',
      locale: 'zh',
      theme: 'light',
      charts: [
        { spec, observations: [obs], indicator, show: 'slide-kpi' },
        { spec, observations: [obs], indicator, show: 'slide-kpi', beside: true },
      ],
    });
    const read = readChartDocument(JSON.parse(JSON.stringify(built)));
    expect(read.ok && read.document.charts.map((c) => 'beside' in c && c.beside)).toEqual([false, true]);
    const bad = JSON.parse(JSON.stringify(built));
    bad.charts[1].beside = 'yes';
    expect(readChartDocument(bad).ok).toBe(false);
  });
});
