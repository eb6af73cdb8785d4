/**
 * One read per question: a query asked again with the same arguments and the same stored values
 * (data version) gets the promise of the read already made, while it runs and, for the latest
 * read, after it. So a read started early (main.ts, before the app's code has arrived) or at the
 * press of a button (before the click) is a plain call, and the load that follows it asks the same
 * question and gets the same answer without reading or decoding again.
 *
 * Answers are shared: callers must not change the arrays they get.
 */
import { storeVersion } from './data-version';

const running = new Map<string, Promise<unknown>>();
/** The latest read that finished, kept until another one finishes or the data changes. */
let latest: { key: string; answer: Promise<unknown> } | undefined;
/** Bumped when everything is forgotten, so a read that finishes after that is not kept. */
let generation = 0;

/**
 * The answer to the query `key` (its name and arguments) at this data version: shared with any
 * caller that asked the same, else read by `read`. A failed read is not kept.
 * @example const rows = await shared(`series:${indicator}`, () => scan(indicator))
 */
export function shared<T>(key: string, read: () => Promise<T>): Promise<T> {
  const full = `${storeVersion().values}\u0000${key}`;
  if (latest?.key === full) return latest.answer as Promise<T>;
  const pending = running.get(full);
  if (pending) return pending as Promise<T>;
  const answer = read();
  const mine = generation;
  running.set(full, answer);
  answer.then(
    () => {
      running.delete(full);
      if (mine === generation) latest = { key: full, answer };
    },
    () => running.delete(full),
  );
  return answer;
}

/** Forget every shared read (the database was closed: tests open others under the same names). */
export function forgetSharedReads(): void {
  generation += 1;
  running.clear();
  latest = undefined;
}
