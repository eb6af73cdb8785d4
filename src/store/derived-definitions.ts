/**
 * Calculated indicators (计算指标) in the store: their definitions, kept in the `settings` table
 * (one key, so the workspace backup carries them and the schema is unchanged), and the one hook
 * that makes them read like any indicator. Values are never stored: a read of a calculated
 * indicator reads its inputs and computes, so it follows new data.
 *
 * The store may not import the calculations (src/analysis): the app registers an engine that
 * loads them (`setDerivedEngine`). These reads are the store's queries (with remote datasets,
 * remote-read.ts) plus the calculated indicators; `index.ts` exports them from here. With no
 * definition stored each is the query underneath, answered without waiting for anything else.
 */
import { comparePeriods } from '../domain/period';
import { readDerivedDefinition, derivedInputs, type DerivedDefinition } from '../domain/derived-definition';
import type { Indicator } from '../domain/types';
import { announce, getDb } from './open';
import { storeVersion } from './data-version';
import { shared } from './shared-reads';
import {
  getSeries as baseSeries,
  getSnapshot as baseSnapshot,
  getPeriods as basePeriods,
  getIndicators as baseIndicators,
  getDatasetIndicators as baseDatasetIndicators,
  getDatasets,
  getRegions,
} from './remote-read';
import type { StoredObservation } from './types';
import { DERIVED_SETTING_KEY, derivedEngineLoader, type DerivedEngine } from './derived-engine';

export { DERIVED_SETTING_KEY, setDerivedEngine, type DerivedEngine } from './derived-engine';

/** Calculated indicators may be made of calculated ones; deeper than this reads nothing (and a loop ends). */
const MAX_DEPTH = 4;

/**
 * The definitions as of the open database and the store's version: read again after any write,
 * here or in another tab, and in another database (tests open several). `resolved` once read.
 */
let cached: { db: object; version: number; byName: Promise<Map<string, DerivedDefinition>>; resolved?: Map<string, DerivedDefinition> } | undefined;

/** The cached entry, when it is of this database and version (throws when the store is closed). */
function current(): typeof cached {
  return cached?.db === getDb() && cached.version === storeVersion().changes ? cached : undefined;
}

function definitions(): Promise<Map<string, DerivedDefinition>> {
  try {
    const known = current();
    if (known) return known.byName;
    const entry: NonNullable<typeof cached> = { db: getDb(), version: storeVersion().changes, byName: readDefinitions().then((list) => new Map(list.map((d) => [d.name, d]))) };
    entry.byName.then((m) => (entry.resolved = m), () => undefined);
    cached = entry;
    return entry.byName;
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * The store's own answer when the definitions are known and `indicator` is not one of them (the
 * same promise every caller of the same question gets, as shared-reads.ts promises); else the
 * answer of `derived` once they are known, shared while it runs.
 */
function plainOr<T>(indicator: string, plain: () => Promise<T>, key: string, derived: (byName: Map<string, DerivedDefinition>) => Promise<T>): Promise<T> {
  let known: Map<string, DerivedDefinition> | undefined;
  try {
    known = current()?.resolved;
  } catch (e) {
    return Promise.reject(e);
  }
  if (known && !known.has(indicator)) return plain();
  if (known) return derived(known);
  // Not through `shared`: it keeps one finished answer, which must stay the store's own.
  const asked = waiting.get(key);
  if (asked) return asked as Promise<T>;
  const answer = definitions().then((byName) => (byName.has(indicator) ? derived(byName) : plain()));
  waiting.set(key, answer);
  const done = () => waiting.delete(key);
  answer.then(done, done);
  return answer;
}

/** Questions asked before the definitions were read, while they wait: asked again, the same promise. */
const waiting = new Map<string, Promise<unknown>>();

/** The stored list, each checked: a backup from elsewhere may hold anything. */
async function readDefinitions(): Promise<DerivedDefinition[]> {
  const raw = (await getDb().settings.get(DERIVED_SETTING_KEY))?.value;
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: DerivedDefinition[] = [];
  for (const item of raw) {
    const def = readDerivedDefinition(item);
    if (def && !seen.has(def.name)) {
      seen.add(def.name);
      out.push(def);
    }
  }
  return out;
}

/**
 * Every calculated indicator's definition, in the order they were made.
 * @example (await getDerivedDefinitions())[0].operation // 'per-capita'
 */
export function getDerivedDefinitions(): Promise<DerivedDefinition[]> {
  return definitions().then((byName) => [...byName.values()]);
}

/** What saving a definition gave: saved, or refused because an imported indicator has its name. */
export type DerivedSaveResult = { ok: true } | { ok: false; reason: 'taken' | 'invalid' };

/**
 * Save a definition (replacing the one named `replacing`, when editing, else one of its name).
 * Views of it read again, since its values change.
 * @example await putDerivedDefinition({ name: '人均GDP', operation: 'per-capita', input: '地区生产总值', other: '常住人口' })
 */
export async function putDerivedDefinition(def: DerivedDefinition, replacing?: string): Promise<DerivedSaveResult> {
  const checked = readDerivedDefinition(def);
  if (!checked) return { ok: false, reason: 'invalid' };
  // Only a name some dataset holds is taken: 指标设置 of a calculated indicator stores a record of its name.
  if ([...(await baseDatasetIndicators()).values()].some((names) => names.includes(checked.name))) return { ok: false, reason: 'taken' };
  const list = await readDefinitions();
  const at = list.findIndex((d) => d.name === (replacing ?? checked.name));
  const others = list.filter((d, i) => i !== at && d.name !== checked.name);
  if (at >= 0) others.splice(Math.min(at, others.length), 0, checked);
  else others.push(checked);
  await write(others);
  return { ok: true };
}

/**
 * Remove a calculated indicator (its definition; it has no stored values).
 * @example await deleteDerivedDefinition('人均GDP')
 */
export async function deleteDerivedDefinition(name: string): Promise<void> {
  await write((await readDefinitions()).filter((d) => d.name !== name));
}

async function write(list: readonly DerivedDefinition[]): Promise<void> {
  await getDb().settings.put({ key: DERIVED_SETTING_KEY, value: list.map((d) => ({ ...d })) });
  // As a change of values: every view of a calculated indicator reads again, here and in other tabs.
  announce({ scope: 'datasets', id: DERIVED_SETTING_KEY });
}

/** The engine, when one is registered and there is something for it to do. */
async function engineFor(byName: Map<string, DerivedDefinition>): Promise<DerivedEngine | undefined> {
  const loadEngine = derivedEngineLoader();
  return byName.size > 0 && loadEngine ? loadEngine() : undefined;
}

type SeriesQuery = { indicator: string; datasets?: readonly string[]; regions?: readonly string[] };

/**
 * `getSeries` with calculated indicators: one of those is computed from its inputs (read whole,
 * from every dataset: a population is usually in another file), then narrowed to the query's
 * datasets (by the dataset of its first input) and regions. Shared like the store's reads.
 * @example await getSeries({ indicator: '人均地区生产总值' })
 */
export function getSeries(query: SeriesQuery): Promise<StoredObservation[]> {
  return seriesAt(query, 0);
}

function seriesAt(query: SeriesQuery, depth: number): Promise<StoredObservation[]> {
  const question = [depth, query.indicator, query.datasets ?? [], query.regions ?? []];
  return plainOr(query.indicator, () => baseSeries(query), JSON.stringify(['series?', ...question]), (byName) => {
    const def = byName.get(query.indicator)!;
    if (depth >= MAX_DEPTH) return Promise.resolve([]);
    // The depth too: a definition that reads itself waits on a deeper read, never on its own.
    return shared(JSON.stringify(['derived', def, ...question]), () => computed(def, query, byName, depth));
  });
}

async function computed(def: DerivedDefinition, query: SeriesQuery, byName: Map<string, DerivedDefinition>, depth: number): Promise<StoredObservation[]> {
  const engine = await engineFor(byName);
  if (!engine) return [];
  const names = derivedInputs(def);
  const [rows, indicators, regions, datasets] = await Promise.all([
    Promise.all(names.map((name) => seriesAt({ indicator: name }, depth + 1))),
    listed(byName, engine),
    getRegions(),
    getDatasets(),
  ]);
  const out = engine.series(def, { rows: new Map(names.map((n, i) => [n, rows[i]!])), indicators, regions, datasets });
  const inDatasets = query.datasets?.length ? new Set(query.datasets) : undefined;
  const inRegions = query.regions?.length ? new Set(query.regions) : undefined;
  if (!inDatasets && !inRegions) return out;
  return out.filter(
    (o) => (!inDatasets || inDatasets.has(o.datasetId)) && (!inRegions || inRegions.has(o.region) || (o.regionAsWritten !== undefined && inRegions.has(o.regionAsWritten))),
  );
}

/**
 * `getSnapshot` with calculated indicators (their series, one period).
 * @example await getSnapshot({ indicator: '人均地区生产总值', period: '2024' })
 */
export function getSnapshot(query: { indicator: string; period: string; datasets?: readonly string[] }): Promise<StoredObservation[]> {
  return plainOr(query.indicator, () => baseSnapshot(query), JSON.stringify(['snapshot?', query.indicator, query.period, query.datasets ?? []]), () =>
    seriesAt({ indicator: query.indicator, datasets: query.datasets }, 0).then((rows) => rows.filter((o) => o.period === query.period)),
  );
}

/** `getPeriods` with calculated indicators. @example await getPeriods('人均地区生产总值') */
export async function getPeriods(indicator: string): Promise<string[]> {
  if (!(await definitions()).has(indicator)) return basePeriods(indicator);
  const rows = await seriesAt({ indicator }, 0);
  const seen = new Set(rows.map((o) => o.period));
  return [...seen].sort(comparePeriods);
}

/**
 * `getIndicators` with the calculated ones after the stored ones. A calculated indicator keeps
 * its name: values imported later under the same name are not read while it is defined.
 * @example (await getIndicators()).find((i) => i.definition)?.name // '人均地区生产总值'
 */
export async function getIndicators(): Promise<Indicator[]> {
  const [stored, byName] = await Promise.all([baseIndicators(), definitions()]);
  const engine = await engineFor(byName);
  return engine ? listed(byName, engine, stored) : stored;
}

async function listed(byName: Map<string, DerivedDefinition>, engine: DerivedEngine, stored?: Indicator[]): Promise<Indicator[]> {
  const base = stored ?? (await baseIndicators());
  const out = base.filter((i) => !byName.has(i.name));
  // In the order made, so a calculated indicator of a calculated one finds its input's unit.
  for (const def of byName.values()) out.push(withSettings(engine.indicator(def, out), base.find((i) => i.name === def.name)));
  return out;
}

/**
 * A calculated indicator with what the user set in 指标设置 (which stores an indicator record of
 * its name): its name shown, polarity, decimals, description, targets. Its unit and definition
 * are always the calculation's.
 */
function withSettings(calculated: Indicator, settings: Indicator | undefined): Indicator {
  if (!settings) return calculated;
  const out: Indicator = { ...calculated, polarity: settings.polarity, targets: settings.targets };
  if (settings.displayName) out.displayName = settings.displayName;
  if (settings.decimals !== undefined) out.decimals = settings.decimals;
  if (settings.description) out.description = settings.description;
  if (settings.rateChange) out.rateChange = settings.rateChange;
  return out;
}

/**
 * `getDatasetIndicators` with each calculated indicator held by the datasets that hold its first
 * input: the indicator list lists what the chosen datasets hold.
 * @example (await getDatasetIndicators()).get('ds-1') // ['地区生产总值', '人均地区生产总值']
 */
export async function getDatasetIndicators(): Promise<Map<string, string[]>> {
  const [held, byName] = await Promise.all([baseDatasetIndicators(), definitions()]);
  if (byName.size === 0 || !derivedEngineLoader()) return held;
  const out = new Map<string, string[]>();
  for (const [id, names] of held) out.set(id, [...names]);
  // Twice over the list, so a definition made of one defined after it is held too.
  for (let pass = 0; pass < 2; pass++) {
    for (const def of byName.values()) {
      for (const names of out.values()) if (names.includes(def.input) && !names.includes(def.name)) names.push(def.name);
    }
  }
  return out;
}
