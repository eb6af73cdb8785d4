/*
 * The first chart's database work, started while the HTML is parsed (issue 20): the database's
 * opening and one read of what the first chart needs, before the app's module scripts have
 * arrived and been evaluated (~100 ms later on a reload, more on a busy machine). It only asks:
 * the app (src/store/early-start.ts) checks the answers and decodes them exactly as its own early
 * read does, and reads everything itself when this did nothing. A classic script of the page's
 * own origin, so the strict CSP (script-src 'self') allows it without an inline hash; `async`
 * in the head, so it runs as soon as it has arrived, blocking neither the parser nor the app
 * (the build serves it as a content-hashed asset: vite.config.ts). ES5: it must parse where the
 * app cannot (browser-check.js says why there).
 *
 * What it leaves on the page: `__dashboardEarly`, { name, indicator, done }, where `done` is a
 * Promise of { db, read } (read undefined when not asked) or of undefined (nothing opened).
 * The names below are the store's (changes.ts, early-read.ts, derived-engine.ts); a unit test
 * keeps them equal.
 */
(function () {
  'use strict';
  var NAME = 'indicator-dashboard';
  var VERSION = 30;
  var DERIVED_SETTING_KEY = 'derivedIndicators';
  var TABLES = ['datasets', 'dictionaries', 'blocks', 'indicators', 'settings'];

  try {
    // The embed page and a published folder never open IndexedDB (main.ts). Below the floor
    // (browser-check.js) the app does not start; an opening that reads and creates nothing is
    // all this leaves there.
    if (!window.indexedDB || !window.Promise || !window.URLSearchParams) return;
    var params = new URLSearchParams(location.search);
    if (params.has('embed') || document.querySelector('meta[name="dashboard-published"]')) return;
    // The indicator a reload's address names (the app writes it there), else the first by name.
    var wanted = params.has('view') ? params.get('ind') || '' : '';
  } catch (e) {
    return;
  }

  var early = { name: NAME, indicator: wanted, done: undefined };
  // On the page's timeline beside the app's own marks (the benchmark's first-chart breakdown).
  var mark = function (name) {
    try {
      performance.mark(name);
    } catch (e) {
      // A browser without user timing reads the same without the marks.
    }
  };
  mark('early:start');
  early.done = new Promise(function (resolve) {
    var request;
    try {
      // No version: the database as it is. Nothing is created here: the app's store does that.
      request = indexedDB.open(NAME);
    } catch (e) {
      return resolve(undefined);
    }
    request.onupgradeneeded = function () {
      if (request.transaction) request.transaction.abort();
    };
    request.onerror = function (event) {
      event.preventDefault();
      resolve(undefined);
    };
    request.onsuccess = function () {
      var db = request.result;
      // Another tab's upgrade must not wait for a connection the app has not taken yet.
      db.onversionchange = function () {
        db.close();
      };
      if (db.version !== VERSION || !TABLES.every(function (t) { return db.objectStoreNames.contains(t); })) {
        return resolve({ db: db, read: undefined });
      }
      readFirst(db, resolve);
    };
  });
  window.__dashboardEarly = early;

  /** One readonly transaction: what says whether the early reads may answer, and the first series' records. */
  function readFirst(db, resolve) {
    var read = { indicator: wanted, pending: 0, derived: undefined, complete: [], dictionaries: {}, blocks: [] };
    var tx;
    try {
      tx = db.transaction(TABLES, 'readonly');
    } catch (e) {
      return resolve({ db: db, read: undefined });
    }
    var datasets = tx.objectStore('datasets').index('status');
    var pending = datasets.count('pending');
    pending.onsuccess = function () {
      read.pending = pending.result;
    };
    var derived = tx.objectStore('settings').get(DERIVED_SETTING_KEY);
    derived.onsuccess = function () {
      read.derived = derived.result;
    };
    var complete = datasets.getAll('complete');
    complete.onsuccess = function () {
      read.complete = complete.result;
      complete.result.forEach(function (d) {
        var dict = tx.objectStore('dictionaries').get(d.id);
        dict.onsuccess = function () {
          read.dictionaries[d.id] = dict.result;
        };
      });
    };
    var blocksOf = function (indicator) {
      read.indicator = indicator;
      var blocks = tx.objectStore('blocks').index('indicator').getAll(indicator);
      blocks.onsuccess = function () {
        read.blocks = blocks.result;
      };
    };
    if (wanted) blocksOf(wanted);
    else {
      var first = tx.objectStore('indicators').getAllKeys(null, 1);
      first.onsuccess = function () {
        if (first.result.length > 0) blocksOf(String(first.result[0]));
      };
    }
    tx.oncomplete = function () {
      mark('early:read');
      resolve({ db: db, read: read });
    };
    tx.onerror = tx.onabort = function () {
      resolve({ db: db, read: undefined });
    };
  }
})();
