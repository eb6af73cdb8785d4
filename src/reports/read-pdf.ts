/**
 * A PDF's text layer → lines and paragraphs, with pdf.js 3.4.120's legacy build (the last to run
 * on Chrome 85/86), loaded only when a PDF is opened. Fonts are parsed for their character maps
 * only: `isEvalSupported: false` (CVE-2024-4367, and the app's CSP has no unsafe-eval) and
 * `disableFontFace` (nothing is drawn).
 */

/** Text of a PDF, or why there is none. */
export interface PdfText {
  text: string;
  pages: number;
  /** Pages but not one character of text: a scan. */
  scanned: boolean;
}

/** One piece of text on a page, in PDF units (y grows upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js, once. Without a worker URL it runs its "worker" on this thread, from the worker module
 * imported beside it: in Node, where 3.4.120 has no `disableWorker` any more and would `require`
 * a path. With a URL, each document gets a Worker of its own (see `readPdf`).
 */
async function loadPdfJs(workerSrc: string | undefined): Promise<PdfJs> {
  loading ??= (async () => {
    // In Node pdf.js 3.4 takes DOMMatrix and Path2D from the `canvas` package as it loads, for
    // drawing only; text never needs them, so empty stand-ins spare that native dependency.
    // Browsers and workers have both, and nothing is replaced there.
    const g = globalThis as Record<string, unknown>;
    if (typeof g.DOMMatrix === 'undefined') g.DOMMatrix = class DOMMatrix {};
    if (typeof g.Path2D === 'undefined') g.Path2D = class Path2D {};
    const mod = (await import('pdfjs-dist/legacy/build/pdf.js')) as unknown as PdfJs & { default?: PdfJs };
    const pdfjs = (typeof mod.default?.getDocument === 'function' ? mod.default : mod) as PdfJs;
    if (!workerSrc) {
      const worker = (await import('pdfjs-dist/legacy/build/pdf.worker.js')) as { WorkerMessageHandler?: unknown; default?: { WorkerMessageHandler?: unknown } };
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler: worker.WorkerMessageHandler ?? worker.default?.WorkerMessageHandler };
    }
    return pdfjs;
  })();
  return loading;
}

/** Thrown for a PDF that asks for a password: the caller says so in a sentence. */
export class PdfPasswordError extends Error {}

/**
 * Thrown when the deadline passes between two pages. Without a worker pdf.js runs on this
 * thread and a timer cannot interrupt it, so the reader checks the clock itself.
 */
export class PdfTimeoutError extends Error {}

/**
 * The text of a PDF, page by page, lines rebuilt from the items' positions.
 * @example (await readPdf(bytes, {})).text // '保护性耕作面积6.04万亩…'
 */
export async function readPdf(bytes: Uint8Array, options: { workerSrc?: string; maxPages?: number; deadline?: number }): Promise<PdfText> {
  const deadline = options.deadline ?? Infinity;
  const check = (): void => {
    if (Date.now() > deadline) throw new PdfTimeoutError('timeout');
  };
  const pdfjs = await loadPdfJs(options.workerSrc);
  // A Worker started here and handed to pdf.js as its port: this works on a page and inside a
  // Web Worker alike (pdf.js's own start-up looks for `window` and `document`), and never
  // touches the global GlobalWorkerOptions another caller may have set.
  const webWorker = options.workerSrc ? new Worker(options.workerSrc) : undefined;
  const worker = webWorker ? new pdfjs.PDFWorker({ port: webWorker as unknown as null }) : undefined;
  // pdf.js hands its data to the worker (transferring the buffer): give it a copy, never the caller's.
  const task = pdfjs.getDocument({
    worker,
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    // Left to itself pdf.js decides this from `document.baseURI`, which a Web Worker lacks; no
    // CMap or standard-font URL is given, so nothing is fetched either way.
    useWorkerFetch: false,
  });
  try {
    const doc = await task.promise.catch((e: unknown) => {
      if ((e as { name?: string })?.name === 'PasswordException') throw new PdfPasswordError('password');
      throw e;
    });
    check();
    const pages = doc.numPages;
    if (pages > (options.maxPages ?? 500)) throw new RangeError(`pages:${pages}`);
    const paragraphs: string[] = [];
    let chars = 0;
    for (let n = 1; n <= pages; n++) {
      check();
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [, , , d, e, f] = it.transform as number[];
        items.push({ str: it.str, x: e, y: f, width: it.width, height: it.height || Math.abs(d) || 10 });
        chars += it.str.trim().length;
      }
      paragraphs.push(...pdfParagraphs(items));
      page.cleanup();
    }
    return { text: unifyRadicals(paragraphs.join('\n')), pages, scanned: pages > 0 && chars === 0 };
  } finally {
    await task.destroy();
    worker?.destroy();
    webWorker?.terminate();
  }
}

/**
 * CJK fonts draw 龙 and the radical ⻰ with one glyph, and PDF writers (Chromium's among them)
 * may map that glyph back to the radical: 黑⻰江省, 河湖⻓制. Radicals never stand alone in prose,
 * so the simplified radicals go back to their characters, and the Kangxi radicals through NFKC.
 */
const RADICALS: Record<string, string> = {
  '\u2ec4': '西', '\u2ec5': '见', '\u2ec6': '角', '\u2ec9': '贝', '\u2eca': '足', '\u2ecb': '车', '\u2ed3': '长',
  '\u2ed4': '门', '\u2ed8': '青', '\u2ed9': '韦', '\u2eda': '页', '\u2edb': '风', '\u2edc': '飞', '\u2edd': '食',
  '\u2ee2': '马', '\u2ee3': '骨', '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee7': '卤', '\u2ee8': '麦',
  '\u2ee9': '黄', '\u2eec': '齐', '\u2eee': '齿', '\u2ef0': '龙', '\u2ef3': '龟', '\u2e9f': '母', '\u2ea0': '民',
  '\u2ea9': '王', '\u2e81': '厂', '\u2eb3': '网', '\u2eb6': '羊', '\u2ec1': '虎', '\u2ed1': '長', '\u2ed5': '門',
};

/**
 * Radicals back to the characters they stand for.
 * @example unifyRadicals('黑⻰江省河湖⻓制') // '黑龙江省河湖长制'
 */
export function unifyRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (c) => RADICALS[c] ?? (c >= '\u2f00' ? c.normalize('NFKC') : c));
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const ENDS_SENTENCE = /[。！？!?：:；;”」』）)]$/;

interface Line {
  y: number;
  left: number;
  right: number;
  height: number;
  text: string;
}

/** Items on one baseline (within half a line's height) make one line, read left to right. */
function linesOf(items: PdfItem[]): Line[] {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const it of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0].y - it.y) <= Math.max(2, 0.5 * Math.min(last[0].height, it.height))) last.push(it);
    else groups.push([it]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let right = g[0].x;
    for (const it of g) {
      const gap = it.x - right;
      const prev = text.charAt(text.length - 1);
      const next = it.str.charAt(0);
      // Between CJK characters a gap is layout (justification), never a space; elsewhere a gap
      // wider than a quarter of the glyph height is a space, and a much wider one a table column.
      if (text !== '' && gap > 2 * it.height) text += '\t';
      else if (text !== '' && gap > 0.25 * it.height && !(CJK.test(prev) || CJK.test(next)) && prev !== ' ' && next !== ' ') text += ' ';
      text += it.str;
      right = Math.max(right, it.x + it.width);
    }
    // Spaces that pdf.js reports between CJK characters are layout too.
    text = text.replace(/(?<=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]) +(?=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])/g, '').trim();
    return { y: g[0].y, left: g[0].x, right, height: Math.max(...g.map((i) => i.height)), text };
  });
}

/**
 * Lines → paragraphs. A line joins the one before it unless that one stopped short of the
 * right margin, this one is indented, the gap between them is wider than a line, or either is
 * a table row (holds a tab).
 * @example pdfParagraphs(items) // ['一、总体情况', '全年完成整改任务12项…']
 */
export function pdfParagraphs(items: PdfItem[]): string[] {
  const lines = linesOf(items).filter((l) => l.text !== '');
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.left));
  const right = Math.max(...lines.map((l) => l.right));
  const out: string[] = [];
  let current = lines[0].text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    const em = Math.max(prev.height, line.height);
    // Left-aligned lines end unevenly (a half-width comma is half a character): only a line that
    // stops well short of the margin ends its paragraph.
    const short = prev.right < right - 4 * em;
    const indented = line.left > left + 1.2 * em;
    const far = prev.y - line.y > 2.2 * em;
    const table = prev.text.includes('\t') || line.text.includes('\t');
    if (short || indented || far || table || (ENDS_SENTENCE.test(prev.text) && prev.right < right - 2.5 * em)) {
      out.push(current);
      current = line.text;
    } else {
      const a = current.charAt(current.length - 1);
      const b = line.text.charAt(0);
      current += CJK.test(a) || CJK.test(b) || a === '' ? line.text : ` ${line.text}`;
    }
  }
  out.push(current);
  return out;
}
