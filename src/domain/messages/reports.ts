/** Messages of the reports screens. Same keys in both locales. */
export const reports = {
  zh: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
