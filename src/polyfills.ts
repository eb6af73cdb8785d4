/**
 * The built-ins that the app or its libraries call and that arrived after the supported floor
 * (Chromium 86, see package.json's browserslist), loaded only in a browser that lacks them:
 * modern browsers fetch nothing more. Svelte's snapshots and the in-memory store fallback
 * (fake-indexeddb) call structuredClone, Object.hasOwn and findLast; our own code avoids them
 * (the lint says so). core-js modules, one per built-in, not the whole of core-js.
 * @example await loadPolyfills() // then Array.prototype.at exists, in Chromium 86 too
 */
export function loadPolyfills(): Promise<unknown> {
  const loads: Promise<unknown>[] = [];
  // `in` rather than a typed access: the types say these always exist, which is the point.
  if (!('at' in Array.prototype)) loads.push(import('core-js/modules/es.array.at.js'));
  if (!('at' in String.prototype)) loads.push(import('core-js/modules/es.string.at-alternative.js'));
  if (!('at' in Uint8Array.prototype)) loads.push(import('core-js/modules/es.typed-array.at.js'));
  if (!('findLast' in Array.prototype)) {
    loads.push(import('core-js/modules/es.array.find-last.js'), import('core-js/modules/es.array.find-last-index.js'));
  }
  if (!('hasOwn' in Object)) loads.push(import('core-js/modules/es.object.has-own.js'));
  if (!('structuredClone' in globalThis)) loads.push(import('core-js/modules/web.structured-clone.js'));
  return Promise.all(loads);
}
