/** Messages of publishing to the intranet and of remote Parquet datasets. Same keys in both locales. */
export const publish: Record<string, string> = {
  'issue.parquet_bad_file': '"{name}" is not a whole Parquet file (the PAR1 mark is missing at its start or end); it may be cut short or damaged.',
  'issue.parquet_bad_metadata': 'The Parquet metadata of "{name}" cannot be read or contradicts itself ({detail}); the file may be damaged.',
  'issue.parquet_too_large': '"{name}" has {rows} rows, over the import limit of {max}. Open it in place by address as a remote dataset, or split it by indicator or year first.',
  'issue.parquet_too_big': '"{name}" declares {size} MB once decompressed, over the limit of {max} MB; it was not read.',
  'issue.parquet_codec': '"{name}" is compressed with {codec}; this app reads Snappy or uncompressed Parquet. Choose Snappy when exporting (the default of DuckDB and Spark).',
  'issue.parquet_no_columns': '"{name}" has no plain columns to read (only nested ones: {skipped}).',
  'issue.parquet_bad_data': 'The data pages of "{name}" cannot be decoded ({detail}); the file may be damaged.',
  'issue.parquet_nested_columns': 'Nested columns were not read: {columns}.',
};
