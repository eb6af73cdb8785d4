/**
 * The overview's arrangement: which panels it shows and in what order. Stored with
 * `store.putSetting` per indicator or for all indicators; anything unreadable in a stored value
 * falls back to the default rather than breaking the page.
 */

/** The panels the overview can show. */
export type PanelId = 'kpi' | 'trend' | 'comparison' | 'ranking' | 'multiples' | 'table';

/** Every panel, in the default order. */
export const PANEL_IDS: readonly PanelId[] = ['kpi', 'trend', 'comparison', 'ranking', 'multiples', 'table'];

/** One panel's place in the overview. */
export interface LayoutPanel {
  id: PanelId;
  shown: boolean;
}

/**
 * The overview's panels in order.
 * @example { panels: [{ id: 'kpi', shown: true }, { id: 'trend', shown: true }] }
 */
export interface DashboardLayout {
  panels: LayoutPanel[];
}

/** Shown by default: the overview as it was before arrangements existed (KPI cards added). */
const SHOWN_BY_DEFAULT: ReadonlySet<PanelId> = new Set(['kpi', 'trend', 'comparison', 'table']);

/**
 * The arrangement a new user sees.
 * @example defaultLayout().panels[0] // { id: 'kpi', shown: true }
 */
export function defaultLayout(): DashboardLayout {
  return { panels: PANEL_IDS.map((id) => ({ id, shown: SHOWN_BY_DEFAULT.has(id) })) };
}

function isPanelId(v: unknown): v is PanelId {
  return typeof v === 'string' && (PANEL_IDS as readonly string[]).includes(v);
}

/**
 * Read a stored arrangement defensively: unknown or repeated panels are dropped, panels the value
 * does not mention are appended in default order with their default visibility.
 * @example normalizeLayout({ panels: [{ id: 'table', shown: true }] }).panels[0].id // 'table'
 */
export function normalizeLayout(value: unknown): DashboardLayout {
  const raw = value && typeof value === 'object' && Array.isArray((value as { panels?: unknown }).panels)
    ? ((value as { panels: unknown[] }).panels)
    : [];
  const seen = new Set<PanelId>();
  const panels: LayoutPanel[] = [];
  for (const p of raw) {
    if (!p || typeof p !== 'object') continue;
    const id = (p as { id?: unknown }).id;
    if (!isPanelId(id) || seen.has(id)) continue;
    seen.add(id);
    panels.push({ id, shown: (p as { shown?: unknown }).shown !== false });
  }
  for (const d of defaultLayout().panels) if (!seen.has(d.id)) panels.push(d);
  return { panels };
}

/**
 * Move a panel up (−1) or down (+1); at either end nothing changes.
 * @example movePanel(defaultLayout(), 'trend', -1).panels[0].id // 'trend'
 */
export function movePanel(layout: DashboardLayout, id: PanelId, delta: -1 | 1): DashboardLayout {
  const panels = [...layout.panels];
  const i = panels.findIndex((p) => p.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= panels.length) return { panels };
  [panels[i], panels[j]] = [panels[j], panels[i]];
  return { panels };
}

/**
 * Show or hide a panel.
 * @example showPanel(defaultLayout(), 'ranking', true).panels[3].shown // true
 */
export function showPanel(layout: DashboardLayout, id: PanelId, shown: boolean): DashboardLayout {
  return { panels: layout.panels.map((p) => (p.id === id ? { ...p, shown } : p)) };
}

/** The setting every indicator without its own arrangement uses. */
export const GLOBAL_LAYOUT_KEY = 'dashboard.layout';

/**
 * The setting key of an indicator's own arrangement.
 * @example layoutKey('压采量') // 'dashboard.layout:压采量'
 */
export function layoutKey(indicator: string): string {
  return `${GLOBAL_LAYOUT_KEY}:${indicator}`;
}
