/** What the view models are made of; every destination renders these and decides nothing. */
import type { EChartsOption } from 'echarts';

/** One chart ready to draw, or the sentences saying why it cannot be drawn. */
export type DrawnChart =
  | { ok: true; heading: string; option: EChartsOption }
  | { ok: false; heading: string; reasons: string[] };
