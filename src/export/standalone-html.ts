/**
 * One self-contained `.html` file for a chart, a dashboard or a deck: its data snapshot and its
 * chart code inline, so it opens by double-click with no server and no network. A
 * Content-Security-Policy allows exactly the one inline script, by its SHA-256 hash, and no
 * network at all, so even a hostile label in the data cannot load or run anything.
 */

/** The id of the element holding the JSON payload; the chart code reads it from there. */
export const PAYLOAD_ELEMENT_ID = 'payload';
/** The id of the empty element the chart code renders into. */
export const ROOT_ELEMENT_ID = 'app';

/** What goes into the document. */
export interface StandaloneHtmlInput {
  /** Shown as the document title; escaped. */
  title: string;
  /** BCP 47 tag for `<html lang>`; anything else becomes `zh-CN`. */
  lang: string;
  /** The chart code: one bundled ES module with no imports. */
  scriptText: string;
  /** Any JSON value, typically `{ spec, observations }`. */
  payload: unknown;
  /** Optional stylesheet text. */
  styleText?: string;
}

const HTML_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);

/**
 * Escape text for an HTML text node or a quoted attribute.
 * @example escapeHtml('<b>') // '&lt;b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES.get(ch) ?? ch);
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<`, `>` and `&` become `\u003c`…,
 * so `</script>` or `<!--` in the data cannot end the element; U+2028/9 are escaped for old
 * parsers that treat them as line ends. The result is still JSON that parses to the same value.
 * @example jsonForScript({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('payload is not representable as JSON');
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `</script` or `<!--` inside code would end or confuse the inline element; `\x3C` is `<` in
 * strings, template literals and regular expressions alike, where such text can legitimately occur.
 */
function inlineSafe(code: string): string {
  return code.replace(/<(?=\/script|!--)/gi, '\\x3C');
}

/** A `</style` inside the stylesheet would end the element early. */
function styleSafe(css: string): string {
  return css.replace(/<\/(?=style)/gi, '<\\/');
}

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Build the document. Async because the CSP hash uses `crypto.subtle.digest` (browser and Node).
 * @example await buildStandaloneHtml({ title: '耕地面积', lang: 'zh-CN', scriptText: bundle, payload: { spec, observations } })
 */
export async function buildStandaloneHtml(input: StandaloneHtmlInput): Promise<string> {
  const script = inlineSafe(input.scriptText);
  const hash = await sha256Base64(script);
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    // ECharts sets element styles at run time; styles cannot run code or reach the network here.
    "style-src 'unsafe-inline'",
    // ECharts' own "save as image" produces data: and blob: URLs.
    'img-src data: blob:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const lang = LANG.test(input.lang) ? input.lang : 'zh-CN';
  const style = input.styleText ? `<style>${styleSafe(input.styleText)}</style>\n` : '';
  return (
    '<!doctype html>\n' +
    `<html lang="${lang}">\n` +
    '<head>\n' +
    '<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(input.title)}</title>\n` +
    style +
    '</head>\n' +
    '<body>\n' +
    `<div id="${ROOT_ELEMENT_ID}"></div>\n` +
    `<script type="application/json" id="${PAYLOAD_ELEMENT_ID}">${jsonForScript(input.payload)}</script>\n` +
    `<script type="module">${script}</script>\n` +
    '</body>\n' +
    '</html>\n'
  );
}

/**
 * Read the payload back out of a document built by `buildStandaloneHtml` (for tests and for
 * re-importing a shared file). Throws when the document has no payload element.
 * @example readStandalonePayload(await buildStandaloneHtml({ …, payload: { a: 1 } })) // { a: 1 }
 */
export function readStandalonePayload(html: string): unknown {
  const match = new RegExp(`<script type="application/json" id="${PAYLOAD_ELEMENT_ID}">([^<]*)</script>`).exec(html);
  if (!match) throw new Error('no payload element in the document');
  return JSON.parse(match[1]);
}
