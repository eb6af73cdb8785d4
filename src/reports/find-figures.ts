/**
 * Text → figures. Each number followed by a unit is a figure, read by the import's own
 * `parseQuantity` (so 6.04万亩 is 60400 亩 here as in a spreadsheet); a number with no unit
 * (a date's 12月 5日, 〔2023〕12号, 第3条, a phone number, list numbering 1. 2.) is not.
 */
import { parseQuantity, type ParsedQuantity } from '../ingest/parse-quantity';
import { documentPeriod, documentRegion, periodMentions, regionMentions, type PeriodMention } from './context';
import { fold } from './fold';
import { indicatorAfter, indicatorBefore, withoutPlace } from './indicator';
import { paragraphsOf, sentencesOf, type Paragraph, type Span } from './sentences';
import type { Figure, FigurePeriod, FigureRegion } from './types';
import { cellsOf, isNumberCell, rowFigures, type Cell } from './table-figures';
import { isClassifier, MULTIPLIER, unitAt } from './units';
import { unitLine } from '../ingest/header-unit';

const NUMBER = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?/g;
/** A change written right before its number: 同比下降30.1%, 增加59天, 提高3.2个百分点. */
const CHANGE = /(?:同比|环比|比上年同期|较上年同期|比上年|较上年|比去年|较去年|比上月|较上月|与上年相比|较)?(增长|增加|上升|提高|提升|下降|减少|降低|下滑|回落)了?$|(?:同比|环比|比上年|较上年)(增|减|降|升)$/;
const APPROX_BEFORE = /(?:约为|约|大约|将近|接近|近|超过|超|逾)$/;
/** Where a clause starts: the words before a figure name it only back to here. */
const CLAUSE = /[，,、；;：:“”"。！？!?\t]/;
const JOINED = /[-—–―─~:/+.]/;
const OPEN = /[([【〔（]/;
const CLOSE = /[)\]】〕）]/;
const TARGET_BEFORE = /目标|计划|省定|市定|下达/;
const TARGET_AFTER = /^的?(?:年度|全年)?(?:目标|任务)/;

interface Hit {
  numberStart: number;
  numberEnd: number;
  rawStart: number;
  rawEnd: number;
  q: ParsedQuantity | undefined;
  /** The unit as written after the number, multiplier included (`万亩`). */
  written: string;
  /** The number text and what goes between it and the unit (`150余`). */
  numberText: string;
  approximate: boolean;
  before: string;
  after: string;
  classifier: boolean;
  sentence: Span;
  clauseStart: number;
}

/** Inside 《…》 at `at`, counting from `from`: a title of a document, whose numbers are no figures. */
function inTitle(f: string, from: number, at: number): boolean {
  const open = f.lastIndexOf('《', at);
  return open >= from && f.lastIndexOf('》', at) < open;
}

function clauseStartOf(f: string, from: number, at: number): number {
  for (let i = at - 1; i >= from; i--) if (CLAUSE.test(f.charAt(i))) return i + 1;
  return from;
}

/** Read the number at [a, b) of the folded text, or undefined when it is not a figure. */
function readHit(f: string, s: Span, a: number, b: number, floor: number): Hit | undefined {
  const prev = a > s.start ? f.charAt(a - 1) : '';
  const next = f.charAt(b);
  const numberText = f.slice(a, b);
  // Glued to letters: PM10, IPV6, an e-mail address; its number is part of a name.
  if (/[A-Za-z@_#&=]/.test(prev) || /[A-Za-z@_]/.test(next)) return undefined;
  // Joined to other digits: dates 2022-08-16, times 16:43, phones 0473—8991069, 4+5+3, 1.2.3.
  if (JOINED.test(prev) && /\d/.test(f.charAt(a - 2))) return undefined;
  if (JOINED.test(next) && /\d/.test(f.charAt(b + 1))) return undefined;
  // List numbering: 1. 2、 (but 47、55 is a list of numbers).
  if (/[.、]/.test(next) && !/\d/.test(f.charAt(b + 1))) return undefined;
  // Ordinals and bracketed numbers: 第3条, (1), 〔2023〕.
  if (prev === '第' || (OPEN.test(prev) && CLOSE.test(next))) return undefined;
  if (inTitle(f, s.start, a)) return undefined;
  // A leading zero is a phone area code or a code, never a quantity (0.5 is fine).
  if (/^0\d/.test(numberText)) return undefined;

  let at = b;
  let approximate = false;
  // 237054.47 万元: a space some writers put before the unit.
  const gap = /^[ \u00a0\u3000]+(?=[余多万亿千百十\p{Script=Han}%‰])/u.exec(f.slice(at, s.end));
  if (gap) at += gap[0].length;
  const take = (re: RegExp): string => {
    const m = re.exec(f.slice(at, s.end));
    if (!m) return '';
    at += m[0].length;
    return m[0];
  };
  const between = take(/^(余|多)/);
  if (between) approximate = true;
  let written = take(MULTIPLIER);
  written += take(MULTIPLIER);
  const more = take(/^(余|多)/);
  if (more) approximate = true;
  const unit = unitAt(f.slice(at, s.end));
  // A year: 2024年, 2023年度. A count of years is never written with four digits from 1900 on.
  if (/^(19|20)\d{2}$/.test(numberText) && (unit === '年' || unit === '度' || next === '年')) return undefined;
  // 前10名, 前3位: a rank, not a count.
  if (prev === '前' && (unit === '名' || unit === '位')) return undefined;
  at += unit.length;
  written += unit;
  const suffix = take(/^(以上|以下|左右|余|多)/);
  if (suffix) approximate = true;
  // “10万+”: a label of popularity, not a count.
  if (f.charAt(at) === '+') return undefined;
  // 5000万元以上项目: a threshold describing what is counted, not a figure of its own.
  if ((suffix === '以上' || suffix === '以下') && /[\p{Script=Han}]/u.test(f.charAt(at)) && !/^(的?[，,。；;])/.test(f.slice(at, at + 2))) return undefined;

  const clauseStart = clauseStartOf(f, Math.max(s.start, floor), a);
  let head = f.slice(clauseStart, a);
  let rawStart = a;
  let change = '';
  const c = CHANGE.exec(head);
  if (c) {
    change = c[1] ?? c[2];
    rawStart = clauseStart + c.index;
    head = head.slice(0, c.index);
  } else {
    const q = APPROX_BEFORE.exec(head);
    if (q) {
      approximate = true;
      rawStart = clauseStart + q.index;
      head = head.slice(0, q.index);
    }
  }
  if (/累计/.test(head)) approximate = true;

  const hit: Hit = {
    numberStart: a,
    numberEnd: b,
    rawStart,
    rawEnd: at,
    q: undefined,
    written,
    numberText: numberText + between + more,
    approximate,
    before: head,
    after: '',
    classifier: isClassifier(unit),
    sentence: s,
    clauseStart,
  };
  if (written !== '') {
    const q = parseQuantity(change + numberText + between + written + suffix);
    if (q.status !== 'ok') return undefined;
    hit.q = q;
  } else if (change) return undefined;
  const end = /[，,、；;。！？!?\t]/.exec(f.slice(at, s.end));
  hit.after = f.slice(at, end ? at + end.index : s.end);
  return hit;
}

/**
 * A number with no unit takes the unit of the next figure in its sentence when it is listed
 * with it (`分别为47、55和55微克/立方米`) or both name the same thing
 * (`开发区级林长巡林20，镇街级林长巡林150余次`: 20 次). Otherwise it is no figure.
 */
function borrowUnits(f: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (h.q) {
      out.push(h);
      continue;
    }
    // The unit of the list's last number, found past the other bare numbers of the list.
    let k = i + 1;
    while (k < hits.length && !hits[k].q && /^[、，,和及与或]{1,2}$/.test(f.slice(hits[k - 1].numberEnd, hits[k].numberStart))) k++;
    const n = hits[k];
    if (!n?.q || n.sentence !== h.sentence) continue;
    const listed = /^[、，,和及与或]{1,2}$/.test(f.slice(hits[k - 1].numberEnd, n.rawStart));
    const a = indicatorBefore(h.before);
    const b = indicatorBefore(n.before);
    const parallel = k === i + 1 && h.after === '' && a.length >= 2 && b.length >= 2 && a.slice(-2) === b.slice(-2);
    if (!listed && !parallel) continue;
    const q = parseQuantity(h.numberText + n.written);
    if (q.status !== 'ok') continue;
    out.push({ ...h, q, written: n.written });
  }
  return out;
}

/** A verb that takes the count as its object: 派出2350人次开展巡查, 开展3批次督促检查. */
const COUNTING_VERB = /(?:开展|召开|组织|举办|派出|进行|实施|发放|印发|设置|出动|投入)$/;

function indicatorOf(h: Hit, previous: string, joined: boolean): string {
  const after = h.classifier ? indicatorAfter(h.after) : '';
  if (after) return after;
  const before = indicatorBefore(h.before);
  // 由19公里延伸至151公里: a second figure joined to the first by a verb measures the same thing.
  if (joined && previous && before.length <= 2) return previous;
  if (before && !(COUNTING_VERB.test(before) && indicatorAfter(h.after))) return before;
  return indicatorAfter(h.after) || before || previous;
}

/** Context for one paragraph: the region and period of the heading above it. */
interface Scope {
  region?: FigureRegion;
  period?: FigurePeriod;
}

function nearest<T extends { offset: number; end: number }>(list: T[], at: number, clauseEnd: number): T | undefined {
  let before: T | undefined;
  for (const m of list) if (m.end <= at) before = m;
  if (before) return before;
  return list.find((m) => m.offset >= at && m.offset < clauseEnd);
}

/**
 * Every figure of `text`, in order.
 * @example findFigures('2024年全区保护性耕作面积6.04万亩。')[0] // { value: 60400, unit: '亩', displayUnit: '万亩', indicator: '保护性耕作面积', … }
 */
export function findFigures(text: string): { figures: Figure[]; documentRegion?: FigureRegion; documentPeriod?: FigurePeriod } {
  const f = fold(text);
  const paragraphs = paragraphsOf(text);
  const head = paragraphs.slice(0, 12).map((p) => f.slice(p.start, p.end));
  const tail = paragraphs.slice(-4).map((p) => f.slice(p.start, p.end));
  // The title is in the first lines; the date of a web page's header may come a few lines later.
  // A signature is a short line naming the sender (中共沧州市委, …委员会, …人民政府).
  const signature = tail.filter((l) => l.length <= 40 && /(委员会|委|政府|办公室|办|局|厅)$/.test(l));
  const docRegion = documentRegion(f, head.slice(0, 3), signature);
  const docPeriod = documentPeriod(f, head, tail);
  const docYear = docPeriod?.key;

  const figures: Figure[] = [];
  let scope: Scope = {};
  let lastYear = docYear;
  // A table: consecutive lines with tabs; its first line is the header row.
  let header: Cell[] | undefined;
  let tableUnit: string | undefined;
  for (const p of paragraphs) {
    const line = f.slice(p.start, p.end);
    // What is read sentence by sentence: the paragraph; in a table row, the cells that are not a
    // bare number (a 台账's 整改进展 column is prose); all of the first row, which may be data.
    let prose: Span[] = [p];
    if (line.includes('\t')) {
      const cells = cellsOf(line, p.start);
      const first = !header;
      if (first) header = cells;
      else figures.push(...rowFigures(text, cells, { header: header as Cell[], unit: tableUnit, region: scope.region ?? docRegion, period: scope.period ?? docPeriod, paragraph: p.paragraph }));
      prose = cells.filter((c) => c.text !== '' && (first || !isNumberCell(c.text))).map((c) => ({ start: c.start, end: c.end, paragraph: p.paragraph }));
    } else {
      header = undefined;
      tableUnit = unitLine(line);
      if (p.heading) scope = headingScope(f, p, lastYear);
    }
    // 截至2024年10月底，A；B；C。: the period opening a statement holds for the parts after its
    // semicolons, which are sentences of their own here.
    let carried: FigurePeriod | undefined;
    for (const s of prose.flatMap((span) => sentencesOf(text, span))) {
      const sentenceText = f.slice(s.start, s.end);
      const periods = periodMentions(sentenceText, lastYear);
      // 通辽市委巡察组 names who acted, not where the figure is.
      const regions = regionMentions(sentenceText).filter((r) => !r.organ);
      const hits: Hit[] = [];
      NUMBER.lastIndex = s.start;
      for (let m = NUMBER.exec(f); m && m.index < s.end; m = NUMBER.exec(f)) {
        const floor = hits.length > 0 ? hits[hits.length - 1].rawEnd : s.start;
        const hit = readHit(f, s, m.index, Math.min(m.index + m[0].length, s.end), floor);
        if (hit) hits.push(hit);
      }
      const kept = borrowUnits(f, hits);
      const targets = findTargets(f, kept);
      let previous = '';
      for (let i = 0; i < kept.length; i++) {
        const h = kept[i];
        if (targets.has(i)) continue;
        const q = h.q as ParsedQuantity;
        const indicator = withoutPlace(indicatorOf(h, previous, i > 0 && h.clauseStart === kept[i - 1].rawEnd));
        previous = indicator;
        const fig: Figure = {
          value: q.value,
          unit: q.unit,
          kind: q.kind,
          indicator,
          raw: text.slice(h.rawStart, h.rawEnd),
          rawStart: h.rawStart,
          sentence: text.slice(s.start, s.end),
          start: s.start,
          paragraph: p.paragraph,
        };
        if (q.displayUnit !== q.unit) fig.displayUnit = q.displayUnit;
        if (q.changeType) fig.changeType = q.changeType;
        if (q.approximate || h.approximate) fig.approximate = true;
        if (q.warning) fig.warning = q.warning;
        const at = h.numberStart - s.start;
        const clauseEnd = at + (h.rawEnd - h.numberStart) + h.after.length;
        // A place named in the figure's own clause, or opening the sentence (道里区完成…).
        const clauseAt = h.clauseStart - s.start;
        const r = nearest(
          regions.filter((m) => m.offset >= clauseAt || m.offset <= 1),
          at,
          clauseEnd,
        );
        const region = r ? { name: r.name, code: r.code, from: 'sentence' as const } : (scope.region ?? docRegion);
        if (region) fig.region = withoutEmpty(region);
        const period = nearest(periods, at, clauseEnd);
        const chosen = period ? stripOffsets(period) : (carried ?? scope.period ?? docPeriod);
        if (chosen) fig.period = chosen;
        for (const [t, owner] of targets) if (owner === i) fig.target = targetOf(kept[t]);
        figures.push(fig);
      }
      if (periods.length > 0) {
        const y = /\d{4}/.exec(periods[periods.length - 1].key);
        if (y) lastYear = y[0];
      }
      if (/[；;]$/.test(sentenceText)) carried = periods.length > 0 ? stripOffsets(periods[0]) : carried;
      else carried = undefined;
    }
  }
  const out: { figures: Figure[]; documentRegion?: FigureRegion; documentPeriod?: FigurePeriod } = { figures };
  if (docRegion) out.documentRegion = docRegion;
  if (docPeriod) out.documentPeriod = docPeriod;
  return out;
}

function withoutEmpty(r: FigureRegion): FigureRegion {
  return r.code ? { name: r.name, code: r.code, from: r.from } : { name: r.name, from: r.from };
}

function stripOffsets(p: PeriodMention): FigurePeriod {
  return { key: p.key, grain: p.grain, label: p.label, from: p.from };
}

function headingScope(f: string, p: Paragraph, year: string | undefined): Scope {
  const line = f.slice(p.start, p.end);
  const scope: Scope = {};
  const r = regionMentions(line).filter((m) => !m.organ)[0];
  if (r) scope.region = withoutEmpty({ name: r.name, code: r.code, from: 'heading' });
  const period = periodMentions(line, year)[0];
  if (period) scope.period = { ...stripOffsets(period), from: 'heading' };
  return scope;
}

/**
 * Targets: a figure whose words say 目标/任务/计划 (`超额完成省定0.92亿立方米的年度目标任务`,
 * `目标为0.92亿立方米`) belongs to the figure before it in the same unit, as its target.
 * Returns target index → owner index.
 */
function findTargets(f: string, hits: Hit[]): Map<number, number> {
  const out = new Map<number, number>();
  // 完成年度目标任务的115% is how much of the target was done, not the target.
  const isTarget = (h: Hit): boolean =>
    !h.classifier && !/的$/.test(h.before) && (TARGET_BEFORE.test(h.before) || TARGET_AFTER.test(f.slice(h.rawEnd, h.rawEnd + 8)));
  const fits = (o: Hit, h: Hit): boolean => !!o.q && !!h.q && o.q.unit === h.q.unit && o.q.kind === 'level' && h.q.kind === 'level';
  const owned = new Set<number>();
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (!isTarget(h)) continue;
    // The figure the target is for: the one before it in the same unit (完成1.14亿立方米，超额完成
    // 省定0.92亿立方米的目标), else the one after it (目标3万亩，完成3.2万亩).
    let owner = -1;
    for (let j = i - 1; j >= 0 && owner < 0; j--) if (!out.has(j) && !owned.has(j) && fits(hits[j], h)) owner = j;
    for (let j = i + 1; j < hits.length && owner < 0; j++) if (!isTarget(hits[j]) && fits(hits[j], h)) owner = j;
    if (owner >= 0) {
      out.set(i, owner);
      owned.add(owner);
    }
  }
  return out;
}

function targetOf(h: Hit): Figure['target'] {
  const q = h.q as ParsedQuantity;
  return { value: q.value, unit: q.unit, displayUnit: q.displayUnit, raw: h.numberText + h.written };
}
