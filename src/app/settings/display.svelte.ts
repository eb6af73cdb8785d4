/**
 * How things look: light or dark, and which colour means good. A typed context so that charts,
 * cards and slides read it without props threaded through the tree.
 *
 * The theme follows the system's light or dark setting (`prefers-color-scheme`, also when it
 * changes while the page is open) until the user chooses one; choosing 跟随系统 goes back to that.
 */
import { getContext, setContext } from 'svelte';
import { dark, light, withConvention, type ChartTheme, type ColourConvention } from '../../charts/theme';

const CONTEXT = Symbol('display');
/** localStorage keys of the remembered choices. */
const THEME_KEY = 'dashboard.theme';
const COLOURS_KEY = 'dashboard.colours';

export type ThemeName = 'light' | 'dark';
/** What the user chose: a theme, or to follow the system. */
export type ThemeChoice = ThemeName | 'system';

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

/** The system's preference, or undefined where the browser cannot say (no matchMedia). */
function systemQuery(): MediaQueryList | undefined {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
}

export class Display {
  themeChoice = $state<ThemeChoice>(remembered(THEME_KEY, ['system', 'light', 'dark'], 'system'));
  colours = $state<ColourConvention>(remembered(COLOURS_KEY, ['good-green', 'rise-red'], 'good-green'));
  /** Whether the system asks for dark, kept current by the media query's change event. */
  private systemDark = $state(systemQuery()?.matches ?? false);
  readonly theme: ThemeName;
  readonly chartTheme: ChartTheme;

  constructor() {
    this.theme = $derived(this.themeChoice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.themeChoice);
    this.chartTheme = $derived(withConvention(this.theme === 'dark' ? dark : light, this.colours));
    // addEventListener on MediaQueryList is Chromium 45+: within the floor.
    systemQuery()?.addEventListener('change', (e) => (this.systemDark = e.matches));
    $effect.root(() => {
      $effect(() => {
        document.documentElement.dataset.theme = this.theme;
      });
    });
  }

  setTheme(choice: ThemeChoice): void {
    this.themeChoice = choice;
    remember(THEME_KEY, choice);
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
