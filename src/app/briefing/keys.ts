/**
 * What a key does while presenting. Clickers send PageDown/PageUp; digits typed before Enter jump
 * to that slide. Pure, so the mapping is tested without a browser.
 */

/** A presenting action; slide numbers are 1-based as the counter shows them. */
export type KeyAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'jump'; slide: number }
  | { type: 'blank' }
  | { type: 'exit' }
  | { type: 'none' };

/** The action of a key and the digits typed so far (kept until Enter or another key). */
export interface KeyResult {
  action: KeyAction;
  pending: string;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/**
 * Map a `KeyboardEvent.key` to an action, given digits typed earlier.
 * @example interpretKey('Enter', '3') // { action: { type: 'jump', slide: 3 }, pending: '' }
 */
export function interpretKey(key: string, pending: string): KeyResult {
  if (/^[0-9]$/.test(key)) {
    // Four digits is more slides than any deck has; longer input starts over rather than growing.
    const digits = (pending + key).slice(-4);
    return { action: { type: 'none' }, pending: digits };
  }
  if (key === 'Enter') {
    const slide = Number.parseInt(pending, 10);
    return { action: pending && slide > 0 ? { type: 'jump', slide } : { type: 'next' }, pending: '' };
  }
  if (key === 'Backspace' && pending) return { action: { type: 'none' }, pending: pending.slice(0, -1) };
  if (NEXT.has(key)) return { action: { type: 'next' }, pending: '' };
  if (PREV.has(key)) return { action: { type: 'prev' }, pending: '' };
  if (key === 'Home') return { action: { type: 'first' }, pending: '' };
  if (key === 'End') return { action: { type: 'last' }, pending: '' };
  if (key === 'b' || key === 'B' || key === '.') return { action: { type: 'blank' }, pending: '' };
  if (key === 'Escape') return { action: { type: 'exit' }, pending: '' };
  return { action: { type: 'none' }, pending };
}

/**
 * The 0-based slide index after an action, kept inside the deck.
 * @example nextIndex(0, 5, { type: 'jump', slide: 9 }) // 4
 */
export function nextIndex(index: number, count: number, action: KeyAction): number {
  if (count <= 0) return 0;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (action.type) {
    case 'next':
      return clamp(index + 1);
    case 'prev':
      return clamp(index - 1);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    case 'jump':
      return clamp(action.slide - 1);
    default:
      return clamp(index);
  }
}
