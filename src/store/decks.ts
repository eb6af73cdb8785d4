/** Briefing decks. */
import { announce, getDb } from './open';
import type { Deck } from './types';

/**
 * All decks, by name.
 * @example const decks = await getDecks()
 */
export async function getDecks(): Promise<Deck[]> {
  const decks = await getDb().decks.toArray();
  return decks.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/**
 * One deck, or undefined.
 * @example const deck = await getDeck('d1')
 */
export async function getDeck(id: string): Promise<Deck | undefined> {
  return getDb().decks.get(id);
}

/**
 * Create or overwrite a deck (its slides in order).
 * @example await putDeck({ id: 'd1', name: '季度汇报', slides: [{ viewId: 'v1' }] })
 */
export async function putDeck(deck: Deck): Promise<void> {
  await getDb().decks.put(deck);
  announce({ scope: 'decks', id: deck.id });
}

/**
 * Delete a deck (its referenced views stay).
 * @example await deleteDeck('d1')
 */
export async function deleteDeck(id: string): Promise<void> {
  await getDb().decks.delete(id);
  announce({ scope: 'decks', id });
}
