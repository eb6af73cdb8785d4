/**
 * 按地区 on a saved page: the document carries the region's rows of every indicator with the
 * dataset each came from, and the page builds the same view model as the app's tab.
 */
import { describe, expect, it } from 'vitest';
import { buildChartDocument, readChartDocument, type ChartInput } from '../../../src/standalone/document';
import { buildDocumentItems } from '../../../src/standalone/build-charts';
import { buildView, type ViewData } from '../../../src/views/build-view';
import { light } from '../../../src/charts/theme';
import { buildSlide, REGION_SLIDE_CARDS, slideTheme } from '../../../src/views/slides';
import type { Indicator, Observation, ViewSpec } from '../../../src/domain/types';
import { HOSTILE } from '../standalone/fixtures';

const area: Indicator = { name: '造林面积', baseUnit: '亩', displayUnit: '万亩', polarity: 'higher', targets: [{ period: '2024', value: 40000, region: '甲县' }] };
const rate: Indicator = { name: HOSTILE, baseUnit: '%', polarity: 'higher', targets: [] };
type Row = Observation & { datasetId: string };
const row = (indicator: string, period: string, value: number, datasetId: string, unit = '亩'): Row => ({ region: '甲县', indicator, period, value, unit, datasetId });
const rows: Row[] = [
  row('造林面积', '2023', 30000, 'a'),
  row('造林面积', '2024', 36000, 'a'),
  row(HOSTILE, '2023', 61.5, 'b', '%'),
  row(HOSTILE, '2024', 65.7, 'b', '%'),
];
const spec: ViewSpec = { version: 1, kind: 'region', indicator: '造林面积', regions: ['甲县'] };
const data: ViewData = {
  indicator: area,
  observations: rows,
  locale: 'zh',
  regionSet: { indicators: [area, rate], datasets: [{ id: 'a', name: '林业表' }, { id: 'b', name: HOSTILE }] },
};
const input: ChartInput = { spec, observations: rows, indicator: area, regionSet: data.regionSet };
const reread = (doc: unknown) => readChartDocument(JSON.parse(JSON.stringify(doc)), 'zh');

describe('按地区 on a saved page', () => {
  it('builds, after the file is read back, the model the tab builds', () => {
    const tab = buildView(spec, data, { theme: light });
    const read = reread(buildChartDocument({ title: '甲县', locale: 'zh', theme: 'light', charts: [input] }));
    expect(read.ok).toBe(true);
    const page = read.ok ? buildDocumentItems(read.document)[0] : undefined;
    expect(page).toEqual(tab);
    expect(tab.type === 'region' && tab.groups.map((g) => [g.heading, g.cards.map((c) => `${c.name} ${c.card.value}`)])).toEqual([
      ['林业表', ['造林面积 3.6万亩']],
      [HOSTILE, [`${HOSTILE} 65.7%`]],
    ]);
  });

  it.each<[string, (region: Record<string, unknown>) => void]>([
    ['a dataset index out of range', (r) => ((r.datasetOf as number[])[0] = 2)],
    ['fewer dataset indices than rows', (r) => (r.datasetOf as number[]).pop()],
    ['an indicator that is not one', (r) => (r.indicators as unknown[]).push({ name: 1 })],
    ['a dataset without a name', (r) => (r.datasets as unknown[]).push({ id: 'c' })],
  ])('refuses a file with %s', (_, spoil) => {
    const doc = JSON.parse(JSON.stringify(buildChartDocument({ title: '甲县', locale: 'zh', theme: 'light', charts: [input] })));
    spoil(doc.charts[0].region);
    expect(readChartDocument(doc, 'zh').ok).toBe(false);
  });

  it('never changes its input', () => {
    const before = JSON.stringify([input, data]);
    buildDocumentItems(buildChartDocument({ title: '甲县', locale: 'zh', theme: 'light', charts: [input] }));
    buildView(spec, data, { theme: light });
    expect(JSON.stringify([input, data])).toBe(before);
  });
});

describe('按地区 on a slide', () => {
  const many: Indicator[] = Array.from({ length: 11 }, (_, i) => ({ name: `指标${i + 1}`, baseUnit: '亩', polarity: 'higher', targets: [] }));
  const manyRows: Row[] = many.flatMap((i, k) => [row(i.name, '2023', 10 + k, 'a'), row(i.name, '2024', 20 + k, 'a')]);
  const slideData = (indicators: Indicator[]): ViewData => ({
    indicator: indicators[0]!,
    observations: manyRows,
    locale: 'zh',
    regionSet: { indicators, datasets: [{ id: 'a', name: '表' }] },
  });
  it.each<[string, Indicator[], number, string | undefined, boolean]>([
    ['as many cards as a slide holds, and says how many more there are', many, REGION_SLIDE_CARDS, '另有 3 项指标未列出，见看板“按地区”。', false],
    ['every card when they fit', many.slice(0, 3), 3, undefined, false],
    ['half a slide (a pair): half the cards, the rest counted from there', many, REGION_SLIDE_CARDS / 2, '另有 7 项指标未列出，见看板“按地区”。', true],
  ])('shows %s', (_, indicators, cards, more, half) => {
    const slide = buildSlide('region', { name: '甲县', spec, half }, slideData(indicators), slideTheme('good-green'));
    expect(slide.cards.map((c) => c.indicator)).toEqual(indicators.slice(0, cards).map((i) => i.name));
    expect(slide.more).toBe(more);
  });

  // A deck saved as a page: its 按地区 slide is the slide model (8 cards and 另有 n 项), not the whole view.
  const manySpec: ViewSpec = { ...spec, indicator: many[0]!.name };
  const slideInput = (show: ChartInput['show']): ChartInput => ({
    spec: manySpec,
    observations: manyRows,
    indicator: many[0]!,
    regionSet: slideData(many).regionSet,
    show,
  });
  it.each<[string, ChartInput['show'], string, number]>([
    ['a deck’s 按地区 slide draws the slide model', 'slide-region', 'slide-region', REGION_SLIDE_CARDS],
    ['a saved 按地区 view draws every card', undefined, 'region', many.length],
  ])('%s, after the file is read back', (_, show, type, cards) => {
    const read = reread(buildChartDocument({ title: '汇报', locale: 'zh', theme: 'light', charts: [slideInput(show)] }));
    expect(read.ok).toBe(true);
    const item = read.ok ? buildDocumentItems(read.document)[0] : undefined;
    expect(item?.type).toBe(type);
    if (item?.type === 'slide-region') {
      expect(item.slide).toEqual(buildSlide('region', { name: manySpec.indicator, spec: manySpec }, slideData(many), light));
      expect(item.slide.more).toBe('另有 3 项指标未列出，见看板“按地区”。');
    }
    if (item?.type === 'region') expect(item.groups.flatMap((g) => g.cards)).toHaveLength(cards);
    if (item?.type === 'slide-region') expect(item.slide.cards).toHaveLength(cards);
  });

  it.each([['slide-chart'], [1], [true]])('refuses a file whose item is shown as %j', (show) => {
    const doc = JSON.parse(JSON.stringify(buildChartDocument({ title: '汇报', locale: 'zh', theme: 'light', charts: [slideInput('slide-region')] })));
    doc.charts[0].show = show;
    expect(readChartDocument(doc, 'zh').ok).toBe(false);
  });
});
