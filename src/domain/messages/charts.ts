/** Messages of the charts stage. Same keys in both locales. */
export const charts = {
  zh: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
