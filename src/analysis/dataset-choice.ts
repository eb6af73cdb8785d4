/**
 * Which datasets a view draws from, and which of them wins where two give one region × period.
 * The shipped sample is illustrative (示例数据): it never wins over a user's own value and is
 * drawn only when chosen, or when the user has no dataset of their own. Among a user's datasets
 * the newest import wins, since a file imported later is most often a correction of an earlier
 * one. The views keep the first value of a region × period, so "wins" means "comes first".
 */

/** What the choice needs to know of a dataset. */
export interface DatasetFacts {
  id: string;
  /** ISO 8601 instant of the import. */
  importedAt: string;
  isSample?: boolean;
}

/**
 * Dataset ids, the one that wins first: the user's own, newest import first, then the samples
 * (newest first). Ties in time keep the given order.
 * @example precedence([{ id: 'a', importedAt: '2026-01-01' }, { id: 'b', importedAt: '2026-02-01' }]) // ['b', 'a']
 */
export function precedence(datasets: readonly DatasetFacts[]): string[] {
  return datasets
    .map((d, i) => ({ d, i }))
    .sort(
      (x, y) =>
        Number(x.d.isSample === true) - Number(y.d.isSample === true) ||
        y.d.importedAt.localeCompare(x.d.importedAt) ||
        x.i - y.i,
    )
    .map((x) => x.d.id);
}

/**
 * The datasets a view draws from when it names none: the user's own once there are any, else
 * every dataset (a first visit has only the sample). In `precedence` order.
 * @example defaultDatasets([{ id: 's', importedAt: '…', isSample: true }, { id: 'u', importedAt: '…' }]) // ['u']
 */
export function defaultDatasets(datasets: readonly DatasetFacts[]): string[] {
  const own = datasets.filter((d) => !d.isSample);
  return precedence(own.length > 0 ? own : datasets);
}

/**
 * The datasets a view draws from: those it names (that still exist), else the default; in
 * `precedence` order.
 * @example chosenDatasets(['s'], datasets) // ['s'], even when the user has datasets of their own
 */
export function chosenDatasets(named: readonly string[] | undefined, datasets: readonly DatasetFacts[]): string[] {
  if (!named || named.length === 0) return defaultDatasets(datasets);
  const wanted = new Set(named);
  return precedence(datasets.filter((d) => wanted.has(d.id)));
}

/**
 * The rows of the datasets in `order` (ids, the winner first), grouped in that order and in
 * their own order within a dataset: the views keep the first value of a region × period, so the
 * winner's value is the one drawn. Rows of other datasets are left out; the input is not changed.
 * A loop of its own: it runs over every value of an indicator on a switch (see README).
 * @example rowsInOrder([{ datasetId: 'a' }, { datasetId: 'b' }], ['b', 'a']) // [{ datasetId: 'b' }, { datasetId: 'a' }]
 */
export function rowsInOrder<T extends { datasetId: string }>(rows: readonly T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const buckets: T[][] = order.map(() => []);
  let last = '';
  let bucket: T[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const o = rows[i];
    if (o.datasetId !== last) {
      last = o.datasetId;
      const r = rank.get(last);
      bucket = r === undefined ? undefined : buckets[r];
    }
    if (bucket) bucket.push(o);
  }
  // One dataset (the common case at a million rows): no second copy.
  const filled = buckets.filter((b) => b.length > 0);
  return filled.length === 1 ? filled[0] : ([] as T[]).concat(...filled);
}

/**
 * The indicators the datasets hold, in the order of `indicators` (the workspace's list keeps an
 * indicator's settings after its datasets are gone; a picker lists only what can be drawn).
 * @example indicatorsHeld([{ name: '面积' }, { name: 'PM10' }], new Map([['u', ['PM10']]]), ['u']) // [{ name: 'PM10' }]
 */
export function indicatorsHeld<T extends { name: string }>(
  indicators: readonly T[],
  held: ReadonlyMap<string, readonly string[]>,
  datasets: readonly string[],
): T[] {
  const names = new Set<string>();
  for (const id of datasets) for (const name of held.get(id) ?? []) names.add(name);
  return indicators.filter((i) => names.has(i.name));
}
