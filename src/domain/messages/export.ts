/** Messages of the export stage. Same keys in both locales. */
export const exporting = {
  zh: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
