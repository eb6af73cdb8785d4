/**
 * The national division table (province, prefecture, county), read from the generated lines on
 * first use. Level and parent come from the code: the parent is the nearest listed ancestor, so
 * 东城区 (110101) hangs from 北京市 (110000) and 仙桃市 (429004) from 湖北省, their 市辖区 and
 * 省直辖县级行政区划 groupings not being divisions (docs/regions.md).
 */
import { DIVISION_LINES } from './divisions-data';
import { shortNameOf, type Level } from './short-name';

export type { Level };

/** One division. `statistical`: a code of the statistics bureau's only (开发区/功能区), not in GB/T 2260. */
export interface Division {
  code: string;
  name: string;
  level: Level;
  parent?: string;
  statistical?: boolean;
}

interface Table {
  byCode: Map<string, Division>;
  children: Map<string, Division[]>;
  all: Division[];
  short: Map<string, string>;
}

let table: Table | undefined;

function levelOf(code: string): Level {
  if (code.endsWith('0000')) return 'province';
  return code.endsWith('00') ? 'prefecture' : 'county';
}

function build(): Table {
  const byCode = new Map<string, Division>();
  const all: Division[] = [];
  for (const line of DIVISION_LINES.split('\n')) {
    const code = line.slice(0, 6);
    const statistical = line.endsWith('*');
    const name = line.slice(6, statistical ? -1 : undefined);
    const level = levelOf(code);
    let parent: string | undefined;
    if (level === 'county' && byCode.has(`${code.slice(0, 4)}00`)) parent = `${code.slice(0, 4)}00`;
    else if (level !== 'province') parent = `${code.slice(0, 2)}0000`;
    const d: Division = parent ? { code, name, level, parent } : { code, name, level };
    if (statistical) d.statistical = true;
    byCode.set(code, Object.freeze(d));
    all.push(d);
  }
  const children = new Map<string, Division[]>();
  const short = new Map<string, string>();
  for (const d of all) {
    if (d.parent) {
      const list = children.get(d.parent);
      if (list) list.push(d);
      else children.set(d.parent, [d]);
    }
    short.set(d.code, shortNameOf(d.name, d.level, d.statistical));
  }
  return { byCode, children, all, short };
}

/** The table, built once. */
export function divisionTable(): Table {
  table ??= build();
  return table;
}

/**
 * A division by its 6-digit code.
 * @example division('230102') // { code: '230102', name: '道里区', level: 'county', parent: '230100' }
 */
export function division(code: string): Division | undefined {
  return divisionTable().byCode.get(code);
}

/**
 * The divisions directly under a code, in code order (a province's prefectures and its directly
 * administered counties; a municipality's districts). Empty for a county or an unknown code.
 */
export function childrenOf(code: string): Division[] {
  return (divisionTable().children.get(code) ?? []).slice();
}

/**
 * Every division under a code, at one level or all, in code order: "all counties of 黑龙江省"
 * is `descendantsOf('230000', 'county')` (its cities' counties and any it administers directly).
 */
export function descendantsOf(code: string, level?: Level): Division[] {
  const out: Division[] = [];
  const walk = (at: string) => {
    for (const child of divisionTable().children.get(at) ?? []) {
      if (!level || child.level === level) out.push(child);
      walk(child.code);
    }
  };
  walk(code);
  return out.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/**
 * The divisions above a code, nearest first: 230102 → [230100 哈尔滨市, 230000 黑龙江省].
 * Empty for a province or an unknown code.
 */
export function ancestorsOf(code: string): Division[] {
  const out: Division[] = [];
  let d = division(code);
  while (d?.parent) {
    d = division(d.parent);
    if (d) out.push(d);
  }
  return out;
}

/** Every division, in code order. */
export function allDivisions(): Division[] {
  return divisionTable().all.slice();
}

/**
 * A division's short name: 哈尔滨 for 哈尔滨市, 内蒙古 for 内蒙古自治区, 延边 for 延边朝鲜族自治州;
 * the full name where stripping would mislead or leave one character (井陉矿区, 赵县), and for
 * statistical units (苏州工业园区).
 */
export function shortName(d: Pick<Division, 'code' | 'name' | 'level' | 'statistical'>): string {
  return divisionTable().short.get(d.code) ?? shortNameOf(d.name, d.level, d.statistical);
}

/** True when `code` is `ancestor` or lies under it. */
export function isWithin(code: string, ancestor: string): boolean {
  return code === ancestor || ancestorsOf(code).some((a) => a.code === ancestor);
}
