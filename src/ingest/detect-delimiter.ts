/**
 * Which character separates the fields of a text table. Commas, tabs and semicolons are usual; the
 * Chinese 、 and ， only count when nothing usual is there and they split every line alike, because
 * they also occur inside ordinary Chinese text.
 */

const USUAL = [',', '\t', ';', '|'];
const CHINESE = ['，', '、'];

/** How many times `d` occurs outside double quotes in `line`. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/** Score: lines where the count equals the most common non-zero count, weighted by that count. */
function score(lines: string[], d: string): number {
  const counts = lines.map((l) => countOutsideQuotes(l, d));
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = 0;
  let bestLines = 0;
  for (const [c, f] of freq) if (f > bestLines || (f === bestLines && c > best)) [best, bestLines] = [c, f];
  if (best === 0) return 0;
  // Title and note rows have no delimiters; what matters is that the table's lines agree.
  const withAny = counts.filter((c) => c > 0).length;
  return (bestLines / Math.max(withAny, 1)) * withAny * Math.log2(best + 1);
}

/**
 * Guess the delimiter from the first lines of `text`. `preferTab` for pasted clipboard text and
 * `.tsv` files, where a tab is the default.
 * @example detectDelimiter('地区,2024年\n道里区,6.04') // ','
 */
export function detectDelimiter(text: string, preferTab = false): string {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).slice(0, 60).filter((l) => l.trim() !== '');
  let best = preferTab ? '\t' : ',';
  let bestScore = 0;
  for (const d of USUAL) {
    const s = score(lines, d) * (preferTab && d === '\t' ? 1.5 : 1);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  if (bestScore > 0) return best;
  for (const d of CHINESE) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    if (lines.length >= 2 && counts.every((c) => c === counts[0] && c > 0)) return d;
  }
  return best;
}
