/**
 * Entry of the self-contained `.html` file (bundled into one inline script by the
 * `virtual:standalone-script` plugin in vite.config.ts): read the JSON payload from its element,
 * validate it like any outside input, draw.
 */
import { PAYLOAD_ELEMENT_ID, ROOT_ELEMENT_ID } from '../export/standalone-html';
import { readChartDocument } from './document';
import { DOCUMENT_STYLE, needsHeading, renderDocument, renderErrors } from './render-document';
import { addMessages } from '../domain/messages/index';
import { en } from '../domain/messages/en/index';

// A saved file must read the same offline in either language: both catalogues travel inside it.
addMessages('en', en);

const root = document.getElementById(ROOT_ELEMENT_ID)!;
const style = document.createElement('style');
style.textContent = DOCUMENT_STYLE;
document.head.append(style);
const locale = document.documentElement.lang.startsWith('en') ? 'en' : 'zh';
let parsed: unknown;
try {
  parsed = JSON.parse(document.getElementById(PAYLOAD_ELEMENT_ID)?.textContent ?? '');
} catch {
  parsed = undefined;
}
const result = readChartDocument(parsed, locale);
if (result.ok) renderDocument(root, result.document, { heading: needsHeading(result.document) });
else renderErrors(root, result.errors);
