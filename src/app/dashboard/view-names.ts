/**
 * Saved views are chosen by name (the view list, the slide picker): two views with one name cannot
 * be told apart there, so a name already used is said before saving, and a free one offered.
 */

/** Names compare as a person reads them: spaces around them and full-width forms do not count. */
function key(name: string): string {
  return name.normalize('NFKC').trim();
}

/**
 * The saved view already named `name`, if any.
 * @example viewNamed('道里区汇报 ', [{ id: 'v1', name: '道里区汇报' }])?.id // 'v1'
 */
export function viewNamed<T extends { name: string }>(name: string, views: readonly T[]): T | undefined {
  const wanted = key(name);
  return views.find((v) => key(v.name) === wanted);
}

/**
 * `name` with the first number in brackets that no view has yet: 道里区汇报（2）, （3）…
 * @example freeName('道里区汇报', ['道里区汇报', '道里区汇报（2）']) // '道里区汇报（3）'
 */
export function freeName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map(key));
  const base = name.trim();
  if (!used.has(key(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}（${n}）`;
    if (!used.has(key(candidate))) return candidate;
  }
}
