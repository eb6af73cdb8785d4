/** A remote, read-only dataset read in place (a Parquet file or folder served by the intranet). */
export interface RemoteSourceRecord {
  id: string;
  url: string;
  name: string;
  addedAt: string;
  /**
   * For a single Parquet file opened by address (no manifest): the user's mapping of its
   * columns (region, period, value, and indicator, unit, regionCode when present), and the
   * indicator's name when the file has no indicator column.
   */
  columns?: { region: string; period: string; value: string; indicator?: string; unit?: string; regionCode?: string };
  indicator?: string;
}
