/** Messages of reading figures from a report and reviewing them. Same keys in both locales. */
export const reportReview: Record<string, string> = {
};
