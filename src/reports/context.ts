/**
 * Where and when a figure is: region and period named in its sentence, else in the heading above
 * it, else the report's own (its title, signature and date).
 */
import { parsePeriod } from '../ingest/parse-period';
import { allDivisions, division } from '../regions/table';
import type { FigurePeriod, FigureRegion } from './types';

interface Named {
  name: string;
  code: string;
  parent?: string;
}

let names: Map<string, Named[]> | undefined;
let longest = 0;
/** The characters division names end with (省 市 区 县 旗…): most positions need no lookup. */
const lastChars = new Set<string>();

/**
 * Division names by name. Two-character county names (和县, 新县, 城区, 郊区) are too often
 * ordinary words (`市和县`, `中心城区`) and count only right after their prefecture.
 */
function divisionNames(): Map<string, Named[]> {
  if (names) return names;
  names = new Map();
  for (const d of allDivisions()) {
    const list = names.get(d.name);
    const n: Named = d.parent ? { name: d.name, code: d.code, parent: d.parent } : { name: d.name, code: d.code };
    if (list) list.push(n);
    else names.set(d.name, [n]);
    longest = Math.max(longest, d.name.length);
    lastChars.add(d.name.charAt(d.name.length - 1));
  }
  return names;
}

/** A region named in text, with its offset. */
export interface Mention extends FigureRegion {
  offset: number;
  end: number;
  /** Followed by 委, 政府, 人大…: an organization of the place (中共沧州市委), not the place itself. */
  organ: boolean;
}

const ORGAN = /^(?:委员会|党委|委|人民政府|政府|纪委|监委|人大|政协|党工委|管委会|工作委员会|[县市区旗]委|[县市区旗]人民政府)/;
const WORDLIKE: ReadonlySet<string> = new Set(['新城区', '老城区', '城关区', '城东区', '城西区', '城南区', '城北区', '城中区', '市中区', '新市区', '河东区', '河西区']);

function longestNameAt(s: string, i: number, parent?: string): Named | undefined {
  const table = divisionNames();
  for (let len = Math.min(longest, s.length - i); len >= 2; len--) {
    if (!lastChars.has(s.charAt(i + len - 1))) continue;
    const list = table.get(s.slice(i, i + len));
    if (!list) continue;
    const under = parent ? list.find((n) => n.parent === parent) : undefined;
    if (under) return under;
    // Two-character names (和县, 城区) and district names that are also ordinary words (老城区,
    // 城关区, 河东区) count after their prefecture, or before 县委/人民政府 (中共献县县委).
    if (parent || ((len === 2 || WORDLIKE.has(list[0].name)) && !ORGAN.test(s.slice(i + len, i + len + 6)))) continue;
    // A name shared by several divisions (鼓楼区 ×4) has no code on its own.
    return list.length === 1 ? list[0] : { name: list[0].name, code: '' };
  }
  return undefined;
}

/**
 * The regions named in `s` (offsets relative to `s`): a prefecture followed by one of its counties
 * is one region as written (`哈尔滨市道里区` → 230102). Names inside 《》 are titles of documents,
 * not places, and are left out.
 * @example regionMentions('中共哈尔滨市道里区委') // [{ name: '哈尔滨市道里区', code: '230102', offset: 2, end: 9, from: 'sentence', organ: true }]
 */
export function regionMentions(s: string): Mention[] {
  const out: Mention[] = [];
  let title = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charAt(i);
    if (c === '《') title++;
    else if (c === '》' && title > 0) title--;
    const first = title > 0 ? undefined : longestNameAt(s, i);
    if (!first) {
      i++;
      continue;
    }
    let end = i + first.name.length;
    let last = first;
    for (let next = first.code ? longestNameAt(s, end, first.code) : undefined; next; next = last.code ? longestNameAt(s, end, last.code) : undefined) {
      end += next.name.length;
      last = next;
    }
    const m: Mention = { name: s.slice(i, end), offset: i, end, from: 'sentence', organ: ORGAN.test(s.slice(end, end + 5)) };
    if (last.code) m.code = last.code;
    out.push(m);
    i = end;
  }
  return out;
}

/**
 * The report's region: the one named most often, where a name in the title (first lines) or the
 * signature (last lines) counts three times; written as its longest form (`哈尔滨市道里区` over
 * `道里区`).
 */
export function documentRegion(text: string, headLines: string[], tailLines: string[]): FigureRegion | undefined {
  const score = new Map<string, { n: number; name: string; first: number; forms: Map<string, number> }>();
  const add = (mentions: Mention[], weight: number, offset: number): void => {
    for (const m of mentions) {
      const key = m.code || m.name;
      let was = score.get(key);
      if (was) was.n += weight;
      else score.set(key, (was = { n: weight, name: m.name, first: offset + m.offset, forms: new Map() }));
      was.forms.set(m.name, (was.forms.get(m.name) ?? 0) + weight);
    }
  };
  add(regionMentions(text), 1, 0);
  add(regionMentions(headLines.join('\n')), 2, 0);
  add(regionMentions(tailLines.join('\n')), 2, 0);
  // A county counts for its prefecture too, and a prefecture for its province, when both are named.
  for (const [code, s] of score) {
    const d = division(code);
    if (!d?.parent) continue;
    const parent = score.get(d.parent);
    if (parent && [...s.forms.keys()].some((name) => name.startsWith(parent.name))) s.n += parent.n;
  }
  // Written as most often (沧州市 over a letterbox's 河北省沧州市), the longer form on a tie; a
  // county with its prefecture in front when the report ever writes it so (哈尔滨市道里区), as
  // county names repeat across the country.
  for (const [code, s] of score) {
    const county = division(code)?.level === 'county';
    let top = 0;
    for (const [name, n] of s.forms) {
      if (county ? name.length > s.name.length : n > top || (n === top && name.length > s.name.length)) {
        top = n;
        s.name = name;
      }
    }
  }
  let best: [string, { n: number; name: string; first: number }] | undefined;
  for (const entry of score) {
    if (!best || entry[1].n > best[1].n || (entry[1].n === best[1].n && entry[1].first < best[1].first)) best = entry;
  }
  if (!best) return undefined;
  const r: FigureRegion = { name: best[1].name, from: 'document' };
  if (division(best[0])) r.code = best[0];
  return r;
}

/** True inside 《…》: a document's title, whose places and years are not the figure's. */
function insideTitle(s: string, at: number): boolean {
  const open = s.lastIndexOf('《', at);
  return open >= 0 && s.lastIndexOf('》', at) < open;
}

/** Period expressions as reports write them, longest forms first. */
const PERIOD = new RegExp(
  [
    '截[至止]到?\\d{4}年(?:\\d{1,2}月)?(?:底|末)?',
    '\\d{4}年?[—–―─\\-~至到]\\d{2,4}年度?',
    '\\d{4}年(?:[上下]半年|第?[一二三四1-4]季度|\\d{1,2}[—–―─\\-~至到]\\d{1,2}月(?:累计)?|\\d{1,2}月(?:底|末|份)?|底|末|度)?',
    '“?十[一二三四五]?五”?(?:期间|时期)',
    '前?[上下]半年|前?[一二三四]季度|全年',
  ].join('|'),
  'g',
);

/** A period found in text, with its offset. */
export interface PeriodMention extends FigurePeriod {
  offset: number;
  end: number;
}

/**
 * Periods named in `s`, normalized as the import does (`parsePeriod`); a period without its year
 * (上半年, 四季度) takes `year`, the last year named before it.
 * @example periodMentions('截至2024年6月底，…', '2024')[0].key // '2024-06'
 */
export function periodMentions(s: string, year?: string): PeriodMention[] {
  const out: PeriodMention[] = [];
  PERIOD.lastIndex = 0;
  let lastYear = year;
  for (let m = PERIOD.exec(s); m; m = PERIOD.exec(s)) {
    // A year glued to more digits is a phone or document number, not a year.
    if (/\d/.test(s.charAt(m.index - 1)) || (/\d$/.test(m[0]) && /\d/.test(s.charAt(m.index + m[0].length)))) continue;
    if (insideTitle(s, m.index)) continue;
    // 较2022年下降15%: the year compared with, not the figure's.
    if (/(?:较|比|与|同)$/.test(s.slice(Math.max(0, m.index - 1), m.index))) continue;
    let label = m[0];
    let read = label;
    if (!/\d{4}/.test(label) && !/十/.test(label)) {
      if (!lastYear) continue;
      read = label === '全年' ? `${lastYear}年` : `${lastYear}年${label.replace(/^前/, '')}`;
    }
    const p = parsePeriod(read);
    if (!p) continue;
    const y = /\d{4}/.exec(p.key);
    if (y) lastYear = y[0];
    // A year's day (2023年10月11日) is when something happened, not what a figure covers.
    label = label.replace(/[，,]$/, '');
    out.push({ key: p.key, grain: p.grain, label, from: 'sentence', offset: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The report's period: the year of its date (the signature's `2024年11月5日`, or a
 * `发布时间：2022-08-16` line), else the one year its title names, else the latest year it names.
 */
export function documentPeriod(text: string, headLines: string[], tailLines: string[]): FigurePeriod | undefined {
  const dated = (lines: string[]): string | undefined => {
    for (const line of lines) {
      const m = /(?:^|[^\d])((?:19|20)\d{2})(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2})/.exec(line);
      if (m) return m[1];
    }
    return undefined;
  };
  const year =
    dated(tailLines.slice().reverse()) ??
    // A date line of a web page's header (发布时间：2022-08-16, or the date alone on its line),
    // not the dates of the inspection that the first sentence tells.
    dated(headLines.filter((l) => /发布|日期|时间/.test(l) || l.length <= 25)) ??
    titleYearOf(headLines[0] ?? '') ??
    latestYear(text);
  return year ? { key: year, grain: 'year', label: `${year}年`, from: 'document' } : undefined;
}

function titleYearOf(title: string): string | undefined {
  const years = new Set(title.match(/(?:19|20)\d{2}(?=年)/g) ?? []);
  return years.size === 1 ? [...years][0] : undefined;
}

function latestYear(text: string): string | undefined {
  let best: string | undefined;
  for (const m of text.matchAll(/(?:^|[^\d])((?:19|20)\d{2})年/g)) if (!best || m[1] > best) best = m[1];
  return best;
}
