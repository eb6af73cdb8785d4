/**
 * Which view an address opens on, and which indicator it shows: read by the explorer, and by
 * main.ts to start reading that indicator's values before the app's code has arrived.
 */
import { viewSpecFromSearchParams } from '../../export/view-spec';
import { nameOfLink } from '../../export/name-key';
import type { ViewSpec } from '../../domain/types';

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
