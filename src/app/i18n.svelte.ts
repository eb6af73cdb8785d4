/**
 * The interface language: Chinese by default, English by a switch that is remembered.
 * `<html lang>` follows the choice so that fonts and screen readers pick the right script.
 */
import { getContext, setContext } from 'svelte';
import { translate, type Locale } from '../domain/messages';

const STORAGE_KEY = 'dashboard.locale';
const CONTEXT = Symbol('i18n');

function readSaved(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return saved === 'en' ? 'en' : 'zh';
  } catch {
    // Storage blocked (private mode): fall back to the default for this session.
    return 'zh';
  }
}

/** Holds the locale and translates with it. */
export class I18n {
  locale = $state<Locale>(readSaved());

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

  setLocale(locale: Locale): void {
    this.locale = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
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
