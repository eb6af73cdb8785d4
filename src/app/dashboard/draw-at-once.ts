/**
 * Whether the next chart may draw in the task that changed it, rather than in a turn of its own
 * (EChart.svelte). Asked for by a switch of indicator, where a user waits on the trend: drawing
 * it at once saves the layout and paint the browser does between tasks (~20 ms). Granted only
 * while the task is young, so that a slow page update and a draw do not add up to one long task;
 * a reload of the whole page (after an import, or another tab's write) asks for nothing.
 */

import { holdUntilChartsDrawn } from './switch-hold.svelte';

/** The task that asked may draw at once until it has run this long. */
const AT_ONCE_MS = 60;
let until = 0;

/**
 * A switch of indicator has its values: the first chart it redraws may draw at once, if asked
 * `within` ms, and the overview's other panels wait for it (switch-hold).
 * @example drawNextAtOnce()
 */
export function drawNextAtOnce(within = AT_ONCE_MS): void {
  until = performance.now() + within;
  holdUntilChartsDrawn();
}

/**
 * Whether a chart may draw now, in this task; true once per `drawNextAtOnce`.
 * @example if (mayDrawAtOnce()) draw(); else queue(draw);
 */
export function mayDrawAtOnce(): boolean {
  const yes = performance.now() <= until;
  until = 0;
  return yes;
}
