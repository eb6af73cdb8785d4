/**
 * The line a printed page carries at its top: what the page shows (indicator and unit), over which
 * periods, from which datasets, and when it was printed. A printed overview used to start with
 * KPI cards ("84%") that named no indicator, unit or period. Pure, so it is unit-tested.
 */
import { translate, type Locale } from '../../domain/messages/index';
import { formatPeriod } from '../../domain/period';
import { shortText } from '../../charts/display-text';

/** What the heading says. */
export interface PrintHeadingParts {
  indicator: string;
  unit: string;
  /** Periods shown, sorted; the heading gives the first and the last. */
  periods: readonly string[];
  datasets: readonly string[];
  /** When printed, in the user's own time zone. */
  date: Date;
}

/** `2026-12-07` in the zone of the browser (the user's), as dates are written on paper. */
function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The heading line of a printed page.
 * @example printHeading({ indicator: '秸秆还田率', unit: '%', periods: ['2019', '2024'], datasets: ['示例数据'], date }, 'zh')
 * // '秸秆还田率（单位：%）  时期：2019年—2024年  数据集：示例数据  打印日期：2026-12-07' (ideographic spaces)
 */
export function printHeading(parts: PrintHeadingParts, locale: Locale): string {
  const first = parts.periods[0];
  const last = parts.periods[parts.periods.length - 1];
  const span = first === undefined ? '' : first === last ? formatPeriod(first, locale) : `${formatPeriod(first, locale)}—${formatPeriod(last!, locale)}`;
  const datasets = parts.datasets.map((d) => shortText(d, 60));
  return translate(locale, 'print.heading', {
    indicator: shortText(parts.indicator),
    unit: shortText(parts.unit || translate(locale, 'print.noUnit'), 40),
    periods: span,
    datasets: datasets.length > 3 ? `${datasets.slice(0, 3).join(translate(locale, 'print.listSeparator'))}…` : datasets.join(translate(locale, 'print.listSeparator')),
    date: isoDay(parts.date),
  });
}
