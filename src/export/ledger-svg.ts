/**
 * The 挂图作战 board as an SVG picture (for a report, or rasterized to PNG): a heading with the
 * date and the counts of each colour, then one column per status, each task a card with a colour
 * bar and its light in words (红灯 · 逾期 12 天), so the picture reads in black and white too.
 * Every text from the ledger is escaped; nothing in it is markup.
 */
import '../domain/messages/ledger-part';
import { translate, type Locale } from '../domain/messages';
import { byStatus, countColours, type BoardTask, type Colour } from '../ledger';
import { escapeHtml } from './standalone-html';

/** Colour of each light's bar and word: dark enough for white paper (≥ 3:1 against white). */
export const LIGHT_INK: Readonly<Record<Colour, string>> = {
  red: '#c62828',
  yellow: '#a66a00',
  green: '#2e7d32',
  grey: '#616161',
};

const WIDTH = 1600;
const COLUMN_GAP = 16;
const CARD_HEIGHT = 64;
const MAX_CARDS = 12;
const HEAD = 120;

/** Text cut to `max` characters (by code point) with an ellipsis. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/**
 * The board's SVG text. `title` is the ledger's name; `today` the day it is coloured for.
 * @example ledgerBoardSvg(tasks, { title: '整改台账', today: '2024-07-12', locale: 'zh' })
 */
export function ledgerBoardSvg<T extends BoardTask>(tasks: readonly T[], options: { title: string; today: string; locale: Locale }): string {
  const say = (key: string, params?: Record<string, string | number>) => translate(options.locale, key, params);
  const columns = byStatus(tasks);
  const n = Math.max(columns.length, 1);
  const colWidth = (WIDTH - 48 - COLUMN_GAP * (n - 1)) / n;
  const charsPerLine = Math.max(6, Math.floor((colWidth - 28) / 17));
  const tallest = columns.reduce((m, c) => Math.max(m, Math.min(c.tasks.length, MAX_CARDS) + (c.tasks.length > MAX_CARDS ? 1 : 0)), 0);
  const height = HEAD + 60 + tallest * (CARD_HEIGHT + 8) + 40;
  const counts = countColours(tasks);
  const parts: string[] = [];
  parts.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="24" y="48" font-size="32" font-weight="bold" fill="#111">${escapeHtml(cut(`${say('ledger.slide.board')} · ${options.title}`, 60))}</text>`);
  parts.push(
    `<text x="24" y="88" font-size="20" fill="#333">${escapeHtml(`${say('ledger.slide.asOf', { date: options.today, n: tasks.length })} · ${say('ledger.counts', counts)}`)}</text>`,
  );
  columns.forEach((column, i) => {
    const x = 24 + i * (colWidth + COLUMN_GAP);
    const head = `${say(`ledger.status.${column.status}`)} · ${say('ledger.cellCount', { n: column.tasks.length })}`;
    parts.push(`<rect x="${x}" y="${HEAD}" width="${colWidth}" height="40" fill="#eef1f5"/>`);
    parts.push(`<text x="${x + 12}" y="${HEAD + 27}" font-size="20" font-weight="bold" fill="#111">${escapeHtml(cut(head, charsPerLine + 2))}</text>`);
    column.tasks.slice(0, MAX_CARDS).forEach((task, k) => {
      const y = HEAD + 52 + k * (CARD_HEIGHT + 8);
      const colour = task.light?.colour;
      const ink = colour ? LIGHT_INK[colour] : '#999';
      const word = task.light ? `${say(`ledger.colour.${task.light.colour}`)} · ${task.light.reason}` : '';
      parts.push(`<rect x="${x}" y="${y}" width="${colWidth}" height="${CARD_HEIGHT}" fill="#fafafa" stroke="#d0d0d0"/>`);
      parts.push(`<rect x="${x}" y="${y}" width="8" height="${CARD_HEIGHT}" fill="${ink}"/>`);
      parts.push(`<text x="${x + 18}" y="${y + 26}" font-size="17" fill="#111">${escapeHtml(cut(task.title, charsPerLine))}</text>`);
      parts.push(`<text x="${x + 18}" y="${y + 52}" font-size="16" font-weight="bold" fill="${ink}">${escapeHtml(cut(word, charsPerLine + 2))}</text>`);
    });
    if (column.tasks.length > MAX_CARDS) {
      const y = HEAD + 52 + MAX_CARDS * (CARD_HEIGHT + 8) + 24;
      parts.push(`<text x="${x + 12}" y="${y}" font-size="17" fill="#333">${escapeHtml(`+ ${say('ledger.cellCount', { n: column.tasks.length - MAX_CARDS })}`)}</text>`);
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
    `font-family="'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif">${parts.join('')}</svg>`
  );
}
