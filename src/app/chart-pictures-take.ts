/**
 * Taking the pictures chart-pictures.ts shows after a reload: which charts, drawn into one canvas
 * each, encoded off the main thread. Loaded when first needed, after the first charts.
 */
import { circumstances, MAX_PICTURES, pictureKey, type Kept, type LiveChart, type Picture } from './chart-pictures';

/**
 * Lossy WebP at this quality: the overview's two charts at 1920 × 1080 took ~90 KB instead of
 * ~190 KB as PNG, so the next reload reads, decodes and paints them sooner; the live chart
 * replaces each within a second.
 */
const WEBP_QUALITY = 0.9;

/** More text than this is not kept (localStorage holds about 5 MB an origin). */
const MAX_CHARS = 3_000_000;

/**
 * Which charts to keep: those that show at least in part in the first screen of the page
 * (`viewport`, in page coordinates), top to bottom, at most `MAX_PICTURES`.
 * @example onFirstScreen([{ top: 2000, height: 400 }], { width: 1920, height: 1080 }) // []
 */
export function onFirstScreen<T extends { left: number; top: number; width: number; height: number }>(
  charts: readonly T[],
  viewport: { width: number; height: number },
): T[] {
  return charts
    .filter((c) => c.width > 0 && c.height > 0 && c.top < viewport.height && c.top + c.height > 0 && c.left < viewport.width)
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .slice(0, MAX_PICTURES);
}

/**
 * Take pictures of those of `drawn` on the first screen, and hand `keep` what to store (undefined:
 * nothing worth keeping) and the key it was taken under.
 * @example await takePictures(charts, (text, key) => text && localStorage.setItem(KEPT_KEY, text))
 */
export async function takePictures(drawn: readonly LiveChart[], keep: (text: string | undefined, key: string) => void): Promise<void> {
  const key = pictureKey(circumstances());
  const charts = onFirstScreen(
    drawn.map((chart) => {
      const r = chart.el.getBoundingClientRect();
      return { chart, left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height };
    }),
    { width: innerWidth, height: innerHeight },
  );
  const pictures: Picture[] = [];
  for (const c of charts) {
    const canvas = c.chart.render(backgroundOf(c.chart.el));
    const src = canvas ? await webpOf(canvas) : undefined;
    if (src) pictures.push({ testid: c.chart.testid, src, left: c.left, top: c.top, width: c.width, height: c.height });
  }
  // The view or the window changed meanwhile: the next draw takes them again.
  if (key !== pictureKey(circumstances())) return;
  const text = JSON.stringify({ key, pictures } satisfies Kept);
  keep(pictures.length === 0 || text.length > MAX_CHARS ? undefined : text, key);
}

/** The colour behind `el` (the first ancestor with one), so the picture is opaque like the page. */
function backgroundOf(el: HTMLElement): string {
  for (let e: HTMLElement | null = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return '#ffffff';
}

/** Encode off the main thread (toBlob), then read as a data URL; undefined where WebP is not made. */
function webpOf(canvas: HTMLCanvasElement): Promise<string | undefined> {
  return new Promise((resolve) => {
    canvas.toBlob((blob) => {
      // A browser without a WebP encoder hands back a PNG: not kept.
      if (!blob || blob.type !== 'image/webp') return resolve(undefined);
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : undefined);
      reader.onerror = () => resolve(undefined);
      reader.readAsDataURL(blob);
    }, 'image/webp', WEBP_QUALITY);
  });
}
