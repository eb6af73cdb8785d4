import { describe, expect, it } from 'vitest';
import { slideKindKey } from '../../../src/ui/briefing/slide-kind-label';
import type { ResolvedSlide } from '../../../src/app/briefing/deck';
import type { ViewSpec } from '../../../src/domain/types';
import { briefing as zh } from '../../../src/domain/messages/briefing';
import { briefing as en } from '../../../src/domain/messages/en/briefing';

const spec: ViewSpec = { version: 1, kind: 'trend', indicator: 'PM10平均浓度' };
const region: ViewSpec = { version: 1, kind: 'region', indicator: 'PM10平均浓度', regions: ['道里区'] };
const view = { name: '趋势', spec };
const regionView = { name: '道里区', spec: region };

describe('slideKindKey', () => {
  it.each<[string, ResolvedSlide, string, string]>([
    ['a chart slide', { kind: 'chart', view }, '图表页', 'Chart'],
    ['a 按地区 slide', { kind: 'chart', view: regionView }, '按地区页', 'One region'],
    ['a ranking slide', { kind: 'chart', view: { name: '排名', spec: { ...spec, kind: 'ranking' } } }, '排名页', 'Ranking'],
    ['a map slide', { kind: 'chart', view: { name: '地图', spec: { ...spec, kind: 'map' } } }, '地图页', 'Map'],
    ['a title slide', { kind: 'title', view }, '标题页', 'Title'],
    ['a KPI slide', { kind: 'kpi', view }, '指标页', 'KPI'],
    ['a pair with a 按地区 side', { kind: 'pair', view, right: regionView }, '对比页', 'Comparison'],
    ['a missing slide', { kind: 'missing' }, '缺失', 'Missing'],
  ])('%s is named %s / %s', (_, slide, zhLabel, enLabel) => {
    const key = slideKindKey(slide);
    expect([zh[key], en[key]]).toEqual([zhLabel, enLabel]);
  });

  it('does not change the slide', () => {
    const slide: ResolvedSlide = { kind: 'chart', view: regionView };
    const before = JSON.stringify(slide);
    slideKindKey(slide);
    expect(JSON.stringify(slide)).toBe(before);
  });
});
