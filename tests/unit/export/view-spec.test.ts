import { describe, expect, it } from 'vitest';
import {
  validateViewSpec,
  viewSpecFromSearchParams,
  viewSpecToSearchParams,
  withCurrentKind,
  VIEW_SPEC_LIMITS,
} from '../../../src/export/view-spec';
import type { ViewSpec } from '../../../src/domain/types';

const full: ViewSpec = {
  version: 1,
  kind: 'trend',
  indicator: '保护性耕作面积',
  datasets: ['ds-1', 'ds-2'],
  regions: ['哈尔滨市道里区', '南岗区', 'a&b=c?d#e'],
  period: '2024',
  periodFrom: '2021',
  periodTo: '2024-Q3',
  indexBase: '2021',
  grouped: true,
  title: '保护性耕作 “十四五” 进展',
  subtitle: '单位：万亩',
};

describe('validateViewSpec accepts', () => {
  const cases: { name: string; input: unknown; spec: ViewSpec }[] = [
    { name: 'a minimal spec', input: { version: 1, kind: 'overview', indicator: 'PM10' }, spec: { version: 1, kind: 'overview', indicator: 'PM10' } },
    // Saved views, decks and saved pages from before the overview was renamed.
    { name: 'the overview under its old name kpi', input: { version: 1, kind: 'kpi', indicator: 'PM10' }, spec: { version: 1, kind: 'overview', indicator: 'PM10' } },
    { name: 'a full spec unchanged', input: full, spec: full },
    {
      name: 'a spec with extra keys, which are dropped',
      input: { version: 1, kind: 'map', indicator: 'x', option: { series: [] }, formatter: 'function(){}' },
      spec: { version: 1, kind: 'map', indicator: 'x' },
    },
    {
      name: 'empty optional strings and lists, which read as absent',
      input: { version: 1, kind: 'ranking', indicator: 'x', regions: [], title: '', period: '' },
      spec: { version: 1, kind: 'ranking', indicator: 'x' },
    },
    {
      name: 'a javascript: string, which stays just a string',
      input: { version: 1, kind: 'trend', indicator: 'javascript:alert(1)', title: 'javascript:alert(1)' },
      spec: { version: 1, kind: 'trend', indicator: 'javascript:alert(1)', title: 'javascript:alert(1)' },
    },
  ];
  it.each(cases)('$name', ({ input, spec }) => {
    expect(validateViewSpec(input)).toEqual({ ok: true, spec });
  });
});

describe('validateViewSpec rejects', () => {
  const big = 'x'.repeat(10 * 1024 * 1024);
  const cases: { name: string; input: unknown; error: RegExp }[] = [
    { name: 'null', input: null, error: /必须是一个对象/ },
    { name: 'an array', input: [1], error: /必须是一个对象/ },
    { name: 'a string', input: 'trend', error: /必须是一个对象/ },
    { name: 'a missing version', input: { kind: 'trend', indicator: 'x' }, error: /不支持的视图版本：undefined/ },
    { name: 'a future version', input: { version: 2, kind: 'trend', indicator: 'x' }, error: /不支持的视图版本：2/ },
    { name: 'a version given as text', input: { version: '1', kind: 'trend', indicator: 'x' }, error: /不支持的视图版本：1/ },
    { name: 'an unknown kind', input: { version: 1, kind: 'pie', indicator: 'x' }, error: /不支持的图表类型：pie/ },
    { name: 'a kind that is an object', input: { version: 1, kind: { toString: 1 }, indicator: 'x' }, error: /不支持的图表类型：object/ },
    { name: 'a missing kind', input: { version: 1, indicator: 'x' }, error: /缺少必填项“kind”/ },
    { name: 'a missing indicator', input: { version: 1, kind: 'trend' }, error: /缺少必填项“indicator”/ },
    { name: 'an empty indicator', input: { version: 1, kind: 'trend', indicator: '' }, error: /缺少必填项“indicator”/ },
    { name: 'a numeric indicator', input: { version: 1, kind: 'trend', indicator: 7 }, error: /“indicator”必须是文字/ },
    { name: 'a 10 MB indicator', input: { version: 1, kind: 'trend', indicator: big }, error: /“indicator”过长（最多 200 个字符）/ },
    { name: 'a 10 MB title', input: { version: 1, kind: 'trend', indicator: 'x', title: big }, error: /“title”过长/ },
    { name: 'regions that are not a list', input: { version: 1, kind: 'trend', indicator: 'x', regions: '道里区' }, error: /“regions”必须是文字列表/ },
    { name: 'regions holding a number', input: { version: 1, kind: 'trend', indicator: 'x', regions: ['a', 1] }, error: /“regions”必须是文字列表/ },
    {
      name: 'too many regions',
      input: { version: 1, kind: 'trend', indicator: 'x', regions: Array.from({ length: VIEW_SPEC_LIMITS.items + 1 }, (_, i) => `r${i}`) },
      error: /“regions”项目过多/,
    },
    { name: 'a 10 MB region', input: { version: 1, kind: 'trend', indicator: 'x', regions: [big] }, error: /“regions”过长/ },
    { name: 'grouped as text', input: { version: 1, kind: 'comparison', indicator: 'x', grouped: 'yes' }, error: /“grouped”必须是“是”或“否”/ },
    { name: 'a period that is not a period key', input: { version: 1, kind: 'ranking', indicator: 'x', period: '去年' }, error: /“period”不是有效的时期：去年/ },
    { name: 'a numeric period', input: { version: 1, kind: 'ranking', indicator: 'x', period: 2024 }, error: /“period”必须是文字/ },
  ];
  it.each(cases)('$name', ({ input, error }) => {
    const result = validateViewSpec(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(error);
  });

  it('quotes at most 40 characters of a bad value', () => {
    const result = validateViewSpec({ version: 1, kind: 'k'.repeat(100000), indicator: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].length).toBeLessThan(60);
  });

  it('reports every problem, in English when asked', () => {
    const result = validateViewSpec({ version: 1, kind: 'pie', indicator: 3 }, 'en');
    expect(result).toEqual({
      ok: false,
      errors: ['Unsupported chart kind: pie.', 'The field "indicator" must be text.'],
    });
  });
});

describe('validateViewSpec and __proto__', () => {
  it('ignores __proto__ and constructor keys from JSON and pollutes nothing', () => {
    const input = JSON.parse(
      '{"version":1,"kind":"trend","indicator":"x","__proto__":{"polluted":1,"title":"t"},"constructor":{"prototype":{"polluted":1}}}',
    );
    const result = validateViewSpec(input);
    expect(result).toEqual({ ok: true, spec: { version: 1, kind: 'trend', indicator: 'x' } });
    if (result.ok) {
      expect(Object.getPrototypeOf(result.spec)).toBe(Object.prototype);
      expect(Object.keys(result.spec)).toEqual(['version', 'kind', 'indicator']);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not read inherited fields', () => {
    const input = Object.create({ version: 1, kind: 'trend', indicator: 'x' });
    expect(validateViewSpec(input).ok).toBe(false);
  });

  it('does not mutate its input', () => {
    const input = { ...full, regions: [...full.regions!], extra: 1 };
    const copy = structuredClone(input);
    validateViewSpec(input);
    expect(input).toEqual(copy);
  });

  it('returns lists that are copies of the input', () => {
    const regions = ['a'];
    const result = validateViewSpec({ version: 1, kind: 'trend', indicator: 'x', regions });
    if (!result.ok) throw new Error('expected ok');
    expect(result.spec.regions).not.toBe(regions);
  });
});

describe('search params', () => {
  it('writes a readable URL', () => {
    const spec: ViewSpec = { version: 1, kind: 'trend', indicator: 'PM10', regions: ['a', 'b'], period: '2024', periodFrom: '2021', periodTo: '2024' };
    expect(viewSpecToSearchParams(spec).toString()).toBe('view=trend&ind=PM10&p=2024&from=2021&to=2024&r=a&r=b');
  });

  it('cuts a long title and subtitle in the address, leaving the spec as it was', () => {
    const title = '整改'.repeat(200);
    const spec: ViewSpec = { version: 1, kind: 'trend', indicator: 'PM10', title, subtitle: title };
    const params = viewSpecToSearchParams(spec);
    expect(params.get('title')).toHaveLength(60);
    expect(params.get('title')!.endsWith('…')).toBe(true);
    expect(params.get('sub')).toBe(params.get('title'));
    expect(params.toString().length).toBeLessThan(2000);
    expect(spec.title).toBe(title);
  });

  const roundTrips: { name: string; spec: ViewSpec }[] = [
    { name: 'a full spec with Chinese and URL-special characters', spec: full },
    { name: 'a minimal spec', spec: { version: 1, kind: 'map', indicator: '地区生产总值' } },
    { name: 'grouped false', spec: { version: 1, kind: 'comparison', indicator: 'x', grouped: false } },
    { name: 'a javascript: string', spec: { version: 1, kind: 'overview', indicator: 'javascript:alert(1)' } },
  ];
  it.each(roundTrips)('round-trips $name', ({ spec }) => {
    const text = viewSpecToSearchParams(spec).toString();
    expect(viewSpecFromSearchParams(new URLSearchParams(text))).toEqual({ ok: true, spec });
  });

  it('ignores unknown parameters, including __proto__', () => {
    const params = new URLSearchParams('view=overview&ind=x&__proto__=1&lang=en&constructor=2');
    expect(viewSpecFromSearchParams(params)).toEqual({ ok: true, spec: { version: 1, kind: 'overview', indicator: 'x' } });
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
  });

  const bad: { name: string; query: string; error: RegExp }[] = [
    { name: 'no view', query: 'ind=x', error: /缺少必填项“kind”/ },
    { name: 'an unknown view', query: 'view=pie&ind=x', error: /不支持的图表类型：pie/ },
    { name: 'an unknown version', query: 'v=9&view=trend&ind=x', error: /不支持的视图版本：9/ },
    { name: 'a version that is not a number', query: 'v=abc&view=trend&ind=x', error: /不支持的视图版本：abc/ },
    { name: 'grouped that is not a flag', query: 'view=trend&ind=x&grouped=maybe', error: /“grouped”必须是“是”或“否”/ },
    { name: 'a bad period', query: 'view=trend&ind=x&from=2021-13', error: /“periodFrom”不是有效的时期/ },
  ];
  it.each(bad)('rejects $name', ({ query, error }) => {
    const result = viewSpecFromSearchParams(new URLSearchParams(query));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(error);
  });

  it('reads grouped=true and the explicit version 1', () => {
    expect(viewSpecFromSearchParams(new URLSearchParams('v=1&view=comparison&ind=x&grouped=true'))).toEqual({
      ok: true,
      spec: { version: 1, kind: 'comparison', indicator: 'x', grouped: true },
    });
  });

  it('does not mutate the parameters it reads', () => {
    const params = new URLSearchParams('view=trend&ind=x&r=a&r=b');
    const before = params.toString();
    viewSpecFromSearchParams(params);
    expect(params.toString()).toBe(before);
  });
});

describe('old kind names', () => {
  it('reads an old link to the overview (view=kpi) as the overview, and writes it as overview', () => {
    const read = viewSpecFromSearchParams(new URLSearchParams('view=kpi&ind=PM10&p=2024'));
    expect(read).toEqual({ ok: true, spec: { version: 1, kind: 'overview', indicator: 'PM10', period: '2024' } });
    if (read.ok) expect(viewSpecToSearchParams(read.spec).get('view')).toBe('overview');
  });

  const stored: { name: string; spec: { kind: string }; kind: string }[] = [
    { name: 'a stored kpi spec', spec: { kind: 'kpi' }, kind: 'overview' },
    { name: 'a current kind', spec: { kind: 'trend' }, kind: 'trend' },
    { name: 'an unknown kind, left for the validator', spec: { kind: 'pie' }, kind: 'pie' },
    { name: 'a key of Object.prototype', spec: { kind: 'constructor' }, kind: 'constructor' },
  ];
  it.each(stored)('withCurrentKind reads $name', ({ spec, kind }) => {
    expect(withCurrentKind(spec).kind).toBe(kind);
  });

  it('returns the same spec when nothing changed, and never changes its input', () => {
    const current = { version: 1, kind: 'trend', indicator: 'x' };
    expect(withCurrentKind(current)).toBe(current);
    const old = Object.freeze({ version: 1, kind: 'kpi', indicator: 'x' });
    expect(withCurrentKind(old)).toEqual({ version: 1, kind: 'overview', indicator: 'x' });
    expect(old.kind).toBe('kpi');
  });
});
