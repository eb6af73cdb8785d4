/**
 * A strict-enough XML well-formedness check for exported SVG, so Node tests can assert that labels
 * with `<&">` or control characters still give valid XML (browser tests use DOMParser instead).
 * It checks tags, nesting, attributes, references and characters; it does not read DTDs.
 */

/** The verdict: fine, or the first problem with its character offset. Messages are for developers. */
export type XmlCheck = { ok: true; root: string } | { ok: false; error: string; offset: number };

const NAME = /[A-Za-z_:\u00C0-\uFFEF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFEF]*/y;
const SPACE = /[ \t\r\n]*/y;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;

/** Characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** The first character (as a code point) that XML forbids, including lone surrogates, or -1. */
function firstBadChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    if (code > 0xffff) i++;
    else if (!isXmlChar(code)) return i;
  }
  return -1;
}

/** Check `&` references and forbidden characters in text or an attribute value starting at `base`. */
function checkCharacterData(text: string, base: number): XmlCheck | null {
  const bad = firstBadChar(text);
  if (bad >= 0) return { ok: false, error: 'character not allowed in XML', offset: base + bad };
  for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(text);
    const code = m && (m[2] ? Number(m[2]) : m[3] ? parseInt(m[3], 16) : 0x20);
    if (!m || code === null || !isXmlChar(code)) return { ok: false, error: 'bad or unescaped &', offset: base + at };
  }
  return null;
}

/**
 * Check that `xml` is one well-formed XML document.
 * @example checkXml('<svg><text>a &amp; b</text></svg>') // { ok: true, root: 'svg' }
 */
export function checkXml(xml: string): XmlCheck {
  const stack: string[] = [];
  let root = '';
  let pos = 0;
  const fail = (error: string, offset = pos): XmlCheck => ({ ok: false, error, offset });
  const skipTo = (end: string, what: string): XmlCheck | null => {
    const at = xml.indexOf(end, pos);
    if (at < 0) return fail(`unclosed ${what}`);
    const bad = firstBadChar(xml.slice(pos, at));
    if (bad >= 0) return fail('character not allowed in XML', pos + bad);
    pos = at + end.length;
    return null;
  };
  if (xml.startsWith('\uFEFF')) pos = 1;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = xml.slice(pos, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') return fail('text outside the root element');
    if (text.includes(']]>')) return fail(']]> in text', pos + text.indexOf(']]>'));
    const textProblem = checkCharacterData(text, pos);
    if (textProblem) return textProblem;
    if (lt < 0) break;
    pos = lt;
    let problem: XmlCheck | null = null;
    if (xml.startsWith('<!--', pos)) {
      pos += 4;
      const end = xml.indexOf('--', pos);
      if (end < 0 || xml[end + 2] !== '>') return fail('bad comment');
      problem = skipTo('-->', 'comment');
    } else if (xml.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) return fail('CDATA outside the root element');
      pos += 9;
      problem = skipTo(']]>', 'CDATA section');
    } else if (xml.startsWith('<?', pos)) {
      problem = skipTo('?>', 'processing instruction');
    } else if (xml.startsWith('<!DOCTYPE', pos)) {
      if (root !== '') return fail('DOCTYPE after the root element');
      const end = xml.indexOf('>', pos);
      if (end < 0 || xml.slice(pos, end).includes('[')) return fail('unsupported DOCTYPE');
      pos = end + 1;
    } else if (xml.startsWith('</', pos)) {
      pos += 2;
      NAME.lastIndex = pos;
      const name = NAME.exec(xml)?.[0];
      if (!name || name !== stack[stack.length - 1]) return fail(`unexpected end tag ${name ?? ''}`);
      stack.pop();
      pos += name.length;
      SPACE.lastIndex = pos;
      pos += SPACE.exec(xml)![0].length;
      if (xml[pos] !== '>') return fail('bad end tag');
      pos++;
    } else {
      problem = readStartTag();
    }
    if (problem) return problem;
  }
  if (stack.length > 0) return fail(`unclosed element ${stack[stack.length - 1]}`);
  if (root === '') return fail('no root element');
  return { ok: true, root };

  function readStartTag(): XmlCheck | null {
    if (stack.length === 0 && root !== '') return fail('a second root element');
    pos++;
    NAME.lastIndex = pos;
    const name = NAME.exec(xml)?.[0];
    if (!name) return fail('bad element name');
    pos += name.length;
    const seen = new Set<string>();
    for (;;) {
      SPACE.lastIndex = pos;
      const space = SPACE.exec(xml)![0].length;
      pos += space;
      if (xml.startsWith('/>', pos)) {
        pos += 2;
        if (stack.length === 0) root = name;
        return null;
      }
      if (xml[pos] === '>') {
        pos++;
        if (stack.length === 0) root = name;
        stack.push(name);
        return null;
      }
      if (space === 0) return fail('attributes must be separated by white space');
      NAME.lastIndex = pos;
      const attr = NAME.exec(xml)?.[0];
      if (!attr) return fail('bad attribute name');
      if (seen.has(attr)) return fail(`duplicate attribute ${attr}`);
      seen.add(attr);
      pos += attr.length;
      SPACE.lastIndex = pos;
      pos += SPACE.exec(xml)![0].length;
      if (xml[pos] !== '=') return fail('attribute without value');
      pos++;
      SPACE.lastIndex = pos;
      pos += SPACE.exec(xml)![0].length;
      const quote = xml[pos];
      if (quote !== '"' && quote !== "'") return fail('unquoted attribute value');
      const end = xml.indexOf(quote, pos + 1);
      if (end < 0) return fail('unclosed attribute value');
      const value = xml.slice(pos + 1, end);
      if (value.includes('<')) return fail('< in attribute value', pos + 1 + value.indexOf('<'));
      const problem = checkCharacterData(value, pos + 1);
      if (problem) return problem;
      pos = end + 1;
    }
  }
}
