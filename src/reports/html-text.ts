/**
 * HTML saved from a government website → plain text, without a DOM and without ever rendering
 * it: a small tokenizer keeps the text, drops scripts and styles, turns block elements into
 * paragraphs (one a line) and table rows into lines with their cells separated by tabs.
 */

/** Elements whose content is never text of the page. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head', 'select', 'button', 'textarea', 'math']);
/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'table',
  'thead', 'tbody', 'tfoot', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'blockquote',
  'pre', 'hr', 'title', 'caption', 'figure', 'figcaption', 'address', 'form', 'fieldset', 'center', 'body', 'html',
]);
const CELL = new Set(['td', 'th']);

const NAMED: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', emsp: ' ', ensp: ' ', thinsp: ' ', times: '×', deg: '°',
  permil: '‰', yen: '¥', copy: '©', reg: '®', bull: '•', laquo: '«', raquo: '»', shy: '',
};

/**
 * Replace character references (`&nbsp;`, `&#20013;`, `&#x4E2D;`); unknown names stay as written.
 * @example decodeEntities('6.04&nbsp;万亩') // '6.04 万亩'
 */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});?/gi, (whole, ref: string) => {
    if (ref.charAt(0) === '#') {
      const code = ref.charAt(1).toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    const named = NAMED[ref.toLowerCase()];
    return named ?? whole;
  });
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Collapse white space as a browser would, but drop it between two CJK characters (a line break in the source, not a space). */
function collapse(s: string): string {
  return s.replace(/[ \t\r\n\f\u00a0]+/g, (space, at: number, all: string) => {
    const before = all.charAt(at - 1);
    const after = all.charAt(at + space.length);
    return CJK.test(before) && CJK.test(after) ? '' : ' ';
  });
}

/**
 * Text of an HTML document: paragraphs one a line, table rows one a line with tab-separated cells.
 * @example htmlToText('<p>全年完成<b>12</b>项</p><script>x()</script>') // '全年完成12项'
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = '';
  let inCell = false;
  const flush = (): void => {
    const t = line.replace(/[ \u00a0]+/g, ' ').replace(/ *\t */g, '\t').replace(/^[\s]+|[\s]+$/g, '');
    if (t !== '') out.push(t);
    line = '';
  };
  let i = 0;
  const n = html.length;
  const lower = html.toLowerCase();
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      line += collapse(decodeEntities(html.slice(i, textEnd)));
    }
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const m = /^<\/?([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 40));
    if (!m) {
      // `<!DOCTYPE`, `<?xml`, or a bare `<` in text.
      if (/^<[!?]/.test(html.slice(lt, lt + 2))) {
        const end = html.indexOf('>', lt);
        i = end < 0 ? n : end + 1;
      } else {
        line += '<';
        i = lt + 1;
      }
      continue;
    }
    const name = m[1].toLowerCase();
    const closing = html.charAt(lt + 1) === '/';
    const tagEnd = endOfTag(html, lt + m[0].length);
    i = tagEnd;
    if (!closing && SKIP.has(name)) {
      // Skip to the matching end tag; script content is not HTML, so no nesting is tracked.
      const close = lower.indexOf(`</${name}`, i);
      i = close < 0 ? n : endOfTag(html, close + 2 + name.length);
      if (name === 'head') {
        // The page's <title> is worth keeping as its first line: it names the report.
        const title = /<title[^>]*>([\s\S]*?)<\/title/i.exec(html.slice(tagEnd, close < 0 ? n : close));
        if (title) {
          flush();
          line = collapse(decodeEntities(title[1]));
          flush();
        }
      }
      continue;
    }
    if (CELL.has(name)) {
      if (!closing) {
        if (inCell || line.trim() !== '') line += '\t';
        inCell = true;
      }
    } else if (BLOCK.has(name)) {
      const rowEdge = name === 'tr' || name === 'table' || name === 'thead' || name === 'tbody' || name === 'tfoot' || name === 'caption';
      // A paragraph inside a cell stays in its cell: the row is one line.
      if (inCell && !rowEdge) line += ' ';
      else {
        if (rowEdge) inCell = false;
        flush();
      }
    }
  }
  flush();
  return out.join('\n');
}

/** The index just past the `>` that ends a tag, skipping quoted attribute values. */
function endOfTag(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const c = html.charAt(i);
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return html.length;
}
