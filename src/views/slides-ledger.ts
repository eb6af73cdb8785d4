/**
 * A ledger's slides as text and numbers: the summary (已完成 / 推进中 / 逾期, the overdue list,
 * most days late first, then "另有 n 项") and the board (a column per status, each task's light in
 * words). Built from the ledger's tasks and the day, with lights assessed for that day under the
 * ledger's rules, so a slide presented in the app is current and a saved page's says the day it
 * was taken (数据截至 …). The ledger page, a deck (presenting, the presenter console, print) and a
 * saved page all render this model; task names are text in it, never markup. Pure.
 */
import '../domain/messages/ledger-part';
import { translate, type Locale } from '../domain/messages/index';
import { assess } from '../ledger/assess';
import { byStatus, countColours, type Colour } from '../ledger/board';
import { ledgerSummary } from '../ledger/summary';
import type { TaskStatus } from '../ledger/types';
import type { LedgerSlideShow, LedgerSlideSource } from '../ledger/slide-snapshot';

/** Overdue tasks named on the summary slide; the rest are counted ("另有 n 项"). */
export const OVERDUE_SHOWN = 6;
/** Tasks shown in each column of the board slide; the rest are counted ("+ n 项"). */
export const CARDS_SHOWN = 7;

interface SlideHead {
  heading: string;
  /** The ledger's name, the day (数据截至 …) and how many tasks. */
  subtitle: string;
  /** Said when the ledger is the bundled sample. */
  sample?: string;
}

/** The summary slide. */
export interface LedgerSummarySlide extends SlideHead {
  show: 'summary';
  numbers: { id: 'done' | 'in-progress' | 'overdue'; label: string; value: number; note?: string }[];
  listHeading: string;
  overdue: { title: string; late: string; unit?: string }[];
  /** How many more overdue tasks there are, in words; absent when all are shown. */
  more?: string;
  /** Said instead of the list when nothing is overdue. */
  none?: string;
}

/** One task on the board slide: its name and its light, in colour and in words. */
export interface LedgerSlideCard {
  title: string;
  colour: Colour;
  word: string;
}

/** The board slide. */
export interface LedgerBoardSlide extends SlideHead {
  show: 'board';
  /** The colour counts in words (红 3 · 黄 2 · …). */
  counts: string;
  columns: { status: TaskStatus; heading: string; cards: LedgerSlideCard[]; more?: string }[];
}

export type LedgerSlideModel = LedgerSummarySlide | LedgerBoardSlide;

function head(key: string, source: LedgerSlideSource, locale: Locale): SlideHead {
  const t = (k: string, params?: Record<string, string | number>) => translate(locale, k, params);
  const out: SlideHead = {
    heading: t(key),
    subtitle: `${source.name} · ${t('ledger.slide.asOf', { date: source.today, n: source.tasks.length })}`,
  };
  if (source.sample) out.sample = t('ledger.sampleNote');
  return out;
}

function summarySlide(source: LedgerSlideSource, locale: Locale): LedgerSummarySlide {
  const t = (k: string, params?: Record<string, string | number>) => translate(locale, k, params);
  const s = ledgerSummary(source.tasks, source.today);
  const out: LedgerSummarySlide = {
    show: 'summary',
    ...head('ledger.slide.summary', source, locale),
    numbers: [
      { id: 'done', label: t('ledger.slide.done'), value: s.done, note: t('ledger.slide.closed', { n: s.closed }) },
      { id: 'in-progress', label: t('ledger.slide.inProgress'), value: s.inProgress },
      { id: 'overdue', label: t('ledger.slide.overdue'), value: s.overdue.length },
    ],
    listHeading: t('ledger.slide.overdueList'),
    overdue: s.overdue.slice(0, OVERDUE_SHOWN).map((o) => {
      const line: LedgerSummarySlide['overdue'][number] = { title: o.task.title, late: t('ledger.overdueDays', { n: o.days }) };
      if (o.task.unit) line.unit = o.task.unit;
      return line;
    }),
  };
  if (s.overdue.length > OVERDUE_SHOWN) out.more = t('ledger.slide.more', { n: s.overdue.length - OVERDUE_SHOWN });
  if (s.overdue.length === 0) out.none = t('ledger.noneOverdue');
  return out;
}

function boardSlide(source: LedgerSlideSource, locale: Locale): LedgerBoardSlide {
  const t = (k: string, params?: Record<string, string | number>) => translate(locale, k, params);
  // Lights for the slide's day under the ledger's rules, in the slide's language.
  const lit = source.tasks.map((task) => ({ ...task, light: assess(task, source.today, source.rules ?? {}, { locale }) }));
  return {
    show: 'board',
    ...head('ledger.slide.board', source, locale),
    counts: t('ledger.counts', countColours(lit)),
    columns: byStatus(lit).map((column) => {
      const out: LedgerBoardSlide['columns'][number] = {
        status: column.status,
        heading: `${t(`ledger.status.${column.status}`)} · ${column.tasks.length}`,
        cards: column.tasks.slice(0, CARDS_SHOWN).map((task) => ({
          title: task.title,
          colour: task.light.colour,
          word: `${t(`ledger.colour.${task.light.colour}`)} · ${task.light.reason}`,
        })),
      };
      if (column.tasks.length > CARDS_SHOWN) out.more = `+ ${t('ledger.cellCount', { n: column.tasks.length - CARDS_SHOWN })}`;
      return out;
    }),
  };
}

/**
 * Build a ledger slide for its day, in `locale`.
 * @example buildLedgerSlide('summary', { name: '示例整改台账', today: '2024-07-12', tasks }, 'zh').numbers[2].value // 逾期 count
 */
export function buildLedgerSlide(show: LedgerSlideShow, source: LedgerSlideSource, locale: Locale): LedgerSlideModel {
  return show === 'summary' ? summarySlide(source, locale) : boardSlide(source, locale);
}
