/**
 * Reference lines (`markLine`: a comparison's total, a trend's target, the zero line of changes),
 * loaded on demand: the first chart, the trend of most indicators, draws none, and the marker
 * code with its line drawing is ~5 KB gzip of the first page. The self-contained page takes them
 * statically through CORE_PARTS.
 */
import { MarkLineComponent } from 'echarts/components';

export const MARK_PARTS = [MarkLineComponent];
