/**
 * The overview's arrangement for the chosen indicator: its own saved layout, else the saved
 * default for all indicators, else the built-in default. Changes show at once; saving is explicit.
 */
import * as store from '../../store';
import {
  defaultLayout,
  GLOBAL_LAYOUT_KEY,
  layoutKey,
  movePanel,
  normalizeLayout,
  showPanel,
  type DashboardLayout,
  type PanelId,
} from './layout';

/** Where a layout is saved: for this indicator only, or as everyone's default. */
export type LayoutScope = 'indicator' | 'all';

/** The overview's arrangement as state. */
export class Arrangement {
  layout = $state.raw<DashboardLayout>(defaultLayout());
  scope = $state<LayoutScope>('all');
  private seq = 0;

  /** Read the arrangement that applies to `indicator`; a slower earlier read never wins. */
  async load(indicator: string): Promise<void> {
    const seq = ++this.seq;
    const [own, all] = await Promise.all([
      indicator ? store.getSetting(layoutKey(indicator)) : Promise.resolve(undefined),
      store.getSetting(GLOBAL_LAYOUT_KEY),
    ]);
    if (seq !== this.seq) return;
    this.scope = own !== undefined ? 'indicator' : 'all';
    this.layout = normalizeLayout(own ?? all);
  }

  move(id: PanelId, delta: -1 | 1): void {
    this.layout = movePanel(this.layout, id, delta);
  }

  show(id: PanelId, shown: boolean): void {
    this.layout = showPanel(this.layout, id, shown);
  }

  /** Save under the chosen scope; saving for all indicators drops this indicator's own layout. */
  async save(indicator: string): Promise<void> {
    if (this.scope === 'indicator' && indicator) {
      await store.putSetting(layoutKey(indicator), this.layout);
    } else {
      await store.putSetting(GLOBAL_LAYOUT_KEY, this.layout);
      if (indicator) await store.deleteSetting(layoutKey(indicator));
    }
  }

  reset(): void {
    this.layout = defaultLayout();
  }
}
