/** Messages of the store stage. Same keys in both locales. */
export const store = {
  zh: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
