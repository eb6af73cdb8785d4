/** Messages of the briefing screens. Same keys in both locales. */
export const briefing = {
  zh: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
