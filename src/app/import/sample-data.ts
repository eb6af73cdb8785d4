/**
 * The sample data a first visit opens on: the real figures quoted from the five reports, and an
 * illustrative multi-year dataset (示例数据). Both are bundled as lazy chunks and go through the
 * same importer as a user's file, so the sample also exercises the real pipeline.
 */
import { runFastImport } from './stream-import';
import { datasetMetaOf } from './dataset-meta';
import * as store from '../../store';
import { putSampleDeck } from '../briefing/sample';

/** Setting remembered after the user removed the sample, so it is not loaded again. */
export const SAMPLE_REMOVED_KEY = 'sampleRemoved';

const SAMPLES = [
  {
    name: '示例数据：多年分地区指标（非真实统计）',
    fileName: 'sample-trends.csv',
    load: () => import('../../../data/sample-trends.csv?raw'),
  },
  {
    name: '五份整改报告中的指标（原文摘录）',
    fileName: 'seed-indicators.csv',
    load: () => import('../../../data/seed-indicators.csv?raw'),
  },
];

export async function loadSampleData(): Promise<void> {
  for (const sample of SAMPLES) {
    const { default: text } = await sample.load();
    const bytes = new TextEncoder().encode(text);
    const job = runFastImport({ name: sample.fileName, bytes });
    const { result } = await job.promise;
    const encoded = await job.takeBlocks().finally(() => job.cancel());
    await store.putEncodedDataset(
      {
        ...datasetMetaOf(result, sample.fileName, sample.name),
        isSample: true,
        source: sample.fileName === 'seed-indicators.csv' ? 'shared/seeds' : undefined,
      },
      encoded,
    );
  }
  await putSampleDeck();
}
