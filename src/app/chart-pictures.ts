/**
 * Pictures of the charts on screen, kept so that a reload shows them at once. After a reload the
 * live chart needs the app's code, the database and ECharts (about half a second here); the
 * picture needs only this module, so the chart a user was looking at is back on screen ~0.2 s
 * after navigation, where it was, and the live chart replaces it when it draws.
 *
 * A picture is shown only while nothing it depends on has changed: the same address (the view),
 * window size, pixel ratio, look (theme, colours, language) and build, and no write to the store
 * since it was taken (any write, here or in another tab, forgets every picture). Pictures of data
 * kept only in memory (IndexedDB blocked) are never taken.
 */

/** localStorage: the pictures and what they were taken under; that key alone, cheap to read. */
const KEPT_KEY = 'dashboard.chartPictures';
const KEPT_FOR_KEY = 'dashboard.chartPictures.key';
/** Pictures are taken once the page has drawn nothing for this long (and is idle). */
const TAKE_AFTER_MS = 1500;
/** The remembered choices a picture's look depends on (display.svelte.ts and i18n.svelte.ts keep them). */
export const THEME_KEY = 'dashboard.theme';
export const COLOURS_KEY = 'dashboard.colours';
export const LOCALE_KEY = 'dashboard.locale';
/** At most this many charts (the ones on screen) are kept. */
export const MAX_PICTURES = 4;
/** A picture never stays longer than this, whatever happens to the live chart. */
const LONGEST_MS = 8000;
/** The app's start waits at most this long for the pictures' first frame. */
const WAIT_MS = 200;
/** Pictures are inline WebP (chart-pictures-take.ts): nothing else is ever shown. */
const SOURCE_PREFIX = 'data:image/webp;base64,';

/** One kept picture: where on the page it was and what it showed. */
export interface Picture {
  testid: string;
  src: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What `KEPT_KEY` holds. */
export interface Kept {
  key: string;
  pictures: Picture[];
}

/** What a picture's validity depends on, as one string. */
export interface Circumstances {
  search: string;
  width: number;
  height: number;
  dpr: number;
  look: string;
  build: string;
}

/**
 * The key a kept picture must match to be shown.
 * @example pictureKey({ search: '?view=kpi&ind=PM10', width: 1920, height: 1080, dpr: 1, look: 'light', build: 'a1' }) // '?view=kpi&ind=PM10|1920x1080@1|light|a1'
 */
export function pictureKey(c: Circumstances): string {
  return `${c.search}|${c.width}x${c.height}@${c.dpr}|${c.look}|${c.build}`;
}

/**
 * The kept pictures in `text` if they are well formed and were taken under `key`; anything
 * else (another view, a damaged or hostile entry, a source that is not an inline WebP) gives none.
 * @example readKept(JSON.stringify({ key: 'k', pictures: [] }), 'k') // []
 */
export function readKept(text: string | null, key: string): Picture[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const kept = parsed as Partial<Kept> | null;
  if (!kept || typeof kept !== 'object' || kept.key !== key || !Array.isArray(kept.pictures)) return [];
  return kept.pictures.filter(isPicture).slice(0, MAX_PICTURES);
}

function isPicture(p: unknown): p is Picture {
  const x = p as Record<string, unknown> | null;
  if (!x || typeof x !== 'object') return false;
  const finite = ['left', 'top', 'width', 'height'].every((k) => typeof x[k] === 'number' && Number.isFinite(x[k]));
  return (
    finite &&
    (x.width as number) > 0 &&
    (x.height as number) > 0 &&
    typeof x.testid === 'string' &&
    typeof x.src === 'string' &&
    x.src.startsWith(SOURCE_PREFIX)
  );
}

/* ---- In the page ---- */

/** A live chart the page can take a picture of (EChart.svelte registers each one). */
export interface LiveChart {
  el: HTMLElement;
  testid: string;
  /** The chart drawn into one canvas on `background`, or undefined when it cannot be. */
  render(background: string): HTMLCanvasElement | undefined;
}

const live = new Map<LiveChart, number>();
/** Raised by every write to the store: a chart drawn before the last write shows old data. */
let generation = 0;
let taking: ReturnType<typeof setTimeout> | undefined;
let allowed = true;
let paused = false;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The circumstances of this page now. */
export function circumstances(): Circumstances {
  const s = storage();
  const look = [THEME_KEY, COLOURS_KEY, LOCALE_KEY].map((k) => s?.getItem(k) ?? '').join(',');
  return {
    search: location.search,
    width: innerWidth,
    height: innerHeight,
    dpr: devicePixelRatio,
    look,
    // A new build may draw differently.
    build: __APP_BUILD__,
  };
}

/**
 * Show the pictures kept for this address, window and data, if any, each where its chart was;
 * settles when they are on screen (or after `WAIT_MS`: a tab in the background paints no frame).
 * Called by pictures-first.ts (inline in the built page), and again by main.ts, which gets the
 * same promise and waits for it. A picture goes when its chart draws, at the first input, on
 * resize or print, and after `LONGEST_MS` in any case.
 * @example showKeptPictures()
 */
export function showKeptPictures(): Promise<void> {
  const holder = globalThis as { [ON_SCREEN]?: Promise<void> };
  if (!holder[ON_SCREEN]) {
    try {
      holder[ON_SCREEN] = show();
    } catch {
      // A damaged entry must never keep the app from starting: it is forgotten.
      forgetPictures();
      removePictures();
      holder[ON_SCREEN] = Promise.resolve();
    }
  }
  return holder[ON_SCREEN];
}

/**
 * Where the promise of the pictures' first frame is kept: the inline first script and the app
 * hold two copies of this module, and the second call must get the first one's promise.
 */
const ON_SCREEN = Symbol.for('indicator-dashboard.chart-pictures');

function show(): Promise<void> {
  const s = storage();
  const key = pictureKey(circumstances());
  const pictures = readKept(s?.getItem(KEPT_KEY) ?? null, key);
  if (pictures.length === 0) {
    // Kept for this view but unreadable (damaged, tampered with): forgotten, so it is taken anew.
    if (s && s.getItem(KEPT_FOR_KEY) === key) clearKept(s);
    return Promise.resolve();
  }
  const painted = pictures.map((p) => {
    // A canvas filled from an ImageBitmap, not an <img>: an inline image's source was fetched
    // on the main thread (~30 ms for two charts) before its decode could even start.
    const canvas = document.createElement('canvas');
    // A stand-in for the eye only: the live chart, with its accessible name, replaces it.
    canvas.setAttribute('aria-hidden', 'true');
    canvas.dataset.testid = 'chart-picture';
    canvas.dataset.for = p.testid;
    Object.assign(canvas.style, {
      position: 'absolute',
      left: `${p.left}px`,
      top: `${p.top}px`,
      width: `${p.width}px`,
      height: `${p.height}px`,
      zIndex: '1',
      pointerEvents: 'none',
    });
    document.body.append(canvas);
    return createImageBitmap(new Blob([bytesOf(p.src)], { type: 'image/webp' })).then(
      (bitmap) => {
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
        bitmap.close();
        // On the page's timeline for the benchmark: when the picture is on screen.
        return new Promise<void>((resolve) => requestAnimationFrame(() => resolve(void performance.mark('chart:picture', { detail: p.testid }))));
      },
      () => undefined,
    );
  });
  const clear = () => removePictures();
  for (const type of ['pointerdown', 'keydown', 'wheel', 'resize', 'beforeprint']) addEventListener(type, clear, { once: true, capture: true });
  setTimeout(clear, LONGEST_MS);
  return Promise.race([Promise.all(painted).then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, WAIT_MS))]);
}

/** The bytes of a `data:…;base64,` source. */
function bytesOf(src: string): Uint8Array<ArrayBuffer> {
  const text = atob(src.slice(src.indexOf(',') + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The pictures on the page; found in the DOM, since the inline first script put them there. */
function shownPictures(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="chart-picture"]')];
}

/**
 * The live chart `testid` has drawn: its picture goes.
 * @example replacePicture('trend-chart')
 */
export function replacePicture(testid: string): void {
  for (const picture of shownPictures()) if (picture.dataset.for === testid) picture.remove();
}

/** Remove every picture still shown (the first charts have drawn, or the user acted). */
export function removePictures(): void {
  for (const picture of shownPictures()) picture.remove();
}

/**
 * Something was written to the store (here or in another tab): kept pictures show old data, and
 * so may the charts drawn until now. Forget both.
 * @example store.onWrite(forgetPictures)
 */
export function forgetPictures(): void {
  generation += 1;
  try {
    const s = storage();
    if (s) clearKept(s);
  } catch {
    // Blocked storage keeps nothing anyway.
  }
}

/**
 * Whether pictures may be kept: not of data that lives only in this tab's memory.
 * @example allowPictures(persistent)
 */
export function allowPictures(yes: boolean): void {
  allowed = yes;
  if (!yes) forgetPictures();
}

/**
 * A live chart appeared; returns what to call when it goes.
 * @example const gone = addLiveChart(chart)
 */
export function addLiveChart(chart: LiveChart): () => void {
  live.set(chart, -1);
  return () => live.delete(chart);
}

/**
 * A live chart has drawn the data of the current generation; the pictures are taken again once
 * the page has been idle for a moment (several draws in a row make one picture-taking), and the
 * picture kept for it goes.
 * @example chartDrawn(chart)
 */
export function chartDrawn(chart: LiveChart): void {
  live.set(chart, generation);
  replacePicture(chart.testid);
  scheduleTaking();
}

/**
 * While a banner shows above the page (sample data loaded, an error), no picture is taken: the
 * banner will not be there after a reload, and the charts would be pictured lower than they
 * will draw. When it goes, the charts are pictured where they now are.
 * @example pausePictures(bannerShown)
 */
export function pausePictures(yes: boolean): void {
  if (paused === yes) return;
  paused = yes;
  if (!yes) scheduleTaking();
}

function scheduleTaking(): void {
  clearTimeout(taking);
  taking = setTimeout(() => {
    const take = () => {
      const s = storage();
      // Only the dashboard is kept: a deck or the datasets page reloads into another layout.
      if (!allowed || paused || !s || new URLSearchParams(location.search).has('page')) return;
      // This view's pictures are kept already (a reload draws it again): no work for nothing.
      if (s.getItem(KEPT_FOR_KEY) === pictureKey(circumstances())) return;
      const at = generation;
      const drawn = [...live].filter(([, drawnIn]) => drawnIn === at).map(([chart]) => chart);
      // Loaded when first needed: nothing of it is needed before the first charts.
      void import('./chart-pictures-take').then((m) =>
        m.takePictures(drawn, (text, key) => {
          // The data changed while the pictures were encoded: the next draw takes them again.
          if (at !== generation) return;
          try {
            clearKept(s);
            if (text === undefined) return;
            s.setItem(KEPT_KEY, text);
            s.setItem(KEPT_FOR_KEY, key);
          } catch {
            // Full storage: the next reload draws without a picture, as before.
            clearKept(s);
          }
        }),
      );
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(take, { timeout: 3000 });
    else take();
  }, TAKE_AFTER_MS);
}

function clearKept(s: Storage): void {
  s.removeItem(KEPT_KEY);
  s.removeItem(KEPT_FOR_KEY);
}
