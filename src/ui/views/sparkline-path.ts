/**
 * The SVG path of a table-cell sparkline, computed here so that a ranking of 40 regions does not
 * need 40 chart instances. Gaps stay gaps: a missing value starts a new sub-path.
 */

/** A path and the last point, in a `width` × `height` box. */
export interface SparklineShape {
  d: string;
  last: { x: number; y: number } | undefined;
}

/**
 * Scale values into the box (1 px margin) and join neighbours; `null` breaks the line.
 * @example sparklinePath([1, null, 3], 100, 20).d // 'M1 19M99 1'
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number): SparklineShape {
  const present = values.filter((v): v is number => v !== null);
  if (!present.length) return { d: '', last: undefined };
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2) / (values.length - 1) : 0;
  const round = (v: number) => Math.round(v * 10) / 10;
  let d = '';
  let last: SparklineShape['last'];
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = round(1 + i * step);
    const y = round(max === min ? height / 2 : 1 + (1 - (v - min) / span) * (height - 2));
    d += `${pen ? 'L' : 'M'}${x} ${y}`;
    pen = true;
    last = { x, y };
  });
  return { d, last };
}
