/**
 * What the presenting window and the presenter window tell each other over `BroadcastChannel`:
 * which deck, which slide, and whether the screen is blanked. Messages from another tab are data,
 * so they are checked field by field before use.
 */

/** The channel both windows open. */
export const BRIEFING_CHANNEL = 'indicator-dashboard-briefing';

/**
 * The current position in a deck. `sender` lets a window ignore its own echoes.
 * @example { type: 'position', deck: 'd1', index: 2, blank: false, sender: 'w-1' }
 */
export interface PositionMessage {
  type: 'position';
  deck: string;
  index: number;
  blank: boolean;
  sender: string;
}

/**
 * A position message, or undefined for anything else.
 * @example parseSyncMessage({ type: 'position', deck: 'd1', index: 0, blank: false, sender: 'a' })?.index // 0
 */
export function parseSyncMessage(data: unknown): PositionMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.type !== 'position') return undefined;
  if (typeof m.deck !== 'string' || typeof m.sender !== 'string' || typeof m.blank !== 'boolean') return undefined;
  if (typeof m.index !== 'number' || !Number.isInteger(m.index) || m.index < 0) return undefined;
  return { type: 'position', deck: m.deck, index: m.index, blank: m.blank, sender: m.sender };
}
