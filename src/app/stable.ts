/**
 * Derived values that keep their identity while their content is the same. Svelte compares a
 * derived value by identity, so a filter that rebuilds `['道里区', '南岗区']` or a spec object on
 * every change of the address would redraw every chart; wrapped in `stable`, it redraws nothing.
 */

/** Equality of plain data: primitives, arrays and plain objects, compared by content. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameData(x, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * Wrap a computation for `$derived.by`: it returns the previous result when the new one has the
 * same content. For small values (names, specs), not for thousands of observations.
 * @example const regions = $derived.by(stable(() => explorer.spec.regions ?? []))
 */
export function stable<T>(compute: () => T): () => T {
  let last: { value: T } | undefined;
  return () => {
    const next = compute();
    if (last && sameData(last.value, next)) return last.value;
    last = { value: next };
    return next;
  };
}
