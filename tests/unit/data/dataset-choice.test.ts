import { describe, expect, it } from 'vitest';
import { chosenDatasets, defaultDatasets, indicatorsHeld, precedence, rowsInOrder, type DatasetFacts } from '../../../src/analysis/dataset-choice';

const sample: DatasetFacts = { id: 'sample', importedAt: '2026-01-01T00:00:00Z', isSample: true };
const seed: DatasetFacts = { id: 'seed', importedAt: '2026-01-01T00:00:01Z', isSample: true };
const older: DatasetFacts = { id: 'older', importedAt: '2026-02-01T00:00:00Z' };
const newer: DatasetFacts = { id: 'newer', importedAt: '2026-03-01T00:00:00Z' };

describe('precedence', () => {
  it.each([
    ['the newest own import first', [older, newer], ['newer', 'older']],
    ['own datasets before samples, even samples imported later', [newer, { ...sample, importedAt: '2027-01-01T00:00:00Z' }], ['newer', 'sample']],
    ['samples newest first among themselves', [sample, seed], ['seed', 'sample']],
    ['ties in time keep the given order', [{ id: 'a', importedAt: 'x' }, { id: 'b', importedAt: 'x' }], ['a', 'b']],
    ['nothing', [], []],
  ])('%s', (_, datasets, expected) => {
    const before = JSON.parse(JSON.stringify(datasets));
    expect(precedence(datasets)).toEqual(expected);
    expect(datasets).toEqual(before);
  });
});

describe('defaultDatasets and chosenDatasets', () => {
  it.each([
    ['a first visit: only the sample, so the sample', undefined, [sample, seed], ['seed', 'sample']],
    ['once the user has a dataset, the sample is left out', undefined, [sample, seed, older], ['older']],
    ['an empty choice is the default', [], [sample, older, newer], ['newer', 'older']],
    ['a sample chosen explicitly is drawn', ['sample'], [sample, older], ['sample']],
    ['a chosen sample still loses to a chosen own dataset', ['sample', 'older'], [sample, older], ['older', 'sample']],
    ['a chosen dataset that is gone is dropped', ['gone', 'older'], [older], ['older']],
  ])('%s', (_, named, datasets, expected) => {
    expect(chosenDatasets(named, datasets)).toEqual(expected);
    if (!named?.length) expect(defaultDatasets(datasets)).toEqual(expected);
  });
});

describe('rowsInOrder', () => {
  const rows = [
    { datasetId: 'older', v: 1 },
    { datasetId: 'older', v: 2 },
    { datasetId: 'sample', v: 3 },
    { datasetId: 'newer', v: 4 },
  ];
  it.each([
    ['the winner first, each dataset in its own order', ['newer', 'older'], [4, 1, 2]],
    ['one dataset', ['older'], [1, 2]],
    ['a dataset not chosen is left out', ['sample'], [3]],
    ['none chosen: nothing', [], []],
  ])('%s', (_, order, expected) => {
    const before = JSON.parse(JSON.stringify(rows));
    expect(rowsInOrder(rows, order).map((r) => r.v)).toEqual(expected);
    expect(rows).toEqual(before);
  });
});

describe('indicatorsHeld', () => {
  const indicators = [{ name: 'PM10' }, { name: '保护性耕作面积' }, { name: '整改任务数' }];
  const held = new Map([
    ['sample', ['PM10', '保护性耕作面积']],
    ['seed', ['整改任务数', '保护性耕作面积']],
    ['own', ['保护性耕作面积']],
  ]);
  it.each([
    ['one dataset', ['own'], ['保护性耕作面积']],
    ['two datasets, in the list’s order, each once', ['seed', 'sample'], ['PM10', '保护性耕作面积', '整改任务数']],
    ['no dataset (all removed): nothing', [], []],
    ['a dataset that holds nothing known', ['gone'], []],
  ])('%s', (_, datasets, expected) => {
    const before = JSON.parse(JSON.stringify(indicators));
    expect(indicatorsHeld(indicators, held, datasets).map((i) => i.name)).toEqual(expected);
    expect(indicators).toEqual(before);
  });
});
