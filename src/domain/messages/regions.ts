/** Messages of the administrative divisions: matching, the picker hierarchy, roll-ups. Same keys in both locales. */
export const regions: Record<string, string> = {
};
