/**
 * What main.ts starts before the app's code has arrived: opening the database and reading the
 * values of the view the address names (else of the first indicator). Loading and compiling the
 * app's chunks takes ~0.5 s; the database open and the first read used to wait for it and then
 * run one after the other, so the first chart after a reload came that much later.
 */
import * as store from '../store';
import type { StoredObservation } from '../store';
import { viewSpecFromSearchParams } from '../export/view-spec';
import { nameOfLink } from '../export/name-key';
import type { ViewSpec } from '../domain/types';

interface FirstSeries {
  indicator: string;
  rows: StoredObservation[];
}

let opened: Promise<{ persistent: boolean }> | undefined;
let first: Promise<FirstSeries> | undefined;

/**
 * The view an address names, if it names a valid one (`?view=…`); other parameters may share it.
 * @example viewInAddress(new URLSearchParams('view=trend&ind=PM10'))?.indicator // 'PM10'
 */
export function viewInAddress(params: URLSearchParams): ViewSpec | undefined {
  if (!params.has('view')) return undefined;
  const parsed = viewSpecFromSearchParams(params);
  return parsed.ok ? parsed.spec : undefined;
}

/**
 * The indicator to show: the wanted one while it exists (named, or by the key a link writes for a
 * long name), else the first by name ('' for none).
 * @example indicatorToShow(['PM10', '压采量'], '已删除') // 'PM10'
 */
export function indicatorToShow(names: readonly string[], wanted: string): string {
  return nameOfLink(wanted, names) ?? names[0] ?? '';
}

/**
 * Start opening the store and reading the first view's values; the app takes them over.
 * @example startEarly(location.search)
 */
export function startEarly(search: string): void {
  const wanted = viewInAddress(new URLSearchParams(search))?.indicator ?? '';
  opened = store.openStore();
  first = opened.then(async () => {
    const indicator = indicatorToShow((await store.getIndicators()).map((i) => i.name), wanted);
    return { indicator, rows: indicator ? await store.getSeries({ indicator }) : [] };
  });
  // The app reports failures when it takes these over; until then they must not go unhandled.
  opened.catch(() => undefined);
  first.catch(() => undefined);
}

/**
 * The store opening started early, once; undefined afterwards or if none was started.
 * @example const { persistent } = await (takeEarlyOpen() ?? store.openStore())
 */
export function takeEarlyOpen(): Promise<{ persistent: boolean }> | undefined {
  const p = opened;
  opened = undefined;
  return p;
}

/**
 * The rows read early, if they are `indicator`'s; asked once (later loads read the store).
 * @example const rows = (await takeEarlySeries('耕地面积')) ?? (await store.getSeries({ indicator: '耕地面积' }))
 */
export async function takeEarlySeries(indicator: string): Promise<StoredObservation[] | undefined> {
  const p = first;
  first = undefined;
  if (!p) return undefined;
  try {
    const got = await p;
    return got.indicator === indicator ? got.rows : undefined;
  } catch {
    // The early read failed (say the database could not open): the normal path will say why.
    return undefined;
  }
}
