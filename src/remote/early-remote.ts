/**
 * The answers public/early-remote.js asked for while the HTML was parsed: a remote manifest and
 * the footers of the first indicator's files. The reader takes each once, for exactly the
 * address (and range) it would ask itself, and asks again when the early request failed; a later
 * read of the same manifest (the check for a newer version) goes to the server.
 */

/** One early request: the address (and range) asked, and the answer. */
interface EarlyAnswer {
  url: string;
  start?: number;
  end?: number;
  answer: Promise<Response>;
}

/** What the script leaves on the page. */
interface EarlyRemote {
  manifest?: EarlyAnswer;
  ranges: EarlyAnswer[];
}

function early(): EarlyRemote | undefined {
  const found = (globalThis as { __dashboardEarlyRemote?: unknown }).__dashboardEarlyRemote;
  return typeof found === 'object' && found !== null && Array.isArray((found as EarlyRemote).ranges) ? (found as EarlyRemote) : undefined;
}

/** The answer, or undefined when its request failed (the caller asks again). */
function settled(answer: Promise<Response>): Promise<Response | undefined> {
  return answer.then(
    (res) => res,
    () => undefined,
  );
}

/**
 * The early answer for the manifest at `url`, taken once; undefined when none was asked or it failed.
 * @example const res = (await takeEarlyManifest(url)) ?? (await fetch(url))
 */
export function takeEarlyManifest(url: string): Promise<Response | undefined> | undefined {
  const found = early();
  const asked = found?.manifest;
  if (!found || !asked || asked.url !== url) return undefined;
  found.manifest = undefined;
  return settled(asked.answer);
}

/**
 * The early answer for bytes [start, end) of `url`, taken once; undefined when none was asked or it failed.
 * @example const res = (await takeEarlyRange(url, 0, 16384)) ?? (await fetch(url, { headers: { Range: 'bytes=0-16383' } }))
 */
export function takeEarlyRange(url: string, start: number, end: number): Promise<Response | undefined> | undefined {
  const found = early();
  const at = found ? found.ranges.findIndex((r) => r.url === url && r.start === start && r.end === end) : -1;
  if (!found || at < 0) return undefined;
  return settled(found.ranges.splice(at, 1)[0].answer);
}
