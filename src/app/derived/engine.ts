/**
 * The store's engine for calculated indicators (store/derived-definitions.ts): the calculations
 * of src/analysis/derived, fed the way the views read values (regions under their labels, the
 * winning dataset's value first). Loaded with the first calculated indicator read; the store
 * cannot import the analysis stage, so the app hands it this.
 */
import { computeDerived, derivedIndicator } from '../../analysis/derived';
import { buildRegionIdentity } from '../../analysis/region-identity';
import { precedence } from '../../analysis/dataset-choice';
import type { DerivedEngine, StoredObservation } from '../../store';
import { savedLocale } from '../settings/i18n.svelte';

/**
 * The engine: indicators worded in the language chosen when the list is read, values computed.
 * @example setDerivedEngine(() => import('./engine').then((m) => m.derivedEngine))
 */
export const derivedEngine: DerivedEngine = {
  indicator: (def, stored) => derivedIndicator(def, stored, savedLocale()),
  series(def, { rows, indicators, regions, datasets }) {
    const identity = buildRegionIdentity(regions);
    const rank = new Map(precedence(datasets).map((id, i) => [id, i]));
    const ordered = new Map<string, readonly StoredObservation[]>();
    // The winner of a region × period comes first, as the views keep it (analysis/dataset-choice).
    for (const [name, list] of rows) {
      ordered.set(name, [...list].sort((a, b) => (rank.get(a.datasetId) ?? rank.size) - (rank.get(b.datasetId) ?? rank.size)));
    }
    const result = computeDerived(def, { rows: ordered, indicators }, { label: identity.label });
    return result.observations.map((o) => ({ ...o, datasetId: o.datasetId ?? '' }));
  },
};
