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
 * @example sparklinePath([1, null, 3], 100, 20).d // 'M1 19h0M99 1h0'
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
  // Points drawn in the current sub-path; a lone point gets a zero-length segment (`h0`), which a
  // round line cap draws as a dot, so a value between two gaps is not lost.
  let run = 0;
  const endRun = () => {
    if (run === 1) d += 'h0';
    run = 0;
  };
  values.forEach((v, i) => {
    if (v === null) {
      endRun();
      return;
    }
    const x = round(1 + i * step);
    const y = round(max === min ? height / 2 : 1 + (1 - (v - min) / span) * (height - 2));
    d += `${run ? 'L' : 'M'}${x} ${y}`;
    run += 1;
    last = { x, y };
  });
  endRun();
  return { d, last };
}
