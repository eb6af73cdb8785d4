/** Shared builders for the store tests: fresh database names and sample observations. */
import type { Observation } from '../../../src/domain/types';
import type { DatasetMeta } from '../../../src/store';

let counter = 0;

/** A database name no other test uses. */
export function freshName(): string {
  counter += 1;
  return `store-test-${process.pid}-${Date.now()}-${counter}`;
}

/** Dataset meta as an importer would pass it. */
export function meta(name = '测试数据', extra: Partial<DatasetMeta> = {}): DatasetMeta {
  return { name, fileName: `${name}.csv`, format: 'csv', encoding: 'utf-8', issueCount: 0, notes: ['注：测试'], ...extra };
}

/** An observation with only the required fields. */
export function obs(region: string, indicator: string, period: string, value: number, unit = '亩'): Observation {
  return { region, indicator, period, value, unit };
}

/** `n` observations over 3 indicators, 7 regions and 4 years, with a source row each. */
export function many(n: number, indicatorPrefix = '指标'): Observation[] {
  const out: Observation[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      region: `地区${i % 7}`,
      indicator: `${indicatorPrefix}${i % 3}`,
      period: String(2021 + (i % 4)),
      value: i * 1.5 - 7,
      unit: '吨',
      source: { row: i + 2 },
    });
  }
  return out;
}
