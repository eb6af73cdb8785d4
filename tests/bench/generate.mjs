/**
 * Generated benchmark data: long-form CSV (regions × indicators × years, Chinese names), the same
 * table as XLSX, and a wide CSV in GBK (one column per year). Deterministic, so that runs compare.
 */
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';

const CITIES = ['石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水', '太原', '大同', '阳泉', '长治', '晋城', '朔州', '晋中', '运城', '忻州'];
const DISTRICTS = ['城关区', '新华区', '桥西区', '开发区', '高新区', '东城区', '西城区', '南湖区', '北湖区', '中山区'];
const STEMS = ['地区生产总值', '一般公共预算收入', '固定资产投资', '社会消费品零售总额', '城镇居民人均可支配收入', '常住人口', '用水总量', '空气优良天数', '粮食产量', '造林面积'];
const BRANCHES = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const UNITS = ['亿元', '万元', '万元', '亿元', '元', '万人', '亿立方米', '天', '万吨', '亩'];

/** `n` distinct region names with six-digit division codes. */
export function regions(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const city = CITIES[i % CITIES.length];
    const district = DISTRICTS[Math.floor(i / CITIES.length) % DISTRICTS.length];
    const round = Math.floor(i / (CITIES.length * DISTRICTS.length));
    out.push({ code: String(130100 + i * 3), name: `${city}市${district}${round > 0 ? round + 1 : ''}` });
  }
  return out;
}

/** `n` distinct indicator names, with their units. */
export function indicators(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const stem = i % STEMS.length;
    const branch = Math.floor(i / STEMS.length);
    const suffix = branch < BRANCHES.length ? BRANCHES[branch] : `${BRANCHES[branch % BRANCHES.length]}${Math.floor(branch / BRANCHES.length)}`;
    out.push({ name: `${STEMS[stem]}${suffix}`, unit: UNITS[stem] });
  }
  return out;
}

/** A value that looks like statistics: positive, two decimals, varying by cell. */
function value(r, k, y) {
  const v = ((r * 7919 + k * 104729 + y * 1299709) % 1000003) / 37 + 10;
  return v.toFixed(2);
}

/** Shapes of the generated files, by row count. */
export const SHAPES = {
  100_000: { regions: 100, indicators: 50, years: 20 },
  1_000_000: { regions: 200, indicators: 100, years: 50 },
};

/**
 * Write a long-form CSV (UTF-8): 区划代码,地区,指标,年份,数值,单位.
 * @example await writeLongCsv('/tmp/a.csv', 100_000)
 */
export async function writeLongCsv(path, rows) {
  const shape = SHAPES[rows];
  const rs = regions(shape.regions);
  const is = indicators(shape.indicators);
  const first = 2025 - shape.years;
  const out = createWriteStream(path);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write('区划代码,地区,指标,年份,数值,单位\n');
  for (let k = 0; k < is.length; k++) {
    for (let r = 0; r < rs.length; r++) {
      let chunk = '';
      for (let y = 0; y < shape.years; y++) {
        chunk += `${rs[r].code},${rs[r].name},${is[k].name},${first + y},${value(r, k, y)},${is[k].unit}\n`;
      }
      await write(chunk);
    }
  }
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
}

/**
 * The national case: 2,900 counties × 30 indicators × 120 months (10,440,000 values), long form,
 * regions by division code only: 区划代码,指标,月份,数值 (~500 MB). Written line by line.
 * @example await writeNationalCsv('/tmp/n.csv')
 */
export async function writeNationalCsv(path) {
  const rs = regions(2900);
  const is = indicators(30);
  const months = Array.from({ length: 120 }, (_, m) => `${2015 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  const out = createWriteStream(path);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write('区划代码,指标,月份,数值\n');
  for (let k = 0; k < is.length; k++) {
    for (let r = 0; r < rs.length; r++) {
      let chunk = '';
      for (let m = 0; m < months.length; m++) chunk += `${rs[r].code},${is[k].name},${months[m]},${value(r, k, m)}\n`;
      await write(chunk);
    }
  }
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
}

/**
 * Write the 100k-row long table as an XLSX workbook with SheetJS.
 * @example writeXlsx('/tmp/a.xlsx', 100_000)
 */
export function writeXlsx(path, rows) {
  const shape = SHAPES[rows];
  const rs = regions(shape.regions);
  const is = indicators(shape.indicators);
  const first = 2025 - shape.years;
  const aoa = [['区划代码', '地区', '指标', '年份', '数值', '单位']];
  for (let k = 0; k < is.length; k++)
    for (let r = 0; r < rs.length; r++)
      for (let y = 0; y < shape.years; y++) aoa.push([rs[r].code, rs[r].name, is[k].name, first + y, Number(value(r, k, y)), is[k].unit]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '指标');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }));
}

/** Unicode → GBK bytes, built by decoding every two-byte GBK sequence once (Node has no GBK encoder). */
function gbkEncoder() {
  const decoder = new TextDecoder('gbk');
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return (text) => {
    const bytes = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      if (cp < 0x80) bytes.push(cp);
      else {
        const pair = table.get(ch);
        if (!pair) throw new Error(`no GBK code for ${ch}`);
        bytes.push(pair[0], pair[1]);
      }
    }
    return Uint8Array.from(bytes);
  };
}

/**
 * Write a wide CSV in GBK: 地区,指标,单位 then one column per year (2005年…2024年), `rows` values.
 * @example writeWideGbk('/tmp/w.csv', 100_000)
 */
export function writeWideGbk(path, rows) {
  const shape = SHAPES[rows];
  const rs = regions(shape.regions);
  const is = indicators(shape.indicators);
  const first = 2025 - shape.years;
  const lines = [['地区', '指标', '单位', ...Array.from({ length: shape.years }, (_, y) => `${first + y}年`)].join(',')];
  for (let k = 0; k < is.length; k++)
    for (let r = 0; r < rs.length; r++) {
      const cells = [rs[r].name, is[k].name, is[k].unit];
      for (let y = 0; y < shape.years; y++) cells.push(value(r, k, y));
      lines.push(cells.join(','));
    }
  writeFileSync(path, gbkEncoder()(lines.join('\r\n') + '\r\n'));
}

/**
 * The benchmark's files in `dir` (with `only`, just the case of that id), generated once and reused while they exist.
 * @example const files = await ensureData('/tmp/bench-data', { quick: true })
 */
export async function ensureData(dir, { quick, only }) {
  mkdirSync(dir, { recursive: true });
  const cases = [
    { id: 'csv-100k', file: 'long-100k.csv', rows: 100_000, kind: 'long', encoding: 'utf-8', make: (p) => writeLongCsv(p, 100_000) },
    { id: 'xlsx-100k', file: 'long-100k.xlsx', rows: 100_000, kind: 'xlsx', encoding: 'binary', make: (p) => writeXlsx(p, 100_000) },
    { id: 'gbk-wide-100k', file: 'wide-100k-gbk.csv', rows: 100_000, kind: 'wide', encoding: 'gbk', make: (p) => writeWideGbk(p, 100_000) },
    { id: 'csv-1m', file: 'long-1m.csv', rows: 1_000_000, kind: 'long', encoding: 'utf-8', make: (p) => writeLongCsv(p, 1_000_000) },
    // The 1M file again, with the page's CPU throttled 4× (a low-end desktop), and beside a
    // CPU-bound process (a loaded machine): the import only, no reload rounds.
    { id: 'csv-1m-throttled', file: 'long-1m.csv', rows: 1_000_000, kind: 'long', encoding: 'utf-8', throttle: 4, views: false, make: (p) => writeLongCsv(p, 1_000_000) },
    { id: 'csv-1m-loaded', file: 'long-1m.csv', rows: 1_000_000, kind: 'long', encoding: 'utf-8', loaded: true, views: false, make: (p) => writeLongCsv(p, 1_000_000) },
    { id: 'csv-10m', file: 'national-10m.csv', rows: 10_440_000, kind: 'national', encoding: 'utf-8', make: (p) => writeNationalCsv(p) },
  ].filter((c) => (only ? c.id === only : !quick || c.id === 'csv-100k'));
  for (const c of cases) {
    c.path = join(dir, c.file);
    if (!existsSync(c.path)) await c.make(c.path);
    c.bytes = statSync(c.path).size;
  }
  return cases;
}
