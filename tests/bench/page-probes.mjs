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
  b.reset = () => { b.longtasks.length = 0; b.fileChosen = 0; b.confirmSeen = 0; b.doneSeen = 0; b.tConfirm = 0; b.firstProgress = 0; };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  document.addEventListener('change', (e) => {
    if (e.target && e.target.dataset && e.target.dataset.testid === 'file-input') b.fileChosen = performance.now();
  }, true);
  // When the progress bar first moves after the file is chosen (polled: a cheap read every 20 ms).
  setInterval(() => {
    if (!b.fileChosen || b.firstProgress) return;
    const bar = document.querySelector('[data-testid="import-progress"] progress');
    if (bar && bar.value > 0) b.firstProgress = performance.now();
  }, 20);
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
 * The floor, run by page.evaluate: fetch the file (not timed), then, piece by piece as a large
 * file must be read, decode it with one streaming TextDecoder, parse it with the fastest CSV
 * parser there is as a library (uDSV, `window.uDSV`), dictionary-encode regions, indicators and
 * periods into typed arrays of 50,000 values per block, and write the blocks with one Dexie
 * `bulkPut` into a scratch database. Each phase's time is summed over the pieces. With
 * `compare`, PapaParse (`Papa.parse`) and d3-dsv (`d3.csvParseRows`) parse the same pieces too,
 * each timed apart and not part of the floor.
 */
export async function floorInPage({ url, encoding, layout, dexie, compare }) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const { default: Dexie } = await import(dexie);
  const ms = { decode: 0, parse: 0, build: 0, write: 0 };
  const time = (name, work) => {
    const t = performance.now();
    const out = work();
    ms[name] += performance.now() - t;
    return out;
  };
  const papa = { ms: 0 };
  const d3 = { ms: 0 };

  const BLOCK = 50_000;
  const dict = new Map();
  const code = (s) => {
    let c = dict.get(s);
    if (c === undefined) dict.set(s, (c = dict.size));
    return c;
  };
  let header;
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
  const build = (rows) => {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (row.length < 2) continue;
      const region = code(row[layout.region]);
      const indicator = code(row[layout.indicator]);
      if (layout.period >= 0) push(region, indicator, code(row[layout.period]), Number(row[layout.values]));
      else for (let c = layout.values; c < row.length; c++) push(region, indicator, code(header[c]), Number(row[c]));
    }
  };

  // The header row is parsed with the first piece; later pieces are parsed with no header.
  let body;
  const parsePiece = (text) => {
    if (!body) {
      const schema = window.uDSV.inferSchema(text);
      header = schema.cols.map((c) => c.name);
      body = window.uDSV.initParser({ ...schema, skip: 0 });
      return window.uDSV.initParser(schema).stringArrs(text);
    }
    return body.stringArrs(text);
  };
  const piece = (text) => {
    if (compare) {
      const t = performance.now();
      window.Papa.parse(text, { header: false, skipEmptyLines: true });
      papa.ms += performance.now() - t;
      const u = performance.now();
      window.d3.csvParseRows(text);
      d3.ms += performance.now() - u;
    }
    const rows = time('parse', () => parsePiece(text));
    time('build', () => build(rows));
  };

  const decoder = new TextDecoder(encoding);
  let pending = '';
  for (let at = 0; at < bytes.length; at += 1 << 20) {
    pending += time('decode', () => decoder.decode(bytes.subarray(at, at + (1 << 20)), { stream: true }));
    // Pieces of about 8 MB of text, cut after a line (the generated files have no quotes).
    if (pending.length < 8 << 20) continue;
    const cut = pending.lastIndexOf('\n') + 1;
    piece(pending.slice(0, cut));
    pending = pending.slice(cut);
  }
  pending += time('decode', () => decoder.decode());
  if (pending.length > 0) piece(pending);
  const records = time('build', () => blocks.map((b) => ({ ds: b.ds, seq: b.seq, count: b.n, region: b.region.subarray(0, b.n), indicator: b.indicator.subarray(0, b.n), period: b.period.subarray(0, b.n), value: b.value.subarray(0, b.n) })));
  const values = records.reduce((n, b) => n + b.count, 0);

  const db = new Dexie(`bench-floor-${Date.now()}`);
  db.version(1).stores({ blocks: '[ds+seq]', dictionaries: 'ds' });
  await db.open();
  const t = performance.now();
  await db.transaction('rw', db.blocks, db.dictionaries, async () => {
    await db.blocks.bulkPut(records);
    await db.dictionaries.put({ ds: 'floor', strings: [...dict.keys()] });
  });
  ms.write = performance.now() - t;
  await db.delete();
  return {
    ...ms,
    parser: 'udsv',
    parsers: { udsv: ms.parse, papaparse: compare ? papa.ms : null, d3_dsv: compare ? d3.ms : null },
    values,
    total: ms.decode + ms.parse + ms.build + ms.write,
  };
}
