/**
 * Work the first chart does not need waits until it has drawn: the export menus and the
 * saved-view button (lazy chunks), the other indicators' values read into memory, and ECharts'
 * rarely used parts. On a reload they started in the same tasks as the dashboard's mount: Vite's
 * preload of the lazy chunks alone added ~80 ms to that task, and the block reads' decoding ran
 * between the two charts' turns.
 */

let ready = $state(false);
const waiting: (() => void)[] = [];

/** Whether the page's first charts have drawn (or the wait gave up); reactive. */
export const afterFirstChart = {
  get ready(): boolean {
    return ready;
  },
};

/**
 * Run `job` once the first charts have drawn (at once if they have).
 * @example whenFirstChartDrawn(() => void store.warmBlockCache())
 */
export function whenFirstChartDrawn(job: () => void): void {
  if (ready) job();
  else waiting.push(job);
}

/**
 * Called by the chart component when its queue of draws is empty for the first time.
 * @example firstChartsDrawn()
 */
export function firstChartsDrawn(): void {
  if (ready) return;
  ready = true;
  for (const job of waiting.splice(0)) job();
}

/** A page that draws no chart (no data yet, the ranking tab) must not keep its menus waiting. */
const GIVE_UP_MS = 1500;
if (typeof window !== 'undefined') setTimeout(firstChartsDrawn, GIVE_UP_MS);
