import { describe, expect, it } from 'vitest';
import { caveatsBehind, caveatsOf, datasetCaveatsOf, datasetSourcesOf, sourceLineOf } from '../../../src/export/dataset-citation';

const blackSoil = {
  id: 'd1',
  name: '哈尔滨市道里区黑土地保护主要指标（2021—2024年）',
  notes: ['注：2024年保护性耕作面积超出市下达任务。', '数据来源：哈尔滨市道里区黑土地保护巡视整改进展情况', '填表人：区农业农村局'],
};

describe('sourceLineOf', () => {
  it.each([
    ['the 数据来源 line, not the title', blackSoil, '哈尔滨市道里区黑土地保护巡视整改进展情况'],
    ['资料来源 with a half-width colon', { name: 't', notes: ['资料来源: 市统计局'] }, '市统计局'],
    ['来源 alone', { name: 't', notes: ['来源：省生态环境厅'] }, '省生态环境厅'],
    ['the first of two', { name: 't', notes: ['数据来源：甲', '数据来源：乙'] }, '甲'],
    ['an empty source line is no source', { name: '名称', notes: ['数据来源：'] }, '名称'],
    ['no source line: the dataset’s name', { name: '名称', notes: ['注：截至8月'] }, '名称'],
    ['a note that merely mentions 来源 is not one', { name: '名称', notes: ['注：来源于抽样：见附表'] }, '名称'],
  ])('%s', (_name, dataset, expected) => {
    expect(sourceLineOf(dataset)).toBe(expected);
  });
});

describe('caveatsOf', () => {
  it.each([
    ['注 lines as written; not the source or the form filler', blackSoil.notes, ['注：2024年保护性耕作面积超出市下达任务。']],
    ['numbered notes, 备注 and 说明', ['注1：2024年截至8月', '备注: 含开发区', '说明：口径调整'], ['注1：2024年截至8月', '备注: 含开发区', '说明：口径调整']],
    ['an empty 注 is left out', ['注：', '注：2024年截至8月'], ['注：2024年截至8月']],
    ['no notes', [], []],
  ])('%s', (_name, notes, expected) => {
    expect(caveatsOf({ notes })).toEqual(expected);
  });
});

describe('per dataset, and behind a chart', () => {
  const other = { id: 'd2', name: '另一个', notes: ['注：2024年截至8月'] };
  const plain = { id: 'd3', name: '无注', notes: [] };

  it('maps datasets to their source lines and caveats', () => {
    expect([...datasetSourcesOf([blackSoil, plain])]).toEqual([
      ['d1', '哈尔滨市道里区黑土地保护巡视整改进展情况'],
      ['d3', '无注'],
    ]);
    expect([...datasetCaveatsOf([blackSoil, other, plain]).keys()]).toEqual(['d1', 'd2']);
  });

  it('gives the caveats of the datasets the values came from, each once', () => {
    const caveats = datasetCaveatsOf([blackSoil, other, { ...plain, notes: ['注：2024年截至8月'] }]);
    const rows = [{ datasetId: 'd2' }, { datasetId: 'd1' }, { datasetId: 'd2' }, { datasetId: 'd3' }, {}];
    expect(caveatsBehind(rows, caveats)).toEqual(['注：2024年截至8月', '注：2024年保护性耕作面积超出市下达任务。']);
    expect(caveatsBehind(rows, undefined)).toEqual([]);
  });

  it('does not mutate its input', () => {
    const input = [structuredClone(blackSoil), structuredClone(other)];
    const copy = structuredClone(input);
    datasetSourcesOf(input);
    caveatsBehind([{ datasetId: 'd1' }], datasetCaveatsOf(input));
    expect(input).toEqual(copy);
  });
});
