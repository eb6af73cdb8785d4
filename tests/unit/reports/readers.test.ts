import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../../src/reports/html-text';
import { pdfParagraphs, unifyRadicals, type PdfItem } from '../../../src/reports/read-pdf';
import { paragraphsOf, sentencesOf } from '../../../src/reports/sentences';
import { fold } from '../../../src/reports/fold';

describe('htmlToText', () => {
  it.each([
    ['block elements are paragraphs', '<div>一、总体情况</div><p>完成<b>12</b>项。</p>', '一、总体情况\n完成12项。'],
    ['a line break in the source between CJK is no space', '<p>保护性耕作\n  面积6.04万亩</p>', '<p>保护性耕作面积6.04万亩</p>'.replace(/<\/?p>/g, '')],
    ['spaces between Latin words stay', '<p>PM10   and\nPM2.5</p>', 'PM10 and PM2.5'],
    ['<br> ends a line', '甲<br>乙<br/>丙', '甲\n乙\n丙'],
    ['a table is rows of tab-separated cells', '<table><tr><th>地区</th><th>面积</th></tr><tr><td><p>道里区</p></td><td>6.04</td></tr></table>', '地区\t面积\n道里区\t6.04'],
    ['scripts, styles, comments and the head go; the title stays', '<head><title>报告</title><style>p{}</style></head><!-- 3个 --><script>"<p>1个</p>"</script><p>正文</p>', '报告\n正文'],
    ['attributes with > inside quotes', '<p title="a>b">正文</p>', '正文'],
    ['a bare < is text', '<p>a < b</p>', 'a < b'],
  ])('%s', (_what, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it.each([
    ['6.04&nbsp;万亩', '6.04 万亩'],
    ['&ldquo;四个体系&rdquo;', '“四个体系”'],
    ['&#20013;&#x56FD;', '中国'],
    ['&unknown; &amp;', '&unknown; &'],
    ['&#0; &#xD800;', ' '],
  ])('decodeEntities(%j)', (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });
});

const item = (str: string, x: number, y: number, width = str.length * 12, height = 12): PdfItem => ({ str, x, y, width, height });

describe('pdfParagraphs', () => {
  it('joins the lines of a paragraph without spaces between CJK, splits at an indent', () => {
    const items = [
      item('一、总体情况', 62, 760),
      item('全区保护性耕作面积6.04', 86, 730, 440),
      item('万亩，秸秆还田率65.73%。', 62, 711, 300),
      item('制定整改措施37条。', 86, 692, 220),
    ];
    expect(pdfParagraphs(items)).toEqual(['一、总体情况', '全区保护性耕作面积6.04万亩，秸秆还田率65.73%。', '制定整改措施37条。']);
  });

  it('items on one baseline are one line, read left to right; a wide gap is a table cell', () => {
    const items = [item('6.04', 200, 500, 24), item('道里区', 62, 500.5, 36), item('保护性', 62, 520, 36), item('面积', 200, 520, 24)];
    expect(pdfParagraphs(items)).toEqual(['保护性\t面积', '道里区\t6.04']);
  });

  it('a small gap between Latin words is a space, between CJK characters nothing', () => {
    expect(pdfParagraphs([item('PM10', 62, 500, 26), item('and', 92, 500, 20), item('平均', 120, 500, 24), item('浓度', 148, 500, 24)])).toEqual(['PM10 and平均浓度']);
  });

  it('the items are not changed', () => {
    const items = [item('乙', 62, 480), item('甲', 62, 500)];
    const copy = JSON.parse(JSON.stringify(items)) as PdfItem[];
    pdfParagraphs(items);
    expect(items).toEqual(copy);
  });

  it('radicals that stand for characters are read as them', () => {
    expect(unifyRadicals('黑⻰江省河湖⻓制⼯作')).toBe('黑龙江省河湖长制工作');
  });
});

describe('paragraphs and sentences', () => {
  it('a heading is short and unpunctuated, or numbered', () => {
    const text = '一、总体情况\n（一）提高站位，压实责任\n全区完成整改任务12项，制定措施37条。\n第一方面：提高政治站位';
    expect(paragraphsOf(text).map((p) => p.heading)).toEqual([true, true, false, true]);
  });

  it('sentences end at 。！？； and keep their closing quotes', () => {
    const text = '他说：“完成了。”然后；再见！';
    const [p] = paragraphsOf(text);
    expect(sentencesOf(text, p).map((s) => text.slice(s.start, s.end))).toEqual(['他说：“完成了。”', '然后；', '再见！']);
  });

  it('fold keeps every offset', () => {
    const s = '完成１２．５％，ＰＭ１０，共１，２３４项';
    expect(fold(s)).toBe('完成12.5%，PM10，共1，234项');
    expect(fold(s).length).toBe(s.length);
  });
});
