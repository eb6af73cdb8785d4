/**
 * A ledger slide (`buildLedgerSlide`'s model) as DOM for a saved page: built element by element,
 * every task name and sentence put in through `textContent`, so a task called `<img onerror=…>`
 * is shown as those characters and never becomes an element. The light is written in words
 * beside its colour bar, so the page reads the same printed in black and white.
 */
import type { Locale } from '../domain/messages/index';
import type { Colour } from '../ledger/board';
import type { LedgerSnapshot } from '../ledger/slide-snapshot';
import { buildLedgerSlide } from '../views/slides-ledger';

/** Light colours dark enough for text on the page's white (≥ 4.5:1). */
const INK: Record<Colour, string> = { red: '#c62828', yellow: '#8a6d00', green: '#2e7d32', grey: '#616161' };

/** The page's styles for ledger slides (added to the saved page's one stylesheet). */
export const LEDGER_SLIDE_STYLE = `
.ledger-slide{margin:0 0 16px;border:1px solid var(--line);border-radius:8px;padding:24px;break-inside:avoid}
.ledger-slide h2{font-size:28px;margin:0}
.ledger-slide p{margin:0;overflow-wrap:anywhere}
.ledger-slide .ledger-sub{font-size:17px;color:var(--muted);margin:4px 0 16px}
.ledger-numbers{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:16px;margin-bottom:16px}
.ledger-number{border:3px solid currentColor;padding:8px 16px;display:grid}
.ledger-number .ledger-value{font-size:56px;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.ledger-slide h3{font-size:20px;margin:12px 0 6px}
.ledger-slide ol{margin:0;padding-left:28px;font-size:19px}
.ledger-slide li{margin:4px 0;overflow-wrap:anywhere}
.ledger-late{font-weight:700;margin-left:12px}
.ledger-unit{color:var(--muted);margin-left:12px}
.ledger-columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px}
.ledger-columns ul{list-style:none;margin:0;padding:0}
.ledger-card{border-left:8px solid;padding:2px 8px;margin:6px 0;display:grid}
.ledger-card .ledger-word{font-weight:700;font-size:14px}
.ledger-more{color:var(--muted)}
@media print{.ledger-slide{break-after:page;border:0}}
`;

function el<K extends keyof HTMLElementTagNameMap>(page: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = page.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The slide a saved page carries, built for the day it was saved in the page's language, as a
 * `<section>`; `page` is the document it goes into.
 * @example root.append(ledgerSlideElement(document, snapshot, 'zh'))
 */
export function ledgerSlideElement(page: Document, snapshot: LedgerSnapshot, locale: Locale): HTMLElement {
  const model = buildLedgerSlide(snapshot.show, snapshot, locale);
  const section = el(page, 'section', 'ledger-slide');
  section.dataset.testid = `standalone-ledger-${model.show}`;
  section.append(el(page, 'h2', undefined, model.heading));
  const sub = el(page, 'p', 'ledger-sub', model.subtitle);
  sub.dataset.testid = 'standalone-ledger-asof';
  section.append(sub);
  if (model.sample) section.append(el(page, 'p', 'ledger-more', model.sample));
  if (model.show === 'summary') {
    const numbers = el(page, 'div', 'ledger-numbers');
    for (const n of model.numbers) {
      const box = el(page, 'div', 'ledger-number');
      box.dataset.testid = `standalone-ledger-${n.id}`;
      if (n.id === 'done') box.style.color = INK.green;
      if (n.id === 'overdue') box.style.color = INK.red;
      box.append(el(page, 'span', undefined, n.label), el(page, 'span', 'ledger-value', String(n.value)));
      if (n.note) box.append(el(page, 'span', undefined, n.note));
      numbers.append(box);
    }
    section.append(numbers, el(page, 'h3', undefined, model.listHeading));
    if (model.none) section.append(el(page, 'p', 'ledger-more', model.none));
    const list = el(page, 'ol');
    list.dataset.testid = 'standalone-ledger-overdue-list';
    for (const o of model.overdue) {
      const li = el(page, 'li', undefined, o.title);
      const late = el(page, 'span', 'ledger-late', o.late);
      late.style.color = INK.red;
      li.append(late);
      if (o.unit) li.append(el(page, 'span', 'ledger-unit', o.unit));
      list.append(li);
    }
    if (model.overdue.length > 0) section.append(list);
    if (model.more) section.append(el(page, 'p', 'ledger-more', model.more));
    return section;
  }
  section.append(el(page, 'p', undefined, model.counts));
  const columns = el(page, 'div', 'ledger-columns');
  for (const column of model.columns) {
    const box = el(page, 'div');
    const list = el(page, 'ul');
    for (const card of column.cards) {
      const li = el(page, 'li', 'ledger-card');
      li.style.borderLeftColor = INK[card.colour];
      const word = el(page, 'span', 'ledger-word', card.word);
      word.style.color = INK[card.colour];
      li.append(el(page, 'span', undefined, card.title), word);
      list.append(li);
    }
    box.append(el(page, 'h3', undefined, column.heading), list);
    if (column.more) box.append(el(page, 'p', 'ledger-more', column.more));
    columns.append(box);
  }
  section.append(columns);
  return section;
}
