/**
 * Code the benchmark runs inside the page: the init script that records long tasks, chart draws
 * and wizard steps, and the floor measurement.
 */

/**
 * Installed before the app's own scripts (addInitScript). Long tasks come from the Long Tasks API;
 * draws from `data-drawn` changing on the app's EChart elements; wizard steps from the confirm and
 * done elements appearing.
 */
export const INIT_SCRIPT = `(() => {
  const b = { longtasks: [], draws: [], fileChosen: 0, confirmSeen: 0, doneSeen: 0, tConfirm: 0 };
  b.reset = () => { b.longtasks.length = 0; b.fileChosen = 0; b.confirmSeen = 0; b.doneSeen = 0; b.tConfirm = 0; };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  document.addEventListener('change', (e) => {
    if (e.target && e.target.dataset && e.target.dataset.testid === 'file-input') b.fileChosen = performance.now();
  }, true);
  new MutationObserver((records) => {
    const now = performance.now();
    let children = false;
    for (const m of records) {
      if (m.type === 'attributes') b.draws.push({ id: m.target.dataset.testid, n: Number(m.target.getAttribute('data-drawn')), t: now });
      else children = true;
    }
    if (!children || !b.fileChosen) return;
    if (!b.confirmSeen) {
      const c = document.querySelector('[data-testid="import-confirm"]');
      if (c && !c.disabled) b.confirmSeen = now;
    }
    if (!b.doneSeen && document.querySelector('[data-testid="import-done"]')) b.doneSeen = now;
  }).observe(document, { attributes: true, attributeFilter: ['data-drawn'], childList: true, subtree: true });
})();`;

/**
 * The floor, run by page.evaluate: fetch the file (not timed), decode it with one streaming
 * TextDecoder, parse it with PapaParse, dictionary-encode regions/indicators/periods into typed
 * arrays of 50,000 values per block, and bulkPut the blocks into a scratch Dexie database.
 */
export async function floorInPage({ url, encoding, layout, dexie }) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const { default: Dexie } = await import(dexie);
  const ms = {};
  let t = performance.now();
  const lap = (name) => {
    const now = performance.now();
    ms[name] = now - t;
    t = now;
  };

  const decoder = new TextDecoder(encoding);
  const parts = [];
  for (let at = 0; at < bytes.length; at += 1 << 20) parts.push(decoder.decode(bytes.subarray(at, at + (1 << 20)), { stream: true }));
  parts.push(decoder.decode());
  const text = parts.join('');
  lap('decode');

  const rows = window.Papa.parse(text, { header: false, skipEmptyLines: true }).data;
  lap('parse');

  const BLOCK = 50_000;
  const dict = new Map();
  const code = (s) => {
    let c = dict.get(s);
    if (c === undefined) dict.set(s, (c = dict.size));
    return c;
  };
  const header = rows[0];
  const blocks = [];
  let block = null;
  const push = (region, indicator, period, value) => {
    if (!block || block.n === BLOCK) {
      block = { ds: 'floor', seq: blocks.length, n: 0, region: new Int32Array(BLOCK), indicator: new Int32Array(BLOCK), period: new Int32Array(BLOCK), value: new Float64Array(BLOCK) };
      blocks.push(block);
    }
    const i = block.n++;
    block.region[i] = region;
    block.indicator[i] = indicator;
    block.period[i] = period;
    block.value[i] = value;
  };
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const region = code(row[layout.region]);
    const indicator = code(row[layout.indicator]);
    if (layout.period >= 0) push(region, indicator, code(row[layout.period]), Number(row[layout.values]));
    else for (let c = layout.values; c < row.length; c++) push(region, indicator, code(header[c]), Number(row[c]));
  }
  const records = blocks.map((b) => ({ ds: b.ds, seq: b.seq, count: b.n, region: b.region.subarray(0, b.n), indicator: b.indicator.subarray(0, b.n), period: b.period.subarray(0, b.n), value: b.value.subarray(0, b.n) }));
  const values = records.reduce((n, b) => n + b.count, 0);
  lap('build');

  const db = new Dexie(`bench-floor-${Date.now()}`);
  db.version(1).stores({ blocks: '[ds+seq]', dictionaries: 'ds' });
  await db.open();
  t = performance.now();
  await db.transaction('rw', db.blocks, db.dictionaries, async () => {
    await db.blocks.bulkPut(records);
    await db.dictionaries.put({ ds: 'floor', strings: [...dict.keys()] });
  });
  lap('write');
  await db.delete();
  return { ...ms, values, total: ms.decode + ms.parse + ms.build + ms.write };
}
