import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import { checkXml } from '../../../src/export/svg-check';

describe('checkXml accepts', () => {
  const cases: { name: string; xml: string; root: string }[] = [
    { name: 'a minimal svg', xml: '<svg xmlns="http://www.w3.org/2000/svg"/>', root: 'svg' },
    { name: 'a declaration, comment and nested text', xml: '<?xml version="1.0"?>\n<!-- c -->\n<svg><g><text x=\'1\'>a &amp; b &lt;c&gt; &#x4E2D;&#25991;</text></g></svg>\n', root: 'svg' },
    { name: 'CDATA and a DOCTYPE', xml: '<!DOCTYPE svg><svg><style><![CDATA[a<b&c]]></style></svg>', root: 'svg' },
    { name: 'escaped quotes in attributes and Chinese names', xml: '<svg><text aria-label="&quot;道里区&quot;" 名="x">哈尔滨</text></svg>', root: 'svg' },
    { name: 'a BOM', xml: '\uFEFF<svg/>', root: 'svg' },
    { name: 'characters beyond the BMP', xml: '<svg><text>😀</text></svg>', root: 'svg' },
  ];
  it.each(cases)('$name', ({ xml, root }) => {
    expect(checkXml(xml)).toEqual({ ok: true, root });
  });
});

describe('checkXml rejects', () => {
  const cases: { name: string; xml: string; error: RegExp }[] = [
    { name: 'a raw < in text', xml: '<svg><text>a < b</text></svg>', error: /./ },
    { name: 'a raw & in text', xml: '<svg><text>a & b</text></svg>', error: /&/ },
    { name: 'an unknown entity', xml: '<svg><text>&nbsp;</text></svg>', error: /&/ },
    { name: 'a reference to U+0000', xml: '<svg><text>&#0;</text></svg>', error: /&/ },
    { name: 'a raw control character', xml: '<svg><text>a\u0001b</text></svg>', error: /character/ },
    { name: 'a lone surrogate', xml: '<svg><text>\uD800</text></svg>', error: /character/ },
    { name: 'a raw " closing an attribute early', xml: '<svg><text title="a"b">x</text></svg>', error: /white space|attribute/ },
    { name: 'a < in an attribute', xml: '<svg><text title="<">x</text></svg>', error: /< in attribute/ },
    { name: 'an unquoted attribute', xml: '<svg width=10/>', error: /unquoted/ },
    { name: 'a duplicate attribute', xml: '<svg a="1" a="2"/>', error: /duplicate/ },
    { name: 'mismatched tags', xml: '<svg><g></text></svg>', error: /end tag/ },
    { name: 'an unclosed element', xml: '<svg><g></svg>', error: /end tag|unclosed/ },
    { name: 'two roots', xml: '<svg/><svg/>', error: /second root/ },
    { name: 'text outside the root', xml: 'hello<svg/>', error: /outside/ },
    { name: 'no root', xml: '<!-- only -->', error: /no root/ },
    { name: '-- inside a comment', xml: '<svg><!-- a -- b --></svg>', error: /comment/ },
    { name: ']]> in text', xml: '<svg>]]></svg>', error: /]]>/ },
    { name: 'an empty string', xml: '', error: /no root/ },
  ];
  it.each(cases)('$name', ({ xml, error }) => {
    const result = checkXml(xml);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('gives the offset of the problem', () => {
    expect(checkXml('<svg><text>a & b</text></svg>')).toMatchObject({ ok: false, offset: 13 });
  });
});

describe('ECharts SVG output with hostile labels', () => {
  it('is well-formed XML and keeps the title and labels as text', () => {
    const hostile = ['<img src=x onerror="window.__pwned=1">', 'A&B "引号" \'单\'', ']]> <!-- --> &amp;'];
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 });
    chart.setOption({
      animation: false,
      title: { text: '耕地 <b>&</b> "面积"' },
      legend: {},
      xAxis: { type: 'category', data: hostile },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: hostile[0], data: [1, -3.5, 2], label: { show: true, formatter: '{b}' } }],
    });
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(checkXml(svg)).toMatchObject({ ok: true, root: 'svg' });
    expect(svg).toContain('耕地 &lt;b&gt;&amp;&lt;/b&gt; &quot;面积&quot;');
    expect(svg).not.toContain('<img');
  });
});
