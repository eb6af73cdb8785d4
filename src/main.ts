import { mount } from 'svelte';
import { getIndicators, getSeries, openStore, setDerivedEngine } from './store';
import { indicatorToShow, viewInAddress } from './app/dashboard/view-in-address';
import { savedLocale } from './app/settings/i18n.svelte';
import { loadLocale } from './domain/messages';
import { loadPolyfills } from './polyfills';

// On the page's timeline for the benchmark: when the app's own code starts, after the HTML and
// the entry script have arrived (the first chart is timed from navigation and from here).
performance.mark('app:start');
const target = document.getElementById('app')!;
// Built-ins newer than the supported floor arrive first, and only where missing (Chromium 86).
void loadPolyfills().then(start);

function start(): void {
  // `?embed` is the read-only embed page: it draws from its URL fragment and never loads the
  // app, so nothing opens IndexedDB inside someone else's page.
  if (new URLSearchParams(location.search).has('embed')) {
    void import('./standalone/embed-page').then((m) => m.startEmbedPage(target));
    return;
  }
  // A published folder (发布到内网, src/publish) opens read-only from its manifest and never
  // opens IndexedDB; its code loads only there.
  const published = document.querySelector('meta[name="dashboard-published"]')?.getAttribute('content');
  if (published) {
    void import('./ui/publish/start-published').then((m) => m.startPublished(target, published));
    return;
  }
  forgetKeptPictures();
  // Calculated indicators (计算指标) read through the store; their calculations load with the first one read.
  setDerivedEngine(() => import('./app/derived/engine').then((m) => m.derivedEngine));
  readFirstView(location.search);
  // English messages load on demand; a user who chose English gets them before the first paint.
  // `app:code` (the App's chunk evaluated) and `app:mounted` on the timeline: the first chart's
  // breakdown in the benchmark (docs/performance.md, session 12).
  void Promise.all([import('./ui/App.svelte'), loadLocale(savedLocale())]).then(([{ default: App }]) => {
    performance.mark('app:code');
    mount(App, { target });
    performance.mark('app:mounted');
  });
}

/**
 * Open the database and read the values of the view the address names (else of the first
 * indicator) while the app's code loads and compiles (~0.5 s): the app's own open and first load
 * ask the store the same questions and get these answers (store/shared-reads.ts), instead of
 * starting them after it has arrived.
 */
function readFirstView(search: string): void {
  const wanted = viewInAddress(new URLSearchParams(search))?.indicator ?? '';
  const start = performance.now();
  // Early: these reads need no Dexie (store/early-read.ts), which loads after the first chart.
  openStore({ early: true })
    .then(() => {
      performance.measure('store:open', { start });
      // A reload's address names its indicator (the app writes it there): its values are read at
      // once, beside the list that says whether it is still held, not after that list. A name no
      // longer held reads nothing; the indicator shown instead is read below.
      if (wanted) void getSeries({ indicator: wanted }).catch(() => undefined);
      return getIndicators();
    })
    .then((all) => {
      const indicator = indicatorToShow(
        all.map((i) => i.name),
        wanted,
      );
      return indicator ? getSeries({ indicator }) : undefined;
    })
    // The app opens and reads again, and says why, if this failed.
    .catch(() => undefined);
}

/**
 * Builds before this one kept pictures of the charts in localStorage (up to four WebP images) to
 * show while a reload drew; the live chart is what counts now, and their space is given back.
 */
function forgetKeptPictures(): void {
  try {
    localStorage.removeItem('dashboard.chartPictures');
    localStorage.removeItem('dashboard.chartPictures.key');
  } catch {
    // Storage refused (private mode, a policy): there is nothing kept either.
  }
}
