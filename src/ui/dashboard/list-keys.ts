/**
 * Where a key moves the focus in a vertical list of `length` options (WAI-ARIA listbox keys):
 * Down/Up one step, stopping at the ends (a listbox does not wrap, unlike tabs), Home/End to the
 * ends, PageDown/PageUp ten steps. Undefined for any other key or an empty list.
 * @example nextIndex('ArrowDown', 2, 5) // 3
 */
export function nextIndex(key: string, index: number, length: number): number | undefined {
  if (length === 0) return undefined;
  const last = length - 1;
  const clamp = (i: number) => Math.max(0, Math.min(last, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(index + 10);
    case 'PageUp':
      return clamp(index - 10);
    default:
      return undefined;
  }
}
