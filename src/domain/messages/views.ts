/** Messages of the views screens. Same keys in both locales. */
export const views = {
  zh: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
