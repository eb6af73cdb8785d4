/**
 * Generated benchmark data: long-form CSV (regions × indicators × years, Chinese names), the same
 * table as XLSX, and a wide CSV in GBK (one column per year). Deterministic, so that runs compare.
 */
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
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

/** Text as XML character data. */
const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Write the long table as an XLSX workbook of `rows` rows without SheetJS (which holds a cell
 * object per cell: at a million rows, gigabytes and minutes): the sheet's XML is made row by
 * row, deflated as it goes, and put in a ZIP of our own with shared strings for the text cells,
 * numbers for year and value, as SheetJS writes them. One sheet, `指标`.
 * @example await writeXlsxLarge('/tmp/a.xlsx', 1_000_000)
 */
export async function writeXlsxLarge(path, rows) {
  const shape = SHAPES[rows];
  const rs = regions(shape.regions);
  const is = indicators(shape.indicators);
  const first = 2025 - shape.years;
  const strings = [];
  const index = new Map();
  const s = (text) => {
    let i = index.get(text);
    if (i === undefined) index.set(text, (i = strings.push(text) - 1));
    return i;
  };
  const cols = ['A', 'B', 'C', 'D', 'E', 'F'];
  const sheet = deflater();
  sheet.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  let r = 1;
  const row = (cells) => {
    let x = `<row r="${r}">`;
    cells.forEach((c, i) => {
      x += typeof c === 'number' ? `<c r="${cols[i]}${r}"><v>${c}</v></c>` : `<c r="${cols[i]}${r}" t="s"><v>${s(c)}</v></c>`;
    });
    r++;
    return x + '</row>';
  };
  sheet.push(row(['区划代码', '地区', '指标', '年份', '数值', '单位']));
  for (let k = 0; k < is.length; k++)
    for (let g = 0; g < rs.length; g++) {
      let chunk = '';
      for (let y = 0; y < shape.years; y++) chunk += row([rs[g].code, rs[g].name, is[k].name, first + y, Number(value(g, k, y)), is[k].unit]);
      sheet.push(chunk);
    }
  sheet.push('</sheetData></worksheet>');
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${xmlText(t)}</t></si>`).join('')}</sst>`;
  const main = 'http://schemas.openxmlformats.org';
  const entries = [
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${main}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${main}/package/2006/relationships"><Relationship Id="rId1" Type="${main}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${main}/spreadsheetml/2006/main" xmlns:r="${main}/officeDocument/2006/relationships"><sheets><sheet name="指标" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${main}/package/2006/relationships"><Relationship Id="rId1" Type="${main}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${main}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
    ['xl/sharedStrings.xml', sst],
  ].map(([name, text]) => {
    const d = deflater();
    d.push(text);
    return [name, d.end()];
  });
  entries.push(['xl/worksheets/sheet1.xml', sheet.end()]);
  writeFileSync(path, zipOf(entries));
}

/** Text gathered piece by piece (as bytes: a sheet's XML is longer than a string may be), then deflated with its CRC-32 and size. */
function deflater() {
  const parts = [];
  return {
    push(text) {
      parts.push(Buffer.from(text, 'utf8'));
    },
    end() {
      const bytes = Buffer.concat(parts);
      return { data: deflateRawSync(bytes, { level: 6 }), crc: crc32(bytes), size: bytes.length };
    },
  };
}

/** A ZIP archive (deflated entries, no ZIP64: every part under 4 GB) of `[name, { data, crc, size }]`. */
function zipOf(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, { data, crc, size }] of entries) {
    const n = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc >>> 0, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(n.length, 26);
    locals.push(head, n, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, n);
    offset += head.length + n.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
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
    // A million-row workbook (Excel's limit is 1,048,576 rows): the import only, progress and heap.
    { id: 'xlsx-1m', file: 'long-1m.xlsx', rows: 1_000_000, kind: 'xlsx', encoding: 'binary', views: false, make: (p) => writeXlsxLarge(p, 1_000_000) },
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
