/**
 * Short stable keys for long names in addresses. A link used to carry an indicator's or a
 * region's name as written, so a 100,000-character name made a 100,037-character address that
 * the server refused (HTTP 431) and no one could paste. Names up to `LINK_NAME_MAX` characters
 * stay readable in the address; longer ones are written as `~k` and a 64-bit hash of the name,
 * and the app finds the name again among the names it holds.
 */

/** Names longer than this are written as a key. */
export const LINK_NAME_MAX = 60;

const KEY = /^~k[0-9a-f]{16}$/;

/** Two 32-bit FNV-1a hashes with different starting values, over UTF-16 code units. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/**
 * The key of a name, whatever its length.
 * @example nameKey('超长指标…') // '~k3f1c…' (18 characters)
 */
export function nameKey(name: string): string {
  return `~k${hash64(name)}`;
}

/**
 * How an address writes a name: itself when short, else its key.
 * @example linkName('PM10') // 'PM10'
 */
export function linkName(name: string): string {
  return name.length > LINK_NAME_MAX ? nameKey(name) : name;
}

/**
 * The name an address means among `names`: the name itself when held, else the held name whose
 * key it is; undefined when neither.
 * @example nameOfLink(nameKey(long), ['PM10', long]) // long
 */
export function nameOfLink(link: string, names: readonly string[]): string | undefined {
  if (names.includes(link)) return link;
  if (!KEY.test(link)) return undefined;
  return names.find((n) => n.length > LINK_NAME_MAX && nameKey(n) === link);
}
