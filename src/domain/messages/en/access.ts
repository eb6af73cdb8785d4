/** Messages of accessibility, watermarks and the other analyst options. Same keys in both locales. */
export const access: Record<string, string> = {
};
