/**
 * What the 按地区 view is built from in the app: one region's rows of every indicator the
 * dashboard lists, from the datasets it draws from, with regions under their labels. The view
 * itself (cards, groups, words) is built by `buildView` (src/views/region.ts) from this, as a
 * saved page and a slide build it from what they carry.
 */
import type { Indicator } from '../../domain/types';
import type { Locale } from '../../domain/messages';
import { rowsInOrder } from '../../analysis/dataset-choice';
import { labelRegions, labelTargets, type RegionIdentity } from '../../analysis/region-identity';
import type { ViewData } from '../../views/build-view';
import * as store from '../../store';

/** Where the rows come from: the indicators listed, the datasets drawn from (the winner first), the datasets' names in order. */
export interface RegionSource {
  indicators: readonly Indicator[];
  datasets: readonly string[];
  allDatasets: readonly { id: string; name: string }[];
  identity: RegionIdentity;
  locale: Locale;
}

/**
 * The region's rows of every indicator as a view's data: one column-block scan per indicator,
 * restricted to the region (under every name it was written as).
 * @example const data = await regionData('道里区', '耕地面积', source) // data.regionSet.indicators.length
 */
export async function regionData(region: string, indicator: Indicator, source: RegionSource): Promise<ViewData> {
  const { identity, datasets } = source;
  const written = identity.namesOf(region);
  const series = await Promise.all(
    source.indicators.map((i) =>
      store.getSeries({ indicator: i.name, regions: written, datasets: [...datasets] }).then((rows) =>
        labelRegions(rowsInOrder(rows, [...datasets]), identity).filter((o) => o.region === region),
      ),
    ),
  );
  return {
    indicator: labelTargets(indicator, identity),
    observations: series.flat(),
    locale: source.locale,
    regionSet: {
      indicators: source.indicators.map((i) => labelTargets(i, identity)),
      datasets: source.allDatasets.map((d) => ({ id: d.id, name: d.name })),
    },
  };
}
