import { describe, expect, it } from 'vitest';
import { buildEmbedPayload, validateEmbedPayload } from '../../../src/export/embed-payload';
import { decodePayload, encodePayload } from '../../../src/export/payload';
import type { Observation, ViewSpec } from '../../../src/domain/types';

const spec: ViewSpec = { version: 1, kind: 'trend', indicator: '保护性耕作面积', regions: ['道里区'] };
const obs: Observation = {
  region: '道里区',
  indicator: '保护性耕作面积',
  period: '2024',
  value: 60400,
  unit: '亩',
  displayUnit: '万亩',
  regionCode: '230102',
  approximate: true,
  source: { row: 7, column: '2024年' },
};

describe('buildEmbedPayload', () => {
  it('keeps the chart fields and drops source row references', () => {
    const payload = buildEmbedPayload(spec, [obs]);
    expect(payload).toEqual({
      version: 1,
      spec,
      observations: [{ region: '道里区', indicator: '保护性耕作面积', period: '2024', value: 60400, unit: '亩', displayUnit: '万亩', regionCode: '230102', approximate: true }],
    });
  });

  it('round-trips through encode, decode and validate', async () => {
    const payload = buildEmbedPayload(spec, [obs, { ...obs, region: '</script>', value: -3.5, period: '2023' }]);
    const decoded = await decodePayload(await encodePayload(payload));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(validateEmbedPayload(decoded.value)).toEqual({ ok: true, payload });
  });

  it('does not mutate its input', () => {
    const input = [{ ...obs }];
    const copy = structuredClone(input);
    buildEmbedPayload(spec, input);
    expect(input).toEqual(copy);
  });
});

describe('validateEmbedPayload', () => {
  const good = { version: 1, spec, observations: [{ region: 'a', indicator: 'b', period: '2024', value: 1, unit: '' }] };

  it('drops unknown keys on the payload and on observations (and reads an old embed\'s `kpi` as the overview)', () => {
    const input = JSON.parse(
      '{"version":1,"spec":{"version":1,"kind":"kpi","indicator":"b"},"extra":1,"observations":[{"region":"a","indicator":"b","period":"2024","value":1,"unit":"","__proto__":{"polluted":1},"html":"<b>"}]}',
    );
    const result = validateEmbedPayload(input);
    expect(result).toEqual({
      ok: true,
      payload: { version: 1, spec: { version: 1, kind: 'overview', indicator: 'b' }, observations: [{ region: 'a', indicator: 'b', period: '2024', value: 1, unit: '' }] },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const bad: { name: string; input: unknown; error: RegExp }[] = [
    { name: 'not an object', input: 'x', error: /无法读取/ },
    { name: 'an unknown version', input: { ...good, version: 2 }, error: /不支持的视图版本：2/ },
    { name: 'a bad spec', input: { ...good, spec: { version: 1, kind: 'pie', indicator: 'b' } }, error: /不支持的图表类型：pie/ },
    { name: 'no observation list', input: { version: 1, spec }, error: /缺少数据列表/ },
    { name: 'a value given as text', input: { ...good, observations: [{ ...good.observations[0], value: '1' }] }, error: /第 1 条数据的“value”无效/ },
    { name: 'a NaN-like value', input: { ...good, observations: [{ ...good.observations[0], value: null }] }, error: /“value”无效/ },
    { name: 'a bad period', input: { ...good, observations: [{ ...good.observations[0], period: '去年' }] }, error: /“period”无效/ },
    { name: 'an empty region', input: { ...good, observations: [{ ...good.observations[0], region: '' }] }, error: /“region”无效/ },
    { name: 'a 10 MB source text', input: { ...good, observations: [{ ...good.observations[0], sourceText: 'x'.repeat(1e7) }] }, error: /“sourceText”无效/ },
    { name: 'an unknown kind', input: { ...good, observations: [{ ...good.observations[0], kind: 'other' }] }, error: /“kind”无效/ },
    { name: 'an item that is not an object', input: { ...good, observations: [good.observations[0], 5] }, error: /第 2 条数据的“observation”无效/ },
  ];
  it.each(bad)('rejects $name', ({ input, error }) => {
    const result = validateEmbedPayload(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(error);
  });

  it('lists at most five problems and counts the rest', () => {
    const result = validateEmbedPayload({ ...good, observations: Array.from({ length: 12 }, () => ({})) }, 'en');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(6);
      expect(result.errors[5]).toBe('7 more values have problems.');
    }
  });

  it('does not mutate its input', () => {
    const input = structuredClone(good);
    validateEmbedPayload(input);
    expect(input).toEqual(good);
  });
});
