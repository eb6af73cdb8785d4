import { it } from 'vitest';
import { parsePeriod } from '../../../src/ingest/parse-period';
import { parseQuantity } from '../../../src/ingest/parse-quantity';
it('x', () => {
for (const t of ['2024','2024年','二〇二四年','2024年3月','2024.03','2024-03','2024Q1','2024年第一季度','2024年一季度','2024年上半年','2023—2024年度','2023-24年度','2021—2025年','“十四五”期间','截至2024年8月','2024年底','十三五','2024-Q1','2023/2024','abc','2024年8月底']) console.log(t, JSON.stringify(parsePeriod(t)));
for (const t of ['6.04万亩','1.14亿立方米','2.1万名','65.73%','67,183.02','１２．５％','同比下降30.1%','同比增加59天','下降2.3个百分点','增长1.5倍','约5万','150余次','20多万亩','1.1亿万元','—','abc','=HYPERLINK("http://x","y")','110%','8201亩','-3.5','12千克','6.04万']) console.log(t, JSON.stringify(parseQuantity(t, t==='6.04万'?'亩':'')));

});