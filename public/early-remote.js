/*
 * A remote dataset's first requests, started while the HTML is parsed (issue 26): the manifest
 * of `?remote=<address>` (or of a published folder's page) and, when the address names an
 * indicator (`ind=`), the footers of that indicator's files. The app's reader asks for the
 * same bytes once its modules have arrived and the workspace has opened (~0.5 s later); it takes
 * these answers instead (src/remote/early-remote.ts), checks them as its own, and asks again
 * for anything that failed or was not asked here. Same origin only (what the page's CSP allows
 * without a check), so every refusal and error is still the app's to say. ES5, classic, async in
 * the head, served as a content-hashed asset (vite.config.ts), like early-open.js.
 *
 * What it leaves on the page: `__dashboardEarlyRemote`, { manifest: { url, answer }, ranges: [{
 * url, start, end, answer }] }, each `answer` a Promise of a Response (rejected on a network error).
 */
(function () {
  'use strict';
  // The footer's size the reader asks first (remote-dataset.ts: parquetMetadataAsync's initialFetchSize).
  var FOOTER = 16 * 1024;
  // Footers of at most this many files are asked: an indicator spread over more is left to the app.
  var MAX_FILES = 8;

  var early;
  try {
    if (!window.fetch || !window.Promise || !window.URLSearchParams || !window.URL) return;
    var params = new URLSearchParams(location.search);
    if (params.has('embed')) return;
    var meta = document.querySelector('meta[name="dashboard-published"]');
    var path = (meta && meta.getAttribute('content')) || params.get('remote') || '';
    if (path === '') return;
    var address = new URL(path, location.href);
    if (address.origin !== location.origin) return;
    var indicator = params.get('ind') || '';
    var manifestUrl = address.href;
    var base = manifestUrl.slice(0, manifestUrl.lastIndexOf('/') + 1);
    early = { manifest: { url: manifestUrl, answer: fetch(manifestUrl, { cache: 'no-cache' }) }, ranges: [] };
    window.__dashboardEarlyRemote = early;
  } catch (e) {
    return;
  }

  if (indicator === '') return;
  // The footers need the manifest's file list: read from a clone, so the app reads the body too.
  early.manifest.answer
    .then(function (res) {
      return res.ok ? res.clone().json() : undefined;
    })
    .then(function (manifest) {
      var files = footerFiles(manifest, indicator);
      for (var i = 0; i < files.length; i++) {
        var url = base + files[i].path;
        var start = Math.max(0, files[i].bytes - FOOTER);
        var end = files[i].bytes;
        early.ranges.push({
          url: url,
          start: start,
          end: end,
          answer: fetch(url, { headers: { Range: 'bytes=' + start + '-' + (end - 1) } }),
        });
      }
    })
    .catch(function () {
      // Nothing more asked: the app asks for what it needs.
    });

  /** The files that hold `name` by the manifest's own list, with their sizes; none when unsure. */
  function footerFiles(manifest, name) {
    var out = [];
    var datasets = manifest && manifest.datasets;
    if (!Array.isArray(datasets)) return out;
    for (var d = 0; d < datasets.length; d++) {
      var files = datasets[d] && datasets[d].files;
      if (!Array.isArray(files)) continue;
      for (var f = 0; f < files.length; f++) {
        var file = files[f];
        var listed = file && Array.isArray(file.indicators) && file.indicators.indexOf(name) >= 0;
        var sized = file && typeof file.bytes === 'number' && file.bytes > 0 && file.bytes % 1 === 0;
        if (listed && sized && typeof file.path === 'string' && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(file.path)) out.push(file);
      }
    }
    return out.length <= MAX_FILES ? out : [];
  }
})();
