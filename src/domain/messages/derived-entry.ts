/**
 * The words the indicator list shows of calculated indicators on the first page (its marker and
 * the dialog's button); the rest of their messages load with the dialog (derived.ts). Same keys
 * in both locales.
 */
export const derivedEntry: Record<string, string> = {
  'derived.entry.new': "新建计算指标…",
  'derived.entry.marker': "计算",
  'derived.entry.markerTitle': "计算指标：由其他指标计算得出",
};
