/**
 * Indicator and region metadata derived from imported observations. Existing records are kept
 * as they are (the user may have edited them); only new names and missing facts are added.
 */
import type { Indicator, Region } from '../domain/types';
import type { BlockRecord, StoreDb } from './db';
import { summarizeBlocks } from './columns';
import { inferPolarity } from './polarity';

/**
 * Add the indicators and regions of newly written blocks (`strings` is their dataset's
 * dictionary); call inside a transaction over both tables.
 */
export async function upsertMetadata(db: StoreDb, blocks: readonly BlockRecord[], strings: readonly string[]): Promise<void> {
  const summary = summarizeBlocks(blocks, strings);
  const indicators = new Map<string, Indicator>();
  for (const [name, { unit, displayUnit, targets }] of summary.indicators) {
    const indicator: Indicator = { name, baseUnit: unit, polarity: inferPolarity(name), targets };
    if (displayUnit !== undefined) indicator.displayUnit = displayUnit;
    indicators.set(name, indicator);
  }
  const regions = summary.regions;

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

  // The region list is small (thousands at most): one getAll beats a get per region.
  const storedRegions = new Map((await db.regions.toArray()).map((r) => [r.name, r]));
  const regionWrites: Region[] = [];
  regions.forEach((fresh, name) => {
    const stored = storedRegions.get(name);
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
