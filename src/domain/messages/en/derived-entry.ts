/** The indicator list's words of calculated indicators, in English (see ../derived-entry.ts). */
export const derivedEntry: Record<string, string> = {
  'derived.entry.new': "New calculated indicator…",
  'derived.entry.marker': "calc",
  'derived.entry.markerTitle': "Calculated indicator: computed from other indicators",
};
