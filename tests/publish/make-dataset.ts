/**
 * A partitioned Parquet dataset written by a real engine (DuckDB, @duckdb/node-api): one file per
 * indicator (long form: 指标, 地区, 代码, 时期, 数值, 单位), and the manifest that lists them, their
 * sizes, indicators and regions. Values are a deterministic function of (indicator, region,
 * month), so a run is reproducible; `groupBy` asks DuckDB for the answers the views must match.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DatasetShape {
  indicators: number;
  regions: number;
  months: number;
  /** Rows per row group (DuckDB's default is 122,880). */
  rowGroup?: number;
}

export interface MadeDataset {
  dir: string;
  manifestPath: string;
  values: number;
  bytes: number;
  indicatorNames: string[];
  con: DuckDBConnection;
  /** What DuckDB reads every value from (the dataset's files), for GROUP BY answers. */
  table: string;
}

export const indicatorName = (i: number): string => `指标${String(i + 1).padStart(2, '0')}`;

/**
 * Write the dataset under `dir` (its manifest at dir/manifest.json).
 * @example const made = await makeDataset('/tmp/ds', { indicators: 3, regions: 30, months: 12 })
 */
export async function makeDataset(dir: string, shape: DatasetShape): Promise<MadeDataset> {
  mkdirSync(join(dir, 'data'), { recursive: true });
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run(`CREATE TABLE v AS
    SELECT '指标' || lpad((i + 1)::VARCHAR, 2, '0') AS 指标,
           '地区' || lpad(r::VARCHAR, 4, '0') AS 地区,
           -- 99xxxx is no real division: the sample's real codes (230102 道里区…) stay apart.
           (990000 + r)::VARCHAR AS 代码,
           strftime(DATE '2019-01-01' + to_months(m::INTEGER), '%Y-%m') AS 时期,
           ((i * 7919 + r * 104729 + m * 1299709) % 100000) / 100.0 AS 数值,
           CASE WHEN i % 2 = 0 THEN '吨' ELSE '万亩' END AS 单位
    FROM range(${shape.indicators}) t(i), range(${shape.regions}) s(r), range(${shape.months}) u(m)`);
  const names: string[] = [];
  const files: { path: string; bytes: number; rows: number; indicators: string[] }[] = [];
  for (let i = 0; i < shape.indicators; i++) {
    const name = indicatorName(i);
    const path = `data/ind-${String(i + 1).padStart(2, '0')}.parquet`;
    await con.run(
      `COPY (SELECT * FROM v WHERE 指标 = '${name}' ORDER BY 地区, 时期) TO '${join(dir, path)}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${shape.rowGroup ?? 122880})`,
    );
    names.push(name);
    files.push({ path, bytes: statSync(join(dir, path)).size, rows: shape.regions * shape.months, indicators: [name] });
  }
  const regions = Array.from({ length: shape.regions }, (_, r) => ({ name: `地区${String(r).padStart(4, '0')}`, code: String(990000 + r) }));
  const manifest = {
    format: 'indicator-dashboard/parquet',
    version: 1,
    title: 'DuckDB 生成的测试数据',
    publishedAt: '2026-01-01T00:00:00.000Z',
    // The units the platform declares: values are shown in them, as an import shows 万亩.
    indicators: names.map((name, i) => (i % 2 === 0 ? { name, baseUnit: '吨', polarity: 'higher', targets: [] } : { name, baseUnit: '亩', displayUnit: '万亩', polarity: 'higher', targets: [] })),
    datasets: [
      {
        id: 'duck',
        name: '分区 Parquet（DuckDB）',
        columns: { region: '地区', indicator: '指标', period: '时期', value: '数值', unit: '单位', regionCode: '代码' },
        files,
        indicators: names,
        regions,
      },
    ],
  };
  const manifestPath = join(dir, 'manifest.json');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  // Answers come from the files as written, as for a dataset opened again (openDataset).
  await con.run('DROP TABLE v');
  return { ...(await openDataset(dir, con)), values: shape.indicators * shape.regions * shape.months };
}

/**
 * A dataset written earlier (the benchmark keeps its ten million values between runs), with a
 * DuckDB connection whose `table` reads its Parquet files.
 * @example const made = await openDataset('/tmp/bench-remote')
 */
export async function openDataset(dir: string, given?: DuckDBConnection): Promise<MadeDataset> {
  const con = given ?? (await (await DuckDBInstance.create(':memory:')).connect());
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { datasets: { files: { bytes: number; rows: number }[]; indicators: string[] }[] };
  const files = manifest.datasets[0].files;
  return {
    dir,
    manifestPath: join(dir, 'manifest.json'),
    values: files.reduce((n, f) => n + f.rows, 0),
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    indicatorNames: manifest.datasets[0].indicators,
    con,
    table: `read_parquet('${join(dir, 'data', '*.parquet')}')`,
  };
}

/**
 * DuckDB's own answer: one indicator's sum and count per (region, period) or per region, in
 * base units (万亩 × 10,000), as rows of [key, sum, count].
 * @example await groupBy(made, '指标02', '地区')
 */
export async function groupBy(made: MadeDataset, indicator: string, by: '地区' | '时期'): Promise<[string, number, number][]> {
  const reader = await made.con.runAndReadAll(
    `SELECT ${by} AS k, sum(数值 * CASE WHEN 单位 = '万亩' THEN 10000 ELSE 1 END)::DOUBLE AS s, count(*)::INTEGER AS n
     FROM ${made.table} WHERE 指标 = '${indicator}' GROUP BY 1 ORDER BY 1`,
  );
  return reader.getRows().map((r) => [String(r[0]), Number(r[1]), Number(r[2])]);
}
