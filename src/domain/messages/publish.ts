/** Messages of publishing to the intranet and of remote Parquet datasets. Same keys in both locales. */
export const publish: Record<string, string> = {
  'issue.parquet_bad_file': '“{name}”不是完整的 Parquet 文件（开头或结尾缺少 PAR1 标记），可能未下载完整或已损坏。',
  'issue.parquet_bad_metadata': '“{name}”的 Parquet 元数据无法读取或自相矛盾（{detail}），文件可能已损坏。',
  'issue.parquet_too_large': '“{name}”有 {rows} 行，超过导入上限 {max} 行。请按地址以“远程数据集”方式在原处打开，或先按指标或年份拆分。',
  'issue.parquet_too_big': '“{name}”声明解压后有 {size} MB，超过上限 {max} MB，未读取。',
  'issue.parquet_codec': '“{name}”使用 {codec} 压缩，本应用只读取 Snappy 或未压缩的 Parquet。请导出时选择 Snappy（DuckDB、Spark 的默认）。',
  'issue.parquet_no_columns': '“{name}”没有可读取的普通列（只有嵌套列：{skipped}）。',
  'issue.parquet_bad_data': '“{name}”的数据页无法解码（{detail}），文件可能已损坏。',
  'issue.parquet_nested_columns': '嵌套列未读取：{columns}。',
};
