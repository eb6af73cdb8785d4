/**
 * 发布到内网, gathered: the chosen datasets' values, the workspace's indicator settings, the
 * chosen views and decks, and the app's own files, as the ordered files of one version.
 */
import * as store from '../store';
import { fetchAppFiles } from './app-files';
import { orderFiles, versionName } from './folder';
import { buildPublication, type PublishedFile } from './partition';

/** What the user chose in the publish panel. */
export interface PublishChoice {
  datasets: readonly string[];
  views: readonly string[];
  decks: readonly string[];
  publisher: string;
  title?: string;
}

/**
 * The files of a new version, in writing order, and the version's name.
 * @example const { files, version } = await preparePublication(choice, new URL('./', location.href).href)
 */
export async function preparePublication(
  choice: PublishChoice,
  appBase: string,
): Promise<{ files: PublishedFile[]; version: string; values: number }> {
  const chosen = new Set(choice.datasets);
  // Imported datasets only: a remote dataset is already on a server.
  const datasets = (await store.getDatasets()).filter((d) => chosen.has(d.id) && !d.id.startsWith('remote:'));
  const withRows = [];
  for (const dataset of datasets)
    withRows.push({ dataset, rows: await store.getObservations(dataset.id, { offset: 0, limit: dataset.rowCount }) });
  const decks = new Set(choice.decks);
  const chosenDecks = (await store.getDecks()).filter((d) => decks.has(d.id));
  // A chosen deck brings the saved views its slides show: choosing the deck alone published it
  // empty (its slides name views the folder did not hold, and were dropped).
  const views = new Set([
    ...choice.views,
    ...chosenDecks.flatMap((d) => d.slides.flatMap((s) => ('viewId' in s ? [s.viewId, ...(s.pairViewId ? [s.pairViewId] : [])] : []))),
  ]);
  const publishedAt = new Date().toISOString();
  const version = versionName(publishedAt);
  const { files, manifest } = buildPublication(
    {
      datasets: withRows,
      chosen: datasets.map((d) => d.id),
      indicators: await store.getIndicators(),
      views: (await store.getViews()).filter((v) => views.has(v.id)),
      decks: chosenDecks,
      maps: await store.getMaps(),
      publisher: choice.publisher,
      publishedAt,
      ...(choice.title ? { title: choice.title } : {}),
    },
    version,
  );
  const app = await fetchAppFiles(appBase);
  return { files: orderFiles(app, files, manifest, version), version, values: withRows.reduce((n, d) => n + d.rows.length, 0) };
}
