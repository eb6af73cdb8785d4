/**
 * Crisp charts on paper: before the page prints, each chart is redrawn as an SVG element next to
 * its canvas, and the print stylesheet shows the SVG instead. The SVG comes from ECharts' own
 * renderer (labels are escaped there) and is parsed as XML, never as HTML; anything that could
 * run or load is removed before it enters the page.
 */

/** Elements that have no business in a chart picture. */
const DROP = 'script, foreignObject, iframe, a, image, use';

/**
 * Parse ECharts' SVG output into an element of `doc`, or undefined when it does not parse.
 * @example svgElement(document, '<svg xmlns="http://www.w3.org/2000/svg"/>')?.tagName // 'svg'
 */
export function svgElement(doc: Document, svg: string): SVGSVGElement | undefined {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return undefined;
  root.querySelectorAll(DROP).forEach((el) => el.remove());
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || /href$/i.test(attr.name)) el.removeAttribute(attr.name);
    }
  }
  const imported = doc.importNode(root, true) as unknown as SVGSVGElement;
  // Scale with the paper: the drawing keeps its proportions at whatever width the page gives it.
  const width = imported.getAttribute('width');
  const height = imported.getAttribute('height');
  if (width && height && !imported.hasAttribute('viewBox')) imported.setAttribute('viewBox', `0 0 ${parseFloat(width)} ${parseFloat(height)}`);
  imported.removeAttribute('width');
  imported.removeAttribute('height');
  imported.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  return imported;
}

/**
 * Put the SVG drawing into its print box, replacing the previous one; an empty box (no SVG, or
 * one that did not parse) lets the canvas print instead.
 * @example showPrintSvg(box, renderSvg(option, 1000, 440))
 */
export function showPrintSvg(box: HTMLElement, svg: string | undefined): void {
  const element = svg === undefined ? undefined : svgElement(box.ownerDocument, svg);
  box.replaceChildren(...(element ? [element] : []));
  // The panel hides its canvas and heading while a drawing stands in for them; said on the panel
  // because `:has()` (Chromium 105) is above the supported floor.
  box.closest('[data-print-panel]')?.toggleAttribute('data-printed', element !== undefined);
}

/**
 * Call `prepare` before printing: on `beforeprint` (the browser's print dialog) and when the
 * print media query starts matching (print emulation, some PDF printers). Returns the cleanup.
 * @example const stop = onPrint(() => drawSvg())
 */
export function onPrint(prepare: () => void): () => void {
  const query = matchMedia('print');
  const onChange = (e: MediaQueryListEvent) => {
    if (e.matches) prepare();
  };
  window.addEventListener('beforeprint', prepare);
  query.addEventListener('change', onChange);
  return () => {
    window.removeEventListener('beforeprint', prepare);
    query.removeEventListener('change', onChange);
  };
}
