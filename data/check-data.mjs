// Validates both data files: they parse as RFC 4180 CSV with the shared header, every value is a
// finite number, and every seed value is quoted from its source sentence (and, when the seed
// reports are at hand, that sentence is verbatim in the report). Exits non-zero on any problem.
// Run: node data/check-data.mjs [seeds-dir]   (default /work/shared/seeds; skipped if absent)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { HEADER, TITLES } from './make-seed.mjs';
import { SAMPLE_SOURCE } from './make-sample.mjs';

const seedsDir = process.argv[2] ?? '/work/shared/seeds';
const problems = [];
const fail = (file, line, message) => problems.push(`${file}:${line}: ${message}`);

/** The number as written, with no digit or decimal point touching it on either side. */
const quotesNumber = (text, number) => {
  const escaped = number.replace('.', '\\.');
  return new RegExp(`(?<![\\d.])${escaped}(?![\\d.]|\\.\\d)`).test(text);
};

function readRecords(name) {
  const bytes = readFileSync(new URL(`./${name}`, import.meta.url));
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  if (!text.startsWith('\uFEFF')) fail(name, 1, 'no UTF-8 BOM');
  const { data, errors } = Papa.parse(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  for (const e of errors) fail(name, (e.row ?? 0) + 1, `parse error: ${e.message}`);
  if (data[0].join(',') !== HEADER.join(',')) fail(name, 1, `header is ${data[0].join(',')}`);
  return data.slice(1);
}

function checkCommon(name, records) {
  const seen = new Set();
  records.forEach((r, i) => {
    const line = i + 2;
    if (r.length !== HEADER.length) return fail(name, line, `${r.length} fields, expected ${HEADER.length}`);
    const [region, code, indicator, period, value, unit, kind, target] = r;
    if (!region || !indicator || !unit) fail(name, line, 'empty region, indicator or unit');
    if (!period) fail(name, line, 'empty 时期');
    if (code !== '' && !/^\d{6}$/.test(code)) fail(name, line, `bad 区划代码 ${code}`);
    if (!/^-?\d+(\.\d+)?$/.test(value) || !Number.isFinite(Number(value))) fail(name, line, `bad 数值 ${value}`);
    if (target !== '' && !Number.isFinite(Number(target))) fail(name, line, `bad 目标值 ${target}`);
    if (kind !== '水平' && kind !== '变化') fail(name, line, `bad 类型 ${kind}`);
    const key = [region, indicator, period, kind].join('|');
    if (seen.has(key)) fail(name, line, `duplicate ${key}`);
    seen.add(key);
  });
}

const seed = readRecords('seed-indicators.csv');
checkCommon('seed-indicators.csv', seed);
const haveSeeds = existsSync(seedsDir);
const reportText = new Map();
seed.forEach((r, i) => {
  const [, , , , value, , , target, title, file, quote] = r;
  const line = i + 2;
  if (!quote) return fail('seed-indicators.csv', line, 'empty 原文');
  if (title !== TITLES[file]) fail('seed-indicators.csv', line, `报告 is not the title of ${file}`);
  if (!quotesNumber(quote, value.replace(/^-/, ''))) fail('seed-indicators.csv', line, `${value} not in 原文`);
  if (target && !quotesNumber(quote, target)) fail('seed-indicators.csv', line, `target ${target} not in 原文`);
  if (!haveSeeds) return;
  if (!reportText.has(file)) reportText.set(file, readFileSync(join(seedsDir, file), 'utf8'));
  if (!reportText.get(file).includes(quote)) fail('seed-indicators.csv', line, `原文 not verbatim in ${file}`);
});

const sample = readRecords('sample-trends.csv');
checkCommon('sample-trends.csv', sample);
sample.forEach((r, i) => {
  if (r[8] !== '' || r[9] !== SAMPLE_SOURCE || r[10] !== '') fail('sample-trends.csv', i + 2, 'must be marked 示例数据 with empty 报告 and 原文');
});

// The sample is built around the reports' figures; these anchors must survive any regeneration.
const sampleValue = new Map(sample.map((r) => [`${r[0]}|${r[2]}|${r[3]}`, Number(r[4])]));
const anchor = (key, expected, describe = (v) => v) => {
  const actual = sampleValue.get(key);
  if (actual === undefined || describe(actual, key) !== expected) fail('sample-trends.csv', 0, `${key} should give ${expected}`);
};
anchor('道里区|保护性耕作面积|2024', 6.04);
anchor('道里区|秸秆还田率|2024', 65.73);
anchor('全省|河湖长人数|2022', 21000);
anchor('全省|河湖执法检查次数|2022', 15000);
anchor('乌海市|PM10平均浓度|2023', -30.1, (v) => Math.round(((v / sampleValue.get('乌海市|PM10平均浓度|2022')) - 1) * 1000) / 10);
anchor('乌海市|优良天数|2023', 59, (v) => v - sampleValue.get('乌海市|优良天数|2022'));
// Count totals equal the sum of their parts; a deliberate gap is still counted in its total.
const totals = sample.filter((r) => (r[0] === '全省' || r[0] === '合计') && /数$|面积$/.test(r[2]));
for (const [total, indicator, period, value] of totals.map((r) => [r[0], r[2], r[3], Number(r[4])])) {
  const parts = sample.filter((r) => r[2] === indicator && r[3] === period && r[0] !== total && r[1] !== '');
  const sum = parts.reduce((s, r) => s + Number(r[4]), 0);
  const missing = parts.length < (total === '全省' ? 13 : 18);
  if (!missing && Math.abs(sum - value) > 0.011) fail('sample-trends.csv', 0, `${total} ${indicator} ${period}: ${value} ≠ sum ${sum}`);
}

console.log(`seed-indicators.csv: ${seed.length} rows; sample-trends.csv: ${sample.length} rows`);
console.log(haveSeeds ? `原文 checked against ${seedsDir}` : `${seedsDir} not found: 原文 not checked against reports`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('OK');
