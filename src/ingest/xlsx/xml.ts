/**
 * The little XML an XLSX reader needs, done with `indexOf` on the decoded text: attributes of one
 * tag, entity and `_xHHHH_` unescaping, and the text of a shared or inline string. A general XML
 * parser would build a node per cell — hundreds of thousands of objects for a 100k-row sheet.
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));|_x([0-9a-fA-F]{4})_/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Resolve XML entities and OOXML's `_xHHHH_` escapes (how Excel writes control characters).
 * @example unescapeXml('A&amp;B_x000D_') // 'A&B\r'
 */
export function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined, ooxml: string | undefined) => {
    if (name !== undefined) return NAMED[name];
    const code = parseInt(hex ?? ooxml ?? dec ?? '', hex !== undefined || ooxml !== undefined ? 16 : 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/**
 * One attribute's raw (still escaped) value in a start tag, or `undefined`.
 * `name` is matched whole: `r` never matches `xr`.
 * @example attribute('<c r="B2" t="s">', 'r') // 'B2'
 */
export function attribute(tag: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    at = tag.indexOf(name, at);
    if (at < 0) return undefined;
    const before = tag.charCodeAt(at - 1);
    let eq = at + name.length;
    while (tag.charCodeAt(eq) <= 32) eq++;
    // A whole name: preceded by white space (or a prefix's colon, for `r:id`), followed by `=`.
    if ((before <= 32 || before === 58) && tag.charAt(eq) === '=') {
      let q = eq + 1;
      while (tag.charCodeAt(q) <= 32) q++;
      const quote = tag.charAt(q);
      if (quote === '"' || quote === "'") {
        const end = tag.indexOf(quote, q + 1);
        if (end >= 0) return tag.slice(q + 1, end);
      }
    }
    at += name.length;
  }
}

/** True when the character after a tag name ends the name (`<t>`, `<t `, `<t/>`), so `<tab>` is not `<t`. */
function endsName(xml: string, at: number): boolean {
  const c = xml.charCodeAt(at);
  return c === 62 || c === 47 || c <= 32;
}

/**
 * Each start tag `<name …>` (or `<name …/>`) in `xml[from, to)`, with where it ends.
 * @example for (const t of startTags(xml, 'sheet', 0, xml.length)) attribute(t.tag, 'name')
 */
export function* startTags(xml: string, name: string, from: number, to: number): Generator<{ tag: string; end: number; empty: boolean }> {
  const open = `<${name}`;
  let at = from;
  for (;;) {
    at = xml.indexOf(open, at);
    if (at < 0 || at >= to) return;
    if (!endsName(xml, at + open.length)) {
      at += open.length;
      continue;
    }
    const gt = xml.indexOf('>', at);
    if (gt < 0) return;
    yield { tag: xml.slice(at, gt + 1), end: gt + 1, empty: xml.charCodeAt(gt - 1) === 47 };
    at = gt + 1;
  }
}

const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>/g;

/**
 * The text of a string item (`<si>` or `<is>` content): its `<t>` runs joined, without the
 * phonetic guides (`<rPh>`) that Japanese and Chinese Excel may add.
 * @example richText('<r><t>道里</t></r><r><t>区</t></r>') // '道里区'
 */
export function richText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(PHONETIC, '') : xml;
  let out = '';
  let at = 0;
  for (;;) {
    at = body.indexOf('<t', at);
    if (at < 0) break;
    if (!endsName(body, at + 2)) {
      at += 2;
      continue;
    }
    const gt = body.indexOf('>', at);
    if (gt < 0) break;
    if (body.charCodeAt(gt - 1) === 47) {
      at = gt + 1;
      continue;
    }
    const close = body.indexOf('</t>', gt);
    if (close < 0) break;
    out += body.slice(gt + 1, close);
    at = close + 4;
  }
  return unescapeXml(out);
}
