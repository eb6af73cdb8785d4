/**
 * The region picker's rows: the regions of a view grouped province → city → county by their
 * division codes, with "all counties of X" as one choice under each province and city that has
 * counties, and regions without a code listed apart. One flat list, so that the picker can draw
 * only the rows in sight (a dataset of every county has ~2,900) and the keyboard can walk it as
 * one list. Pure: the division table is passed in as `parentOf`, so this module does not bring
 * the table (60 KB) into the page's first script.
 */
import { parentCodeOf } from '../domain/region-code';

/** A region as the picker sees it: its label and the code any of its values carries. */
export interface TreeRegion {
  name: string;
  code?: string;
}

/**
 * One row. `heading`: a province or city that groups what follows (its name is found by the
 * caller); `region`: a choosable region; `all`: every county of `code` among the regions.
 */
export type PickerRow =
  | { kind: 'heading'; depth: number; code: string | undefined }
  | { kind: 'region'; depth: number; name: string; code?: string }
  | { kind: 'all'; depth: number; code: string; regions: string[] };

/** The level of a 6-digit code by its structure: `xx0000` province, `xxxx00` city, else county. */
function levelOf(code: string): 0 | 1 | 2 {
  if (code.endsWith('0000')) return 0;
  return code.endsWith('00') ? 1 : 2;
}

interface Node {
  code: string;
  /** The region that is this division itself, when the view has one. */
  self?: string;
  children: Map<string, Node>;
}

/**
 * The picker's rows for `regions`. `parentOf` gives a code's parent (the division table's, where
 * it is loaded: 东城区 110101 → 北京市 110000; else by the code's structure). With no coded region
 * the rows are the regions as given, with no headings.
 * @example pickerRows([{ name: '道里区', code: '230102' }, { name: '南岗区', code: '230103' }]).map((r) => r.kind) // ['heading', 'all', 'heading', 'all', 'region', 'region']
 */
export function pickerRows(
  regions: readonly TreeRegion[],
  parentOf: (code: string) => string | undefined = parentCodeOf,
  options: { all?: boolean } = {},
): PickerRow[] {
  const coded = regions.filter((r) => r.code !== undefined && /^\d{6}$/.test(r.code));
  const others = regions.filter((r) => r.code === undefined || !/^\d{6}$/.test(r.code));
  if (coded.length === 0) return others.map((r) => ({ kind: 'region', depth: 0, name: r.name, ...(r.code ? { code: r.code } : {}) }));
  const roots = new Map<string, Node>();
  const nodes = new Map<string, Node>();
  const nodeOf = (code: string): Node => {
    let node = nodes.get(code);
    if (node) return node;
    node = { code, children: new Map() };
    nodes.set(code, node);
    const parent = parentOf(code);
    if (parent === undefined || parent === code) roots.set(code, node);
    else nodeOf(parent).children.set(code, node);
    return node;
  };
  const extra: TreeRegion[] = [];
  for (const r of coded) {
    const node = nodeOf(r.code!);
    // Two labels with one code (a name the views keep apart): the second is listed as it is.
    if (node.self === undefined) node.self = r.name;
    else extra.push(r);
  }
  const rows: PickerRow[] = [];
  for (const root of sorted(roots)) emit(root, 0, rows, options.all !== false);
  if (others.length + extra.length > 0) {
    rows.push({ kind: 'heading', depth: 0, code: undefined });
    for (const r of [...extra, ...others]) rows.push({ kind: 'region', depth: 1, name: r.name, ...(r.code ? { code: r.code } : {}) });
  }
  return rows;
}

function sorted(map: Map<string, Node>): Node[] {
  return [...map.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The county-level regions under a node (itself excluded), in code order. */
function countiesUnder(node: Node): string[] {
  const out: string[] = [];
  for (const child of sorted(node.children)) {
    if (levelOf(child.code) === 2 && child.self !== undefined) out.push(child.self);
    out.push(...countiesUnder(child));
  }
  return out;
}

/**
 * A node with children: its heading, its own region, "all its counties", then its children one
 * level deeper. A node without children is one region row.
 */
function emit(node: Node, depth: number, rows: PickerRow[], all: boolean): void {
  if (node.children.size === 0) {
    if (node.self !== undefined) rows.push({ kind: 'region', depth, name: node.self, code: node.code });
    return;
  }
  rows.push({ kind: 'heading', depth, code: node.code });
  if (node.self !== undefined) rows.push({ kind: 'region', depth: depth + 1, name: node.self, code: node.code });
  const counties = countiesUnder(node);
  if (all && counties.length >= 2) rows.push({ kind: 'all', depth: depth + 1, code: node.code, regions: counties });
  for (const child of sorted(node.children)) emit(child, depth + 1, rows, all);
}
