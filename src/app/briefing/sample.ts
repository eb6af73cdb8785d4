/**
 * The sample deck (示例汇报) created with the sample data on a first visit, so the briefing page
 * has something to present before the user has saved any view.
 */
import type { ViewSpec } from '../../domain/types';
import type { Deck, SavedView } from '../../store';
import * as store from '../../store';
import { pairSlide, titleSlide } from './deck';

/** The id of the sample deck, so a link such as `?page=briefing&deck=sample-deck` opens it. */
export const SAMPLE_DECK_ID = 'sample-deck';
/** Every sample view's id starts with this, so removing the sample removes them too. */
export const SAMPLE_VIEW_PREFIX = 'sample-view-';

const spec = (kind: ViewSpec['kind'], indicator: string, extra: Partial<ViewSpec> = {}): ViewSpec => ({
  version: 1,
  kind,
  indicator,
  ...extra,
});

/**
 * The sample's saved views and deck, as data (indicators of `data/sample-trends.csv`).
 * @example sampleDeck().deck.slides.length // 5
 */
export function sampleDeck(): { views: SavedView[]; deck: Deck } {
  const views: SavedView[] = [
    {
      id: 'sample-view-tillage',
      name: '保护性耕作面积趋势',
      spec: spec('trend', '保护性耕作面积', { regions: ['道里区', '南岗区', '双城区', '五常市'] }),
      title: '保护性耕作面积逐年扩大',
      subtitle: '哈尔滨市部分区县 · 示例数据',
      notes: '先讲总体趋势：各区县面积逐年增加。',
      slideKind: 'chart',
    },
    {
      id: 'sample-view-straw',
      name: '秸秆还田率地区对比',
      spec: spec('comparison', '秸秆还田率'),
      title: '秸秆还田率地区对比',
      subtitle: '示例数据',
      notes: '排名并列的地区按并列处理。',
      slideKind: 'chart',
    },
    {
      id: 'sample-view-pm10',
      name: 'PM10平均浓度（乌海市）',
      spec: spec('overview', 'PM10平均浓度', { regions: ['乌海市'], period: '2023' }),
      title: 'PM10平均浓度',
      subtitle: '乌海市 · 示例数据',
      notes: 'PM10 越低越好：同比下降是向好。',
      slideKind: 'kpi',
    },
    {
      id: 'sample-view-days',
      name: '优良天数（乌海市）',
      spec: spec('overview', '优良天数', { regions: ['乌海市'], period: '2023' }),
      title: '优良天数',
      subtitle: '乌海市 · 示例数据',
      notes: '优良天数越多越好。',
      slideKind: 'kpi',
    },
  ];
  const deck: Deck = {
    id: SAMPLE_DECK_ID,
    name: '示例汇报',
    slides: [
      titleSlide('生态环境整改工作汇报', '示例汇报 · 数据为示例，非真实统计', '开场：说明数据来源与口径。', views[0]!.spec),
      { viewId: 'sample-view-tillage' },
      { viewId: 'sample-view-straw' },
      { viewId: 'sample-view-pm10' },
      pairSlide('sample-view-pm10', 'sample-view-days'),
    ],
  };
  return { views, deck };
}

/**
 * Store the sample views and deck, unless the user already has a deck with the sample's id.
 * @example await putSampleDeck()
 */
export async function putSampleDeck(): Promise<void> {
  if (await store.getDeck(SAMPLE_DECK_ID)) return;
  const { views, deck } = sampleDeck();
  for (const view of views) await store.putView(view);
  await store.putDeck(deck);
}
