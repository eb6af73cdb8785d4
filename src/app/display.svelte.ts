/**
 * How things look: light or dark, and which colour means good. A typed context so that charts,
 * cards and slides read it without props threaded through the tree.
 */
import { getContext, setContext } from 'svelte';
import { dark, light, withConvention, type ChartTheme, type ColourConvention } from '../charts/theme';

const CONTEXT = Symbol('display');
/** localStorage keys of the remembered choices. */
const THEME_KEY = 'dashboard.theme';
const COLOURS_KEY = 'dashboard.colours';

export type ThemeName = 'light' | 'dark';

function remembered<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const v = localStorage.getItem(key);
    return allowed.includes(v as T) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Blocked storage: the choice holds for this session only.
  }
}

export class Display {
  theme = $state<ThemeName>(remembered(THEME_KEY, ['light', 'dark'], 'light'));
  colours = $state<ColourConvention>(remembered(COLOURS_KEY, ['good-green', 'rise-red'], 'good-green'));
  readonly chartTheme: ChartTheme;

  constructor() {
    this.chartTheme = $derived(withConvention(this.theme === 'dark' ? dark : light, this.colours));
    $effect.root(() => {
      $effect(() => {
        document.documentElement.dataset.theme = this.theme;
      });
    });
  }

  setTheme(theme: ThemeName): void {
    this.theme = theme;
    remember(THEME_KEY, theme);
  }

  setColours(colours: ColourConvention): void {
    this.colours = colours;
    remember(COLOURS_KEY, colours);
  }
}

export function provideDisplay(): Display {
  return setContext(CONTEXT, new Display());
}

export function useDisplay(): Display {
  return getContext<Display>(CONTEXT);
}
