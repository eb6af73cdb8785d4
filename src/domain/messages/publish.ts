/** Messages of publishing to the intranet and of remote Parquet datasets. Same keys in both locales. */
export const publish: Record<string, string> = {
};
