/**
 * The embed link and the `<iframe>` snippet a user copies into a web page. The payload travels in
 * the URL fragment (`#p=…`), which browsers never send to a server. The embed page reports its
 * height with a resize message; the snippet's listener accepts it only from the embed's exact
 * origin and from its own iframe.
 */
import { escapeHtml, jsonForScript } from './standalone-html';

/** The `type` of the height message the embed page posts to its parent. */
export const RESIZE_MESSAGE_TYPE = 'indicator-dashboard:resize';

/** Largest height, in CSS pixels, a parent accepts from an embed. */
export const MAX_EMBED_HEIGHT = 20000;

/** A height report from the embed page to its parent. Carries no data, only a number. */
export interface ResizeMessage {
  type: typeof RESIZE_MESSAGE_TYPE;
  height: number;
}

function httpUrl(text: string): URL {
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`not an http(s) URL: ${url.protocol}`);
  return url;
}

/**
 * The embed page URL carrying a payload (from `encodePayload`) in its fragment. Throws on a page
 * URL that is not http(s).
 * @example buildEmbedUrl('https://host/app/embed.html', 'd.q1Yq…') // 'https://host/app/embed.html#p=d.q1Yq…'
 */
export function buildEmbedUrl(embedPage: string, payloadText: string): string {
  const url = httpUrl(embedPage);
  url.hash = `p=${encodeURIComponent(payloadText)}`;
  return url.href;
}

/**
 * The payload text from a location hash (`#p=…`), or undefined when there is none.
 * @example readEmbedFragment('#p=j.eyJhIjoxfQ') // 'j.eyJhIjoxfQ'
 */
export function readEmbedFragment(hash: string): string | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('p');
  return value === null || value === '' ? undefined : value;
}

/**
 * A resize message for the embed page to post to its parent.
 * @example makeResizeMessage(412.5) // { type: 'indicator-dashboard:resize', height: 413 }
 */
export function makeResizeMessage(height: number): ResizeMessage {
  return { type: RESIZE_MESSAGE_TYPE, height: Math.ceil(Math.min(Math.max(height, 0), MAX_EMBED_HEIGHT)) };
}

/**
 * The height from a message event, when it comes from exactly `expectedOrigin` and has the right
 * shape; otherwise undefined. For parents written in TypeScript (the app's own preview).
 * @example readResizeMessage({ origin: 'https://host', data: { type: RESIZE_MESSAGE_TYPE, height: 400 } }, 'https://host') // 400
 */
export function readResizeMessage(event: { origin: string; data: unknown }, expectedOrigin: string): number | undefined {
  if (event.origin !== expectedOrigin) return undefined;
  const data = event.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, height } = data as Record<string, unknown>;
  if (type !== RESIZE_MESSAGE_TYPE || typeof height !== 'number') return undefined;
  return height > 0 && height <= MAX_EMBED_HEIGHT ? height : undefined;
}

/** FNV-1a: a short stable id, so two snippets for different charts on one page do not collide. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** What the snippet needs. */
export interface IframeSnippetInput {
  /** The embed URL from `buildEmbedUrl`. */
  src: string;
  /** Accessible name of the frame (the chart title). */
  title: string;
  /** Initial height in CSS pixels before the first resize message. */
  height?: number;
}

/**
 * The HTML a user pastes into a page: the iframe plus a small listener that resizes it, accepting
 * messages only from the embed's origin and its own frame. All values are escaped.
 * @example buildIframeSnippet({ src: buildEmbedUrl(page, payload), title: '耕地面积' })
 */
export function buildIframeSnippet(input: IframeSnippetInput): string {
  const url = httpUrl(input.src);
  const id = `indicator-embed-${shortHash(url.href)}`;
  const height = Math.round(Math.min(Math.max(input.height ?? 400, 100), MAX_EMBED_HEIGHT));
  const listener =
    '(function(){' +
    `var f=document.getElementById(${jsonForScript(id)}),o=${jsonForScript(url.origin)},t=${jsonForScript(RESIZE_MESSAGE_TYPE)};` +
    'window.addEventListener("message",function(e){' +
    'if(!f||e.origin!==o||e.source!==f.contentWindow)return;' +
    'var d=e.data;' +
    `if(!d||d.type!==t||typeof d.height!=="number"||!(d.height>0&&d.height<=${MAX_EMBED_HEIGHT}))return;` +
    'f.style.height=Math.ceil(d.height)+"px";' +
    '});})();';
  return (
    `<iframe id="${id}" src="${escapeHtml(url.href)}" title="${escapeHtml(input.title)}" ` +
    `width="100%" height="${height}" style="border:0;width:100%;height:${height}px" loading="lazy" referrerpolicy="no-referrer"></iframe>\n` +
    `<script>${listener}</script>`
  );
}
