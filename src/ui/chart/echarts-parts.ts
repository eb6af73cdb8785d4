/**
 * The ECharts parts every chart kind in src/charts draws with, shared by the app's runtime
 * (echarts-setup.ts) and the self-contained page's (src/standalone/echarts-runtime.ts), so the
 * two cannot drift apart. Importing this file registers nothing. The app registers the start
 * parts at once and the marks and detail parts on demand; the self-contained page takes all of them.
 */
import { START_PARTS } from './echarts-parts-start';
import { MARK_PARTS } from './echarts-parts-marks';
import { DETAIL_PARTS } from './echarts-parts-detail';

export const CORE_PARTS = [...START_PARTS, ...MARK_PARTS, ...DETAIL_PARTS];
