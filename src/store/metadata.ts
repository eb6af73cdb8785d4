/**
 * Indicator and region metadata derived from imported observations. Existing records are kept
 * as they are (the user may have edited them); only new names and missing facts are added.
 */
import type { Indicator, Observation, Region } from '../domain/types';
import type { StoreDb } from './db';
import { inferPolarity } from './polarity';

/** Add indicators and regions seen in `observations`; call inside a transaction over both tables. */
export async function upsertMetadata(db: StoreDb, observations: readonly Observation[]): Promise<void> {
  const indicators = new Map<string, Indicator>();
  const regions = new Map<string, Region>();
  // Runs of one indicator or region are the rule in imports; skip the lookups within a run.
  let lastIndicator: Indicator | undefined;
  let lastRegion: string | undefined;
  for (const o of observations) {
    let ind = lastIndicator?.name === o.indicator ? lastIndicator : indicators.get(o.indicator);
    if (!ind) {
      ind = { name: o.indicator, baseUnit: o.unit, polarity: inferPolarity(o.indicator), targets: [] };
      if (o.displayUnit !== undefined) ind.displayUnit = o.displayUnit;
      indicators.set(o.indicator, ind);
    }
    lastIndicator = ind;
    if (o.target !== undefined) ind.targets.push({ region: o.region, period: o.period, value: o.target });
    if (o.region === lastRegion) continue;
    lastRegion = o.region;
    if (!regions.has(o.region)) {
      const region: Region = { name: o.region };
      if (o.regionCode !== undefined) region.code = o.regionCode;
      if (o.isTotal) region.isTotal = true;
      regions.set(o.region, region);
    }
  }

  const indicatorNames = [...indicators.keys()];
  const storedIndicators = await db.indicators.bulkGet(indicatorNames);
  const indicatorWrites: Indicator[] = [];
  indicatorNames.forEach((name, i) => {
    const fresh = indicators.get(name)!;
    const stored = storedIndicators[i];
    if (!stored) {
      fresh.targets = dedupeTargets([], fresh.targets);
      indicatorWrites.push(fresh);
      return;
    }
    const targets = dedupeTargets(stored.targets, fresh.targets);
    if (targets.length > stored.targets.length) indicatorWrites.push({ ...stored, targets });
  });
  if (indicatorWrites.length) await db.indicators.bulkPut(indicatorWrites);

  const regionNames = [...regions.keys()];
  const storedRegions = await db.regions.bulkGet(regionNames);
  const regionWrites: Region[] = [];
  regionNames.forEach((name, i) => {
    const stored = storedRegions[i];
    const fresh = regions.get(name)!;
    if (!stored) regionWrites.push(fresh);
    // A code learnt later fills a gap; a different code is never merged over a known one.
    else if (stored.code === undefined && fresh.code !== undefined) regionWrites.push({ ...stored, code: fresh.code });
  });
  if (regionWrites.length) await db.regions.bulkPut(regionWrites);
}

/** `existing` plus the targets of `incoming` for region × period pairs it does not have yet. */
function dedupeTargets(existing: Indicator['targets'], incoming: Indicator['targets']): Indicator['targets'] {
  const seen = new Set(existing.map((t) => `${t.region ?? ''}\u0000${t.period}`));
  const out = [...existing];
  for (const t of incoming) {
    const key = `${t.region ?? ''}\u0000${t.period}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
