/**
 * On a switch of indicator the user waits on the trend. The overview's other panels (the KPI
 * cards, the regional comparison) keep what they show until the trend has drawn and take the new
 * values in the task after it: made in the values' task, before the trend's chart effect, their
 * models pushed the trend's draw out of its task (`draw-at-once`) at 1M values.
 */

/** Never hold longer than this, whatever happens to the trend (a draw that never comes). */
const MAX_HOLD_MS = 1000;

let holding = $state(false);
let fallback: ReturnType<typeof setTimeout> | undefined;

/** Whether the panels other than the trend keep their last content; reactive. */
export const switchHold = {
  get holding(): boolean {
    return holding;
  },
};

/**
 * A switch's values have come: hold the other panels until the charts' next turns have run.
 * @example holdUntilChartsDrawn()
 */
export function holdUntilChartsDrawn(): void {
  holding = true;
  clearTimeout(fallback);
  fallback = setTimeout(release, MAX_HOLD_MS);
}

/**
 * Called by the chart component when its queue of draws has run empty: the trend is drawn.
 * @example chartsDrawn()
 */
export function chartsDrawn(): void {
  if (holding) release();
}

function release(): void {
  clearTimeout(fallback);
  holding = false;
}

/**
 * `next()` while not held, else the value it gave last (the first call always asks). Reading
 * nothing of `next`'s inputs while held, a derived built on it is not recomputed meanwhile.
 * @example const shown = $derived.by(heldOr(() => buildKpiCards(...)))
 */
export function heldOr<T>(next: () => T, held: () => boolean = () => holding): () => T {
  let last: { value: T } | undefined;
  return () => {
    if (last && held()) return last.value;
    last = { value: next() };
    return last.value;
  };
}
