/**
 * A ranking view on a slide: the ranking table the tab shows (views/ranking.ts: the same rows,
 * ranks, 并列, values, changes, rank moves and traffic-light words), cut to what a 16:9 slide holds
 * at projector sizes. The rows are the table's from the top, in rank order; the region the view is
 * filtered to (the linked filter's mark) is always on the slide, at its own rank after a gap (⋯)
 * when it ranks below the rows that fit; how many regions are left out is said in a sentence.
 * Pure: no Svelte, no ECharts runtime.
 */
import { translate } from '../domain/messages';
import type { ViewSpec } from '../domain/types';
import type { ChartData } from '../charts/types';
import type { ChartTheme } from '../charts/theme';
import { buildRankingTable, type RankingRowText, type RankingTableText } from './ranking';

/**
 * Rows a slide holds: the slide is laid out at 1920×1080 and scaled whole, so the same count fits
 * at 1366×768 and 1920×1080; ten rows of 32 px text fit under a two-line heading and a subtitle.
 */
export const SLIDE_RANKING_ROWS = 10;

/** A column of the table, by what it holds. */
export type RankingColumn = 'rank' | 'region' | 'value' | 'change' | 'rankChange' | 'trend' | 'target';

/** The tab's columns, in its order. */
const ALL: readonly RankingColumn[] = ['rank', 'region', 'value', 'change', 'rankChange', 'trend', 'target'];
/** Half a slide (one of a side-by-side pair) is too narrow for the rank move and the sparkline. */
const HALF: readonly RankingColumn[] = ['rank', 'region', 'value', 'change', 'target'];

/** One row on the slide: the tab's row, and whether rows of the table were skipped just above it. */
export type RankingSlideRow = RankingRowText & { gapBefore: boolean };

/** A ranking slide. */
export interface RankingSlide {
  /** What is ranked and when (保护性耕作面积：排名（2024年）): the slide's heading is the view's name. */
  caption: string;
  columns: { key: RankingColumn; label: string }[];
  rows: RankingSlideRow[];
  /** Said when regions were left off: how many, and where to see them all. */
  more: string | undefined;
  /** Said instead of the table when there is nothing to rank. */
  empty: string | undefined;
  /** The table's notes, as the tab says them: whose children are ranked, a definition, the filter's mark. */
  notes: string[];
  /** Said in a cell that has nothing (no target). */
  none: string;
  /** The word beside the marked row's region (已筛选). */
  markedWord: string;
  /** Colour of the sparklines. */
  accent: string;
}

/**
 * Which of `count` ranked rows a slide of `held` rows shows: the top ones, and the kept one at its
 * own rank when it falls below them (a gap row goes above it and counts as a row).
 * @example shownRows(18, 10, 14) // [0, 1, 2, 3, 4, 5, 6, 7, 14]
 */
export function shownRows(count: number, held: number, kept: number | undefined): number[] {
  const top = Math.min(count, held);
  if (kept === undefined || kept < top || count <= held) return Array.from({ length: top }, (_, i) => i);
  return [...Array.from({ length: held - 2 }, (_, i) => i), kept];
}

/**
 * The ranking table of a slide, from the table the tab builds.
 * @example buildRankingSlide(spec, data, slideTheme('good-green')).rows.length // ≤ 10
 */
export function buildRankingSlide(spec: ViewSpec, data: ChartData, theme: ChartTheme, half = false): RankingSlide {
  // The slide prints the view's name as its heading: the caption is the table's own (with the period).
  const table: RankingTableText = buildRankingTable(data, { ...spec, kind: 'ranking', title: undefined }, theme);
  const kept = table.rows.findIndex((r) => r.chosen);
  const picked = shownRows(table.rows.length, SLIDE_RANKING_ROWS, kept < 0 ? undefined : kept);
  const left = table.rows.length - picked.length;
  const keys = half ? HALF : ALL;
  return {
    caption: table.heading,
    columns: keys.map((key) => ({ key, label: table.columns[ALL.indexOf(key)] ?? key })),
    rows: picked.map((index, i) => ({ ...table.rows[index]!, gapBefore: i > 0 && picked[i - 1] !== index - 1 })),
    more: left > 0 ? translate(data.locale, 'briefing.ranking.more', { n: left }) : undefined,
    empty: table.rows.length === 0 ? table.empty : undefined,
    notes: [table.note ?? '', table.definition, table.marked].filter((n) => n !== ''),
    none: table.none,
    markedWord: table.markedWord,
    accent: table.accent,
  };
}
