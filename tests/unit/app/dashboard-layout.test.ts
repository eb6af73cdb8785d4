import { describe, expect, it } from 'vitest';
import { defaultLayout, layoutKey, movePanel, normalizeLayout, PANEL_IDS, showPanel } from '../../../src/app/dashboard/layout';

const ids = (l: { panels: { id: string }[] }) => l.panels.map((p) => p.id);

describe('normalizeLayout', () => {
  it.each([
    ['nothing stored', undefined, PANEL_IDS],
    ['not an object', 'kpi,trend', PANEL_IDS],
    ['one panel first', { panels: [{ id: 'table', shown: true }] }, ['table', 'kpi', 'trend', 'comparison', 'ranking', 'multiples']],
    ['unknown and repeated ids dropped', { panels: [{ id: '__proto__' }, { id: 'trend' }, { id: 'trend' }, null] }, ['trend', 'kpi', 'comparison', 'ranking', 'multiples', 'table']],
  ])('%s', (_name, value, expected) => {
    expect(ids(normalizeLayout(value))).toEqual(expected);
  });

  it('keeps hidden panels hidden and fills in default visibility', () => {
    const l = normalizeLayout({ panels: [{ id: 'kpi', shown: false }] });
    expect(l.panels.find((p) => p.id === 'kpi')?.shown).toBe(false);
    expect(l.panels.find((p) => p.id === 'ranking')?.shown).toBe(false);
    expect(l.panels.find((p) => p.id === 'trend')?.shown).toBe(true);
  });

  it('does not mutate its input', () => {
    const input = { panels: [{ id: 'table', shown: false }] };
    const copy = structuredClone(input);
    normalizeLayout(input);
    expect(input).toEqual(copy);
  });
});

describe('movePanel and showPanel', () => {
  it.each([
    ['trend up', 'trend', -1, ['trend', 'kpi', 'comparison']],
    ['kpi up stays', 'kpi', -1, ['kpi', 'trend', 'comparison']],
    ['kpi down', 'kpi', 1, ['trend', 'kpi', 'comparison']],
  ] as const)('%s', (_name, id, delta, first3) => {
    expect(ids(movePanel(defaultLayout(), id, delta)).slice(0, 3)).toEqual(first3);
  });

  it('the last panel cannot move down', () => {
    expect(ids(movePanel(defaultLayout(), 'table', 1))).toEqual(PANEL_IDS);
  });

  it('shows a panel, and neither function mutates its input', () => {
    const l = defaultLayout();
    const copy = structuredClone(l);
    expect(showPanel(l, 'ranking', true).panels.find((p) => p.id === 'ranking')?.shown).toBe(true);
    movePanel(l, 'table', -1);
    expect(l).toEqual(copy);
  });

  it('keys an indicator arrangement by name', () => {
    expect(layoutKey('压采量')).toBe('dashboard.layout:压采量');
  });
});
