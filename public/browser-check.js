/*
 * Runs before the app, as a classic script in ES5, so that it also runs where the app cannot:
 * an old Chromium kernel, the IE kernel of 360's 兼容模式, or index.html opened by a double
 * click (file://, where browsers refuse module scripts). Where the app cannot start, the page
 * says why and what to do in one sentence, instead of staying white. Text only: nothing here
 * is ever written as HTML.
 *
 * The floor is Chromium 86 (package.json's browserslist). String.prototype.replaceAll and
 * Promise.any arrived in Chromium 85, a version after `?.` and `??` (80), so their presence says
 * the app's syntax will parse; IndexedDB, ResizeObserver and TextDecoder are what it uses.
 */
(function () {
  'use strict';
  var ua = navigator.userAgent || '';

  function detected() {
    var chrome = /Chrome\/(\d+)/.exec(ua);
    if (/Trident|MSIE/.test(ua)) return 'IE 内核（兼容模式）';
    if (chrome) return 'Chromium ' + chrome[1] + ' 内核';
    return ua.slice(0, 160);
  }

  function say(lines, stopApp) {
    var app = document.getElementById('app');
    // Without its mount point the app, if its script still runs, cannot draw over this page.
    if (stopApp && app && app.parentNode) app.parentNode.removeChild(app);
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'browser-check');
    box.style.cssText =
      'max-width:760px;margin:48px auto;padding:24px 28px;border:2px solid #c0392b;border-radius:8px;' +
      'font:18px/1.7 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;color:#222;background:#fff';
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement('p');
      p.style.margin = i === 0 ? '0 0 12px' : '0';
      if (i === 0) p.style.fontWeight = 'bold';
      p.appendChild(document.createTextNode(lines[i]));
      box.appendChild(p);
    }
    document.body.appendChild(box);
  }

  var missing = [];
  if (typeof Promise === 'undefined' || typeof Promise.any !== 'function') missing.push('Promise.any');
  if (typeof String.prototype.replaceAll !== 'function') missing.push('String.replaceAll');
  if (!('noModule' in document.createElement('script'))) missing.push('ES modules');
  if (typeof window.ResizeObserver !== 'function') missing.push('ResizeObserver');
  if (typeof window.TextDecoder !== 'function') missing.push('TextDecoder');
  if (!window.indexedDB) missing.push('IndexedDB');

  if (location.protocol === 'file:') {
    say([
      '请通过网址打开本系统，不能直接双击 index.html 打开。',
      '浏览器不允许从本地文件运行本系统的脚本。请把 dist 文件夹放到内网 Web 服务器（如 nginx、IIS）上，再用浏览器访问其网址；单机使用可在本文件夹运行 npx vite preview。',
    ], true);
    return;
  }
  if (missing.length > 0) {
    say([
      '当前浏览器版本过旧，无法运行本系统：需要 Chromium 86 或更新的浏览器内核。',
      '360 安全浏览器请点击地址栏右侧的闪电/e 图标，切换到“极速模式”；也可以使用奇安信可信浏览器、新版 Chrome 或 Edge。',
      '检测到：' + detected() + '；缺少：' + missing.join('、') + '。',
    ], true);
    return;
  }

  // The app starts: an error that leaves it with nothing drawn a few seconds later leaves no
  // white page either. An error it recovers from (it draws anyway) says nothing.
  var firstError;
  function failed(message) {
    if (firstError !== undefined) return;
    firstError = String(message).slice(0, 300);
    setTimeout(function () {
      var app = document.getElementById('app');
      if (!app || app.childNodes.length > 0) return;
      say([
        '页面未能打开：本系统启动时出错。',
        '请刷新页面重试；若仍不行，请换用新版 Chrome、Edge，或 360 安全浏览器的“极速模式”，并把下面的信息告诉技术支持。',
        '检测到：' + detected() + '；错误：' + firstError,
      ], false);
    }, 3000);
  }
  window.addEventListener('error', function (e) {
    failed(e.message || (e.target && e.target.src ? '无法载入 ' + e.target.src : 'error'));
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    failed(e.reason && e.reason.message ? e.reason.message : e.reason);
  });
})();
