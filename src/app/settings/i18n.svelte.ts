/**
 * The interface language: Chinese by default, English by a switch that is remembered.
 * `<html lang>` follows the choice so that fonts and screen readers pick the right script.
 */
import { getContext, setContext } from 'svelte';
import { loadLocale, translate, type Locale } from '../../domain/messages';

const CONTEXT = Symbol('i18n');
/** localStorage key of the remembered language. */
const LOCALE_KEY = 'dashboard.locale';

/**
 * The remembered language, read before the app mounts so main.ts can load its messages first.
 * @example await loadLocale(savedLocale())
 */
export function savedLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(LOCALE_KEY);
    return saved === 'en' ? 'en' : 'zh';
  } catch {
    // Storage blocked (private mode): fall back to the default for this session.
    return 'zh';
  }
}

/** Holds the locale and translates with it. */
export class I18n {
  locale = $state<Locale>(savedLocale());

  constructor() {
    $effect.root(() => {
      $effect(() => {
        document.documentElement.lang = this.locale === 'zh' ? 'zh-CN' : 'en';
      });
    });
  }

  /** @example i18n.t('import.rows', { n: 3 }) */
  t = (key: string, params?: Record<string, string | number>): string =>
    translate(this.locale, key, params);

  /** Switch language once its messages are here (English loads on first use). */
  async setLocale(locale: Locale): Promise<void> {
    await loadLocale(locale);
    this.locale = locale;
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // Not remembered when storage is blocked; the switch still works for this session.
    }
  }
}

export function provideI18n(): I18n {
  return setContext(CONTEXT, new I18n());
}

export function useI18n(): I18n {
  return getContext<I18n>(CONTEXT);
}
