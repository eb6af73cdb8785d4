/**
 * The briefing part of the address the app was opened with (`?page=briefing&deck=…&slide=…&present=1`).
 * The briefing page loads on demand, after the explorer has rewritten the address for its own view
 * spec, so App hands the address over at start-up and the briefing page takes it once: coming back
 * to the page later must not start presenting again.
 */
let opening = '';

/**
 * Remember the address the app was opened with; App calls this first thing.
 * @example rememberOpeningAddress(location.search)
 */
export function rememberOpeningAddress(search: string): void {
  opening = search;
}

/**
 * The remembered address, once; later calls get empty parameters.
 * @example takeOpeningAddress().get('deck') // 'sample-deck'
 */
export function takeOpeningAddress(): URLSearchParams {
  const params = new URLSearchParams(opening);
  opening = '';
  return params;
}
