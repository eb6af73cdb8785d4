import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestText } from '../../../src/ingest';
import { decodeCitations, decodeObservation, emptyDictionary, encodeBlocks, encodeCitations } from '../../../src/store/columns';
import { fromBackupColumns, toBackupColumns } from '../../../src/store/backup-columns';
import type { Observation } from '../../../src/domain/types';
import { citationLines } from '../../../src/domain/citations';
import { buildTableRows } from '../../../src/export/table-rows';

const TITLE = '中共哈尔滨市道里区委关于市委黑土地保护专项巡察集中整改进展情况的通报';
const FILE = '000_a9b7e2dc52ccbf64.txt';
const SENTENCE = '细化分解12项整改任务,制定整改措施37条,同步建立了问题清单、任务清单、责任清单。';

describe('a file with several provenance columns keeps them all', () => {
  it.each([
    [
      'report, file and sentence: all three, the report first',
      `地区,指标,时期,数值,报告,来源文件,原文\n道里区,整改任务数,2024,12,${TITLE},${FILE},"${SENTENCE}"`,
      TITLE,
      [
        { label: '报告', text: TITLE },
        { label: '来源文件', text: FILE },
        { label: '原文', text: SENTENCE },
      ],
    ],
    [
      'a blank cell is left out, and the first cell that is not blank is the citation',
      `地区,指标,时期,数值,报告,来源文件,原文\n道里区,面积,2024,3.46,,示例数据,`,
      '示例数据',
      [{ label: '来源文件', text: '示例数据' }],
    ],
    ['one provenance column: the citation alone, as before', `地区,指标,时期,数值,来源\n道里区,面积,2024,3.46,市统计局`, '市统计局', undefined],
  ])('%s', (_, text, sourceText, citations) => {
    const [record] = ingestText(text).records;
    expect(record.sourceText).toBe(sourceText);
    expect(record.citations).toEqual(citations);
  });

  it('the shipped seed file: every figure leads to its report title, its file and its sentence', () => {
    const text = readFileSync(join(process.cwd(), 'data', 'seed-indicators.csv'), 'utf8').replace(/^\uFEFF/, '');
    const { records } = ingestText(text);
    expect(records).toHaveLength(218);
    const first = records.find((r) => r.indicator === '整改任务数')!;
    expect(first.sourceText).toBe(TITLE);
    expect(first.citations?.map((c) => c.label)).toEqual(['报告', '来源文件', '原文']);
    expect(first.citations?.[2].text).toBe(SENTENCE);
    expect(first.source?.row).toBe(2);
    expect(records.every((r) => r.citations?.length === 3)).toBe(true);
  });
});

const withCitations: Observation = {
  region: '道里区',
  indicator: '整改任务数',
  period: '2024',
  value: 12,
  unit: '项',
  source: { row: 2, column: '数值' },
  sourceText: TITLE,
  citations: [
    { label: '报告', text: TITLE },
    { label: '来源文件', text: FILE },
    { label: '原文', text: SENTENCE },
  ],
};
const without: Observation = { region: '南岗区', indicator: '整改任务数', period: '2024', value: 9, unit: '项' };

describe('the store keeps every provenance cell of a value', () => {
  it.each([
    ['a value with citations', [withCitations]],
    ['a value without, beside one with', [without, withCitations]],
    ['values without any: no column at all', [without]],
  ])('%s round-trips through column blocks', (_, observations) => {
    const before = JSON.parse(JSON.stringify(observations));
    const dict = emptyDictionary('ds');
    const [block] = encodeBlocks('ds', observations, dict, 0);
    expect(block.citations !== undefined).toBe(observations.some((o) => o.citations));
    const read = observations.map((_, k) => decodeObservation(block, k, dict.strings));
    expect(read).toEqual(observations);
    expect(observations).toEqual(before);
  });

  it('a block written before the column existed reads as before', () => {
    const dict = emptyDictionary('ds');
    const [block] = encodeBlocks('ds', [withCitations], dict, 0);
    delete block.citations;
    const read = decodeObservation(block, 0, dict.strings);
    expect(read.sourceText).toBe(TITLE);
    expect(read.citations).toBeUndefined();
  });

  it.each([
    ['a list of pairs', encodeCitations(withCitations.citations!), withCitations.citations],
    ['not JSON', '报告：…', undefined],
    ['not pairs of text', '[["报告", 1]]', undefined],
  ])('decodeCitations: %s', (_, text, expected) => {
    expect(decodeCitations(text)).toEqual(expected);
  });

  it('a backup keeps them, and a backup written before them still reads', () => {
    const columns = toBackupColumns('ds', [without, withCitations]);
    expect(fromBackupColumns(JSON.parse(JSON.stringify(columns)))).toEqual([without, withCitations]);
    const old = JSON.parse(JSON.stringify(columns));
    delete old.citations;
    expect(fromBackupColumns(old)[1].citations).toBeUndefined();
    expect(fromBackupColumns(old)[1].sourceText).toBe(TITLE);
  });
});

describe('citationLines', () => {
  it.each([
    ['no provenance', {}, { shown: [], all: [] }],
    ['one citation', { sourceText: '市统计局' }, { shown: ['市统计局'], all: ['市统计局'] }],
    [
      'report, file and sentence: the file name only on hover',
      { sourceText: TITLE, citations: withCitations.citations },
      { shown: [TITLE, SENTENCE], all: [`报告：${TITLE}`, `来源文件：${FILE}`, `原文：${SENTENCE}`] },
    ],
    [
      'only a file column: it is shown rather than nothing',
      { sourceText: FILE, citations: [{ label: '来源文件', text: FILE }] },
      { shown: [FILE], all: [`来源文件：${FILE}`] },
    ],
  ])('%s', (_, o, expected) => {
    const before = JSON.parse(JSON.stringify(o));
    expect(citationLines(o)).toEqual(expected);
    expect(o).toEqual(before);
  });
});

describe('the data behind a chart carries every provenance cell', () => {
  it.each([
    ['several cells, each with its column', withCitations, `报告：${TITLE}；来源文件：${FILE}；原文：${SENTENCE}`],
    ['one citation as it is', { ...without, sourceText: '市统计局' }, '市统计局'],
    ['none', without, null],
  ])('%s', (_, o, expected) => {
    const before = JSON.parse(JSON.stringify(o));
    const [, row] = buildTableRows([o], { locale: 'zh' });
    expect(row[row.length - 1]).toBe(expected);
    expect(o).toEqual(before);
  });
});
