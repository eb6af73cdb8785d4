import { describe, expect, it } from 'vitest';
import { buildRankingTable } from '../../../src/views/ranking';
import { light, withConvention } from '../../../src/charts/theme';
import type { ViewSpec } from '../../../src/domain/types';
import { data, HOSTILE, rows } from '../standalone/fixtures';
import { textColour } from '../../../src/charts/text-colour';

/** A change is 15 px text: its colour is the chart colour moved to 4.5:1 on the background. */
const asText = (colour: string) => textColour(colour, light.background);

const spec: ViewSpec = { version: 1, kind: 'ranking', indicator: '造林面积', period: '2024' };

describe('buildRankingTable', () => {
  const table = buildRankingTable(data, spec, light);
  const byRegion = new Map(table.rows.map((r) => [r.region, r]));

  it('ranks the regions of the period, totals left out, ties said in words', () => {
    expect(table.rows.map((r) => [r.rank, r.tied, r.region])).toEqual([
      ['1', '并列', '乙县'],
      ['1', '并列', '甲县'],
      ['3', '', HOSTILE],
      ['4', '', '__proto__'],
    ]);
    expect(table.columns).toEqual(['名次', '地区', '数值', '比上期', '名次变化', '走势', '目标完成']);
    expect(table.heading).toBe('造林面积：排名（2024年）');
  });

  const cases: [string, string, string, string][] = [
    // region, value, change text, rank move
    ['甲县', '3.6万亩', '▲20.0%', '▲ 上升 1 位'],
    ['乙县', '3.6万亩', '▼10.0%', '■ 不变'],
    [HOSTILE, '2.8万亩', '▲40.0%', '■ 不变'],
    ['__proto__', '0.1万亩', '—', '上期无数据'],
  ];
  it.each(cases)('%s: value %s, change %s, move %s', (region, value, change, move) => {
    const r = byRegion.get(region)!;
    expect(r.value).toBe(value);
    expect(r.change.text).toBe(change);
    expect(r.move).toBe(move);
  });

  it('draws a sparkline per region over the periods, labelled with its span', () => {
    const r = byRegion.get('甲县')!;
    expect(r.sparkline.d).toMatch(/^M1 \d+(\.\d)?L95 \d+/);
    expect(r.sparkline.label).toBe('甲县：2023年至2024年走势');
  });

  it('names the traffic light in words beside its colour', () => {
    const t = byRegion.get('甲县')!.target!;
    expect(t.pct).toBe('90%');
    // Due by the end of 2024 and 0.4万亩 short at 2024: missed, said with the gap.
    expect(t.status).toBe('missed');
    expect(t.word).toBe('未完成 差0.4万亩');
    expect(t.colour).toBe(light.bad);
    expect(byRegion.get('乙县')!.target).toBeUndefined();
  });

  it('colours changes under the colour convention', () => {
    // higher is better: a rise is good (green) by default, and red under 涨红跌绿.
    expect(byRegion.get('甲县')!.change.colour).toBe(asText(light.good));
    expect(byRegion.get('乙县')!.change.colour).toBe(asText(light.bad));
    const red = buildRankingTable(data, spec, withConvention(light, 'rise-red'));
    expect(red.rows.find((r) => r.region === '甲县')!.change.colour).toBe(asText(light.bad));
    expect(red.rows.find((r) => r.region === '乙县')!.change.colour).toBe(asText(light.good));
  });

  it('says so when the period has nothing to rank', () => {
    const empty = buildRankingTable(data, { ...spec, period: '2019' }, light);
    expect(empty.rows).toEqual([]);
    expect(empty.empty).toBe('该时期没有可排名的地区数据。');
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(rows);
    buildRankingTable(data, spec, light);
    expect(rows).toEqual(copy);
  });
});
