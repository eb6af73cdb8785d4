/** A remote, read-only dataset read in place (a Parquet file or folder served by the intranet). */
export interface RemoteSourceRecord {
  id: string;
  url: string;
  name: string;
  addedAt: string;
}
