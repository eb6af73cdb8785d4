/**
 * Names → divisions: every way the table lets a cell name one division, and the reading of a
 * name with its parents in front (黑龙江省哈尔滨市道里区, 哈尔滨道里).
 */
import { normalizeName } from './read-cell';
import { kindAliasesOf } from './short-name';
import { ancestorsOf, divisionTable, shortName, type Division } from './table';

/** A way to write one division; `full` for its full name or a user's alias, not for a short form. */
interface Form {
  division: Division;
  full: boolean;
}

/** A reading of a whole name as one division; `exact` when every part was a full name. */
export interface NameReading {
  division: Division;
  exact: boolean;
}

/** The groupings NBS writes between a province and the counties it administers directly. */
const PSEUDO_PREFECTURES = ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'];

let index: Map<string, Form[]> | undefined;

function add(map: Map<string, Form[]>, key: string, form: Form): void {
  const list = map.get(key);
  if (!list) map.set(key, [form]);
  else if (!list.some((f) => f.division === form.division)) list.push(form);
}

function nameIndex(): Map<string, Form[]> {
  if (index) return index;
  const map = new Map<string, Form[]>();
  for (const d of divisionTable().all) {
    add(map, d.name, { division: d, full: true });
    const short = shortName(d);
    if (short !== d.name) add(map, short, { division: d, full: false });
    for (const alias of kindAliasesOf(d.name, d.level, d.statistical === true)) add(map, alias, { division: d, full: false });
  }
  index = map;
  return map;
}

/** User aliases, normalized once per aliases object. */
const aliasCache = new WeakMap<object, Map<string, Division>>();

/**
 * The user's names → codes. Read once per object and remembered: after a change, pass a new
 * object (the app replaces its state rather than changing it in place).
 */
export type Aliases = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/** The aliases as normalized name → division; aliases whose code the table lacks are left out. */
export function aliasIndex(aliases: Aliases | undefined): Map<string, Division> | undefined {
  if (!aliases) return undefined;
  const cached = aliasCache.get(aliases);
  if (cached) return cached;
  const map = new Map<string, Division>();
  const entries = aliases instanceof Map ? [...aliases.entries()] : Object.entries(aliases);
  for (const [name, code] of entries) {
    const d = divisionTable().byCode.get(String(code));
    const key = normalizeName(name);
    if (d && key) map.set(key, d);
  }
  aliasCache.set(aliases, map);
  return map;
}

function formsOf(text: string, aliases: Map<string, Division> | undefined): Form[] {
  const forms = nameIndex().get(text) ?? [];
  const alias = aliases?.get(text);
  return alias ? [{ division: alias, full: true }, ...forms] : forms;
}

/**
 * Whether `prefix` is the names of some of `ancestors` (top first, in order, each at most once):
 * undefined when it is not, else whether each part was a full name.
 */
function readPrefix(prefix: string, ancestors: Division[], aliases: Map<string, Division> | undefined, pseudoAllowed: boolean): boolean | undefined {
  if (prefix === '') return true;
  let best: boolean | undefined;
  for (let i = 0; i < ancestors.length; i++) {
    for (let cut = 1; cut <= prefix.length; cut++) {
      const head = prefix.slice(0, cut);
      const form = formsOf(head, aliases).find((f) => f.division === ancestors[i]);
      if (!form) continue;
      const rest = prefix.slice(cut);
      const later = ancestors.slice(i + 1);
      let tail = readPrefix(rest, later, aliases, pseudoAllowed);
      // 北京市市辖区东城区, 湖北省省直辖县级行政区划仙桃市: NBS's full names carry the grouping.
      if (tail === undefined && pseudoAllowed && later.length === 0) {
        tail = PSEUDO_PREFECTURES.includes(rest) ? true : undefined;
      }
      if (tail !== undefined) best = best === true ? true : form.full && tail;
    }
  }
  return best;
}

/**
 * Every division the whole of `name` (normalized) can be read as, in code order, each marked
 * `exact` when it needs no short form: `吉林市` is the city, exactly; `吉林` the province or the
 * city, by short names.
 */
export function readName(name: string, aliases?: Map<string, Division>): NameReading[] {
  const readings = new Map<Division, boolean>();
  for (let start = 0; start < name.length; start++) {
    for (const form of formsOf(name.slice(start), aliases)) {
      const ancestors = ancestorsOf(form.division.code).reverse();
      const pseudoAllowed = form.division.level === 'county' && ancestors.length === 1;
      const prefix = readPrefix(name.slice(0, start), ancestors, aliases, pseudoAllowed);
      if (prefix === undefined) continue;
      const exact = form.full && prefix;
      readings.set(form.division, (readings.get(form.division) ?? false) || exact);
    }
  }
  return [...readings].map(([division, exact]) => ({ division, exact })).sort((a, b) => (a.division.code < b.division.code ? -1 : 1));
}

/** The exact readings if there are any, else all: `朝阳区` is never 朝阳市 or 朝阳县. */
export function preferExact(readings: NameReading[]): Division[] {
  const exact = readings.filter((r) => r.exact);
  return (exact.length > 0 ? exact : readings).map((r) => r.division);
}
