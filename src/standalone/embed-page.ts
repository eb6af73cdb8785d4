/**
 * The read-only embed page (`index.html?embed#p=…`): draws one chart from the document carried in
 * the URL fragment. It never touches the app's IndexedDB (a cross-site iframe cannot see it, and
 * the main entry does not even load the app in this mode), and it tells its parent its height.
 */
import { decodePayload } from '../export/payload';
import { makeResizeMessage, readEmbedFragment } from '../export/embed-snippet';
import { loadLocale, translate, type Locale } from '../domain/messages/index';
import '../domain/messages/reports-part';
import { readChartDocument } from './document';
import { DOCUMENT_STYLE, renderDocument, renderErrors } from './render-document';
import { watermarkStylesheet } from '../export/watermark';
import { FONT_FAMILY } from '../charts/theme';

/**
 * Where height messages go: the embedding page's exact origin when the browser tells us
 * (`location.ancestorOrigins`, Chromium and Safari). Elsewhere the parent's origin is unknowable
 * from inside a no-referrer frame, and the message carries nothing but a number, so `'*'` is
 * acceptable for it alone; nothing else is ever posted.
 * @example parentOrigin({ ancestorOrigins: ['https://news.example'] }) // 'https://news.example'
 */
export function parentOrigin(where: { ancestorOrigins?: ArrayLike<string> }): string {
  const first = where.ancestorOrigins && where.ancestorOrigins.length > 0 ? where.ancestorOrigins[0] : undefined;
  return first && first !== 'null' ? first : '*';
}

/** Post the page height to the parent whenever it changes. */
function reportHeight(): void {
  if (window.parent === window) return;
  const target = parentOrigin(location);
  const post = () => window.parent.postMessage(makeResizeMessage(document.documentElement.scrollHeight), target);
  new ResizeObserver(post).observe(document.body);
  post();
}

/**
 * Start the embed page in `root`.
 * @example await startEmbedPage(document.getElementById('app')!)
 */
export async function startEmbedPage(root: HTMLElement): Promise<void> {
  const style = document.createElement('style');
  style.textContent = DOCUMENT_STYLE;
  document.head.append(style);
  const locale: Locale = navigator.language.startsWith('en') ? 'en' : 'zh';
  await loadLocale(locale);
  const text = readEmbedFragment(location.hash);
  const decoded = text === undefined ? undefined : await decodePayload(text, { locale });
  if (!decoded || !decoded.ok) {
    renderErrors(root, decoded ? decoded.errors : [translate(locale, 'reports.embed.missing')]);
  } else {
    const result = readChartDocument(decoded.value, locale);
    if (result.ok) {
      document.title = result.document.title;
      // The watermark the user had set when the embed was made, over the embed and its prints.
      if (result.document.watermark) {
        const mark = document.createElement('style');
        mark.textContent = watermarkStylesheet(result.document.watermark, { fontFamily: FONT_FAMILY });
        document.head.append(mark);
      }
      renderDocument(root, result.document, { heading: false });
    } else renderErrors(root, result.errors);
  }
  root.dataset.testid = 'embed-root';
  reportHeight();
}
