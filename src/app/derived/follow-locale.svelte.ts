/**
 * A calculated indicator's definition (计算指标：地区生产总值 ÷ 常住人口…) is worded when the
 * indicator list is read (the engine words it in the chosen language). After a switch of language
 * the list is read again, so every chart, KPI card and ranking says it in the new language without
 * a reload (#25). A workspace without calculated indicators reads nothing more.
 */
import { untrack } from 'svelte';
import type { I18n } from '../settings/i18n.svelte';
import type { Workspace } from '../workspace.svelte';

/**
 * Read the indicator list again after each switch of language, when it holds a calculated one.
 * Call once, in the component that provides both (App).
 * @example followLocale(i18n, ws)
 */
export function followLocale(i18n: I18n, ws: Workspace): void {
  let worded = i18n.locale;
  $effect(() => {
    const locale = i18n.locale;
    if (locale === worded) return;
    worded = locale;
    // Not tracked: a new indicator list must not run this again.
    if (untrack(() => ws.indicators.some((i) => i.definition))) void ws.refresh('indicators');
  });
}
