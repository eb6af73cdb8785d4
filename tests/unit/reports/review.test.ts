import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../src/reports/find-figures';
import {
  acceptAll,
  duplicateRows,
  editRow,
  indicatorNames,
  mergeIndicators,
  mergeSuggestions,
  reportTitle,
  reviewObservations,
  reviewRows,
  rowProblems,
  setStatus,
  writtenValue,
  type ReviewRow,
} from '../../../src/reports/review';

const TEXT = [
  '哈尔滨市道里区整改进展情况',
  '2024年，全区保护性耕作面积6.04万亩，秸秆还田率65.73%。',
  '细化分解12项整改任务，PM10平均浓度同比下降30.1%。',
  '整改任务数3项。',
  '中共哈尔滨市道里区委',
  '2024年11月5日',
].join('\n');

const rowsOf = (text = TEXT): ReviewRow[] => reviewRows(findFigures(text));
const byIndicator = (rows: ReviewRow[], name: string): ReviewRow => rows.find((r) => r.indicator === name)!;
const SOURCE = { title: '哈尔滨市道里区整改进展情况', fileName: '道里区.docx' };

describe('reviewRows: a pending row per figure, with the report’s region and period where the sentence has none', () => {
  it('reads every figure into a row', () => {
    const rows = rowsOf();
    expect(rows.map((r) => [r.indicator, r.value, r.unit, r.kind, r.status])).toEqual([
      ['保护性耕作面积', 60400, '亩', 'level', 'pending'],
      ['秸秆还田率', 65.73, '%', 'level', 'pending'],
      ['整改任务', 12, '项', 'level', 'pending'],
      ['PM10平均浓度', -30.1, '%', 'change', 'pending'],
      ['整改任务数', 3, '项', 'level', 'pending'],
    ]);
    expect(rows.every((r) => r.region === '哈尔滨市道里区' && r.regionCode === '230102')).toBe(true);
    expect(rows.every((r) => r.period === '2024')).toBe(true);
  });

  it('falls back on the document’s region and period', () => {
    const rows = reviewRows({
      figures: findFigures('面积6万亩。').figures,
      documentRegion: { name: '乌海市', code: '150300', from: 'document' },
      documentPeriod: { key: '2023', grain: 'year', label: '2023年', from: 'document' },
    });
    expect([rows[0].region, rows[0].regionCode, rows[0].period, rows[0].periodLabel]).toEqual(['乌海市', '150300', '2023', '2023年']);
  });

  it('leaves region and period empty, with problems, when nothing names them', () => {
    const rows = reviewRows({ figures: findFigures('面积6万亩。').figures });
    expect(rowProblems(rows[0])).toEqual(['region', 'period']);
  });
});

describe('editRow: a reviewer’s corrections', () => {
  it.each<[string, Parameters<typeof editRow>[2], Partial<ReviewRow>]>([
    ['indicator, trimmed', { indicator: ' 保护性耕作面积（万亩） ' }, { indicator: '保护性耕作面积（万亩）' }],
    ['region, looked up for its code', { region: '乌海市' }, { region: '乌海市', regionCode: '150300' }],
    ['region the table does not know: no code', { region: '某某园区' }, { region: '某某园区', regionCode: undefined }],
    ['period, read as the import reads it', { period: '2024年上半年' }, { period: '2024-H1', periodLabel: '2024年上半年', grain: 'half' }],
    ['period that is not one', { period: '去年' }, { period: '', periodLabel: '去年', grain: undefined }],
    ['unit: the written number in another unit', { unit: '亩' }, { value: 6.04, unit: '亩', displayUnit: undefined }],
    ['unit with a multiplier', { unit: '万公顷' }, { value: 60400, unit: '公顷', displayUnit: '万公顷' }],
    ['kind: a level becomes a change of its unit', { kind: 'change' }, { kind: 'change', changeType: 'absolute' }],
  ])('%s', (_name, edit, expected) => {
    const rows = rowsOf();
    const edited = editRow(rows, 0, edit, '230102');
    for (const [k, v] of Object.entries(expected)) {
      if (v === undefined) expect(edited[0]).not.toHaveProperty(k);
      else expect(edited[0][k as keyof ReviewRow]).toEqual(v);
    }
    expect(edited.slice(1)).toEqual(rows.slice(1));
  });

  it('a change made a level loses its change type, and keeps its sign', () => {
    const rows = rowsOf();
    const pm = byIndicator(rows, 'PM10平均浓度');
    const edited = byIndicator(editRow(rows, pm.id, { kind: 'level' }), 'PM10平均浓度');
    expect([edited.kind, edited.changeType, edited.value]).toEqual(['level', undefined, -30.1]);
  });

  it('a problem row becomes acceptable once completed', () => {
    const rows = reviewRows({ figures: findFigures('面积6万亩。').figures });
    const fixed = editRow(editRow(rows, 0, { region: '道里区' }), 0, { period: '2024年' });
    expect(rowProblems(fixed[0])).toEqual([]);
    expect(fixed[0].regionCode).toBe('230102');
  });

  it('input is not mutated', () => {
    const rows = rowsOf();
    const copy = structuredClone(rows);
    editRow(rows, 0, { indicator: 'x', region: '乌海市', period: '2023年', unit: '亩', kind: 'change' });
    expect(rows).toEqual(copy);
  });
});

describe('writtenValue: the number as the report wrote it', () => {
  it.each([
    [{ value: 60400, unit: '亩', displayUnit: '万亩' }, { number: 6.04, unit: '万亩' }],
    [{ value: 114000000, unit: '立方米', displayUnit: '亿立方米' }, { number: 1.14, unit: '亿立方米' }],
    [{ value: -30.1, unit: '%' }, { number: -30.1, unit: '%' }],
    [{ value: 12, unit: '' }, { number: 12, unit: '' }],
  ])('%j', (row, expected) => {
    expect(writtenValue(row)).toEqual(expected);
  });
});

describe('accept one, accept all, drop', () => {
  it('setStatus changes only the rows named', () => {
    const rows = setStatus(rowsOf(), [1, 3], 'dropped');
    expect(rows.map((r) => r.status)).toEqual(['pending', 'dropped', 'pending', 'dropped', 'pending']);
    expect(setStatus(rows, [1], 'pending')[1].status).toBe('pending');
  });

  it('acceptAll accepts pending rows that can be stored, never dropped ones or ones lacking a field', () => {
    let rows = setStatus(rowsOf(), [1], 'dropped');
    rows = editRow(rows, 2, { period: '不详' });
    expect(acceptAll(rows).map((r) => r.status)).toEqual(['accepted', 'dropped', 'pending', 'accepted', 'accepted']);
  });

  it('input is not mutated', () => {
    const rows = rowsOf();
    const copy = structuredClone(rows);
    acceptAll(rows);
    setStatus(rows, [0], 'dropped');
    expect(rows).toEqual(copy);
  });
});

describe('merging one indicator written two ways', () => {
  it('suggests names equal but for filler words, in the same unit', () => {
    expect(mergeSuggestions(rowsOf())).toEqual([{ names: ['整改任务', '整改任务数'], unit: '项', into: '整改任务数' }]);
  });

  it.each([
    ['one a prefix of the other (≥ 4 characters)', ['黑土地保护任务', '黑土地保护任务清单'], true],
    ['different things sharing words', ['秸秆还田率', '秸秆离田率'], false],
    ['the filler word 数量', ['面积', '面积数量'], true],
    ['short prefix only', ['河长', '河长制'], false],
  ])('%s', (_name, [a, b], suggested) => {
    const rows = rowsOf(`2024年，${a}3项，${b}4项。`);
    expect(mergeSuggestions(rows).length > 0).toBe(suggested);
  });

  it('does not suggest names of different units', () => {
    const rows = rowsOf('2024年，整改任务3项，整改任务数4%。');
    expect(mergeSuggestions(rows)).toEqual([]);
  });

  it('mergeIndicators renames every row of the names, and the list of names follows', () => {
    const rows = mergeIndicators(rowsOf(), ['整改任务', '整改任务数'], '整改任务数');
    expect(rows.filter((r) => r.indicator === '整改任务数').length).toBe(2);
    expect(indicatorNames(rows).find((n) => n.name === '整改任务数')).toEqual({ name: '整改任务数', unit: '项', count: 2 });
    expect(mergeSuggestions(rows)).toEqual([]);
  });

  it('an empty name merges nothing', () => {
    expect(mergeIndicators(rowsOf(), ['整改任务'], ' ')).toEqual(rowsOf());
  });

  it('input is not mutated', () => {
    const rows = rowsOf();
    const copy = structuredClone(rows);
    mergeIndicators(rows, ['整改任务'], '整改任务数');
    expect(rows).toEqual(copy);
  });
});

describe('duplicates: the same region × indicator × period × kind twice', () => {
  it('marks the later row, names the earlier, ignores dropped rows', () => {
    const rows = mergeIndicators(rowsOf(), ['整改任务'], '整改任务数');
    expect([...duplicateRows(rows)]).toEqual([[4, 2]]);
    expect([...duplicateRows(setStatus(rows, [2], 'dropped'))]).toEqual([]);
  });
});

describe('reviewObservations: accepted rows as observations citing report, paragraph and sentence', () => {
  it('stores only accepted rows, in the base unit, with provenance', () => {
    const rows = setStatus(rowsOf(), [0, 3], 'accepted');
    const { observations, issues } = reviewObservations(rows, SOURCE, 'zh');
    expect(issues).toEqual([]);
    expect(observations).toEqual([
      {
        region: '哈尔滨市道里区',
        regionCode: '230102',
        indicator: '保护性耕作面积',
        period: '2024',
        periodLabel: '2024年',
        grain: 'year',
        value: 60400,
        unit: '亩',
        displayUnit: '万亩',
        kind: 'level',
        source: { row: 2 },
        sourceText: '哈尔滨市道里区整改进展情况',
        citations: [
          { label: '报告', text: '哈尔滨市道里区整改进展情况' },
          { label: '来源文件', text: '道里区.docx · 第2段' },
          { label: '原文', text: '2024年，全区保护性耕作面积6.04万亩，秸秆还田率65.73%。' },
        ],
      },
      expect.objectContaining({ indicator: 'PM10平均浓度', value: -30.1, unit: '%', kind: 'change', changeType: 'relative', source: { row: 3 } }),
    ]);
  });

  it('keeps a corrected indicator name and leaves out a repeat with an issue', () => {
    let rows = editRow(rowsOf(), 2, { indicator: '整改任务数' });
    rows = acceptAll(rows);
    const { observations, issues } = reviewObservations(rows, SOURCE, 'zh');
    expect(observations.map((o) => o.indicator)).toEqual(['保护性耕作面积', '秸秆还田率', '整改任务数', 'PM10平均浓度']);
    expect(issues.map((i) => [i.code, i.row, i.raw])).toEqual([['duplicate', 4, '3项']]);
  });

  it('a target stated with a figure goes with it', () => {
    const rows = acceptAll(rowsOf('2021年，沧州市完成压采量1.14亿立方米，超额完成省定0.92亿立方米的年度目标任务。'));
    const { observations } = reviewObservations(rows, SOURCE, 'zh');
    expect(observations.map((o) => [o.value, o.target])).toEqual([[114000000, 92000000]]);
  });

  it('nothing accepted, nothing stored', () => {
    expect(reviewObservations(rowsOf(), SOURCE, 'zh').observations).toEqual([]);
  });

  it('input is not mutated', () => {
    const rows = acceptAll(rowsOf());
    const copy = structuredClone(rows);
    reviewObservations(rows, SOURCE, 'zh');
    expect(rows).toEqual(copy);
  });
});

describe('reportTitle', () => {
  it.each([
    ['关于整改情况的通报\n正文。', '通报.docx', '关于整改情况的通报'],
    ['按照部署，开展了巡察。\n二、', '000_abc.txt', '000_abc'],
    ['\n\n  标题  \n正文。', 'a.pdf', '标题'],
    ['', '报告', '报告'],
    ['区\t2024年\n', 'b.html', 'b'],
    ['中共某区委关于整改进展情况\n的通报\n按照部署。', 'c.pdf', '中共某区委关于整改进展情况的通报'],
    ['整改进展情况\n一、总体情况\n正文。', 'd.docx', '整改进展情况'],
    ['整改进展情况\n全区面积6万亩。', 'e.docx', '整改进展情况'],
  ])('%j in %s → %s', (text, name, title) => {
    expect(reportTitle(text, name)).toBe(title);
  });
});
