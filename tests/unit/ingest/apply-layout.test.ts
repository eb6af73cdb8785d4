import { describe, expect, it } from 'vitest';
import { applyLayout } from '../../../src/ingest/apply-layout';
import { ingestText } from '../../../src/ingest';
import type { ColumnRole } from '../../../src/ingest/types';

describe('applyLayout', () => {
  const cases: { name: string; headers: string[]; roles: ColumnRole[]; layout: 'long' | 'wide' | undefined; chosen?: string[]; want: ColumnRole[] }[] = [
    { name: 'no choice keeps the inferred roles', headers: ['地区', '2024年'], roles: ['region', 'period-column'], layout: undefined, want: ['region', 'period-column'] },
    { name: 'wide unpivots period headers read as values', headers: ['地区', '2024年'], roles: ['region', 'value'], layout: 'wide', want: ['region', 'period-column'] },
    { name: 'wide leaves other value columns alone', headers: ['地区', '数值'], roles: ['region', 'value'], layout: 'wide', want: ['region', 'value'] },
    { name: 'long leaves wide columns out', headers: ['地区', '2024年', '面积'], roles: ['region', 'period-column', 'indicator-column'], layout: 'long', want: ['region', 'ignore', 'ignore'] },
    { name: "the user's own role wins", headers: ['地区', '2024年'], roles: ['region', 'period-column'], layout: 'long', chosen: ['2024年'], want: ['region', 'period-column'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(applyLayout(c.headers, c.roles, c.layout, new Set(c.chosen ?? []))).toEqual(c.want);
    });
  }

  it('does not mutate its input', () => {
    const roles: ColumnRole[] = ['region', 'value'];
    applyLayout(['地区', '2024年'], roles, 'wide', new Set());
    expect(roles).toEqual(['region', 'value']);
  });

  it('is honoured by ingest: a wide table forced long makes no unpivoted records', () => {
    const text = '地区\t指标\t2023年\t2024年\n道里区\t保护性耕作面积\t5.9万亩\t6.04万亩\n';
    expect(ingestText(text).records).toHaveLength(2);
    const long = ingestText(text, { layout: 'long' });
    expect(long.layout).toBe('long');
    expect(long.mapping['2024年']).toBe('ignore');
  });
});
