import { regionMentions } from './context';

/**
 * What a figure measures, from the words around it. Before the number for measures
 * (`保护性耕作面积6.04万亩` → 保护性耕作面积); after a measure word for counts
 * (`细化分解12项整改任务` → 整改任务). A guess a reviewer corrects, never a lookup.
 */

const PERIOD_WORDS = [
  /截[至止](?:到)?(?:目前|\d{4}年(?:\d{1,2}月)?(?:底|末)?)/g,
  /\d{4}年?(?:[—–―─\-~至到]\d{2,4}年?)?(?:年度|年|度)?(?:\d{1,2}[—–―─\-~至到]?\d{0,2}月(?:底|末|份)?)?(?:[上下]半年|第?[一二三四1-4]季度|底|末)?/g,
  /(?:[上下]半年|前?[一二三四]季度|全年|年初以来|今年以来|年内|当年|今年|去年|上年|目前|当前|截至目前)/g,
];

const LEAD = /^(?:连续|全区|全市|全省|全县|全旗|全盟|全州|全国|全域|全镇|全乡|其中|共有|共计|合计|总计|累计|共|先后|已经|已|并且|并|及|和|与|同时|另外|另|此外|还|均|分别|的|对|在|为|由|将|从|其(?![他余])|以及|又|再|之|、)+/;
const TRAIL = /(?:的|分别为|分别|共计|总计|合计|累计|达到了|达到|达|为|是|共有|共|有|计|(?<!未)完成了|(?<!未)完成|实现了|实现|了|约|近|超过|已|均|逾|大约|将近|接近|增至|降至|至|到|由)+$/;
const INNER_VERB = /(?<=[\p{Script=Han}A-Za-z0-9]{2})(?:实现|完成)(?=[\p{Script=Han}A-Za-z0-9]{2})/u;
const BRACKETS = /[《》“”"‘’「」『』]/g;
const MAX_BEFORE = 16;
/** Up to the last bracket left open before the figure. */
const OPEN_BRACKET = /^.*[(（](?=[^()（）]*$)/;
/**
 * Where a long name may be cut: after 等 (`…制度等基础制度`) or an enumeration comma; not after
 * 及/和/与, which join the parts of one name (`领导小组及办公室会议`).
 */
const BOUNDARY = /[、，,等]/;

/**
 * A name cut to its last `MAX_BEFORE` characters starts mid-word (`龙江省…` of 黑龙江省): start it
 * after the first boundary in its first half instead, where there is one.
 * @example cutAtBoundary('龙江省河长湖长巡查制度等基础制度') // '基础制度'
 */
function cutAtBoundary(s: string): string {
  const m = BOUNDARY.exec(s);
  return m && m.index < s.length / 2 + 4 && s.length - m.index - 1 >= 2 ? s.slice(m.index + 1) : s;
}

/**
 * The indicator named by the words just before a figure (`segment`: from the clause's start to
 * the figure, change words and qualifiers already taken off).
 * @example indicatorBefore('2024年全区保护性耕作面积') // '保护性耕作面积'
 */
export function indicatorBefore(segment: string): string {
  // A remark in brackets (组织生活会) is not part of the name; a figure inside an open bracket
  // (`问题5个（细化问题9个）`) is named by the words inside it.
  let s = segment.replace(/[(（][^()（）]*[)）]/g, '');
  const inside = s.replace(OPEN_BRACKET, '');
  // Nothing named inside the bracket (`集中整改期（3个月）`): the words before it name the figure.
  s = (/[\p{Script=Han}A-Za-z]{2}/u.test(inside) ? inside : s.replace(/[(（]/g, '')).replace(BRACKETS, '');
  for (const p of PERIOD_WORDS) s = s.replace(p, '');
  s = s.replace(/\s+/g, '');
  for (let again = true; again; ) {
    const before = s;
    s = s.replace(LEAD, '').replace(TRAIL, '');
    again = s !== before;
  }
  s = s.replace(INNER_VERB, '');
  if (s.length > MAX_BEFORE) s = cutAtBoundary(s.slice(s.length - MAX_BEFORE));
  // Nothing left but a verb or a particle is no name.
  return /[\p{Script=Han}A-Za-z]/u.test(s) && s.length >= 2 ? s : '';
}

const AFTER_STOP = /(?:印发|出台|召开|制定|组织|实施|推进|签订|全部|均|已|进行|开展|落实|实现|参加|参与|完成|负责|纳入|列入|建成|获得|通过|达到|征求|实行|开展|进行|的|和|与|及|等|共|在|对|向|为|是)/;
const MAX_AFTER = 12;

/**
 * The indicator named by the words right after a count's measure word (`rest`: from the unit's
 * end to the clause's end): `整改任务` in `12项整改任务`.
 * @example indicatorAfter('水库全部落实库长') // '水库'
 */
export function indicatorAfter(rest: string): string {
  let s = rest.replace(BRACKETS, '');
  // 县(市、区): a bracket that closes is part of the name; one that does not ends it.
  const m = /^[\p{Script=Han}A-Za-z0-9]+(?:[(（][^)）]*[)）][\p{Script=Han}A-Za-z0-9]*)*/u.exec(s);
  s = m ? m[0] : '';
  // A verb opening the words is part of the name (召开区级联席会议); one after them ends it.
  const stop = AFTER_STOP.exec(s.slice(2));
  if (stop) s = s.slice(0, stop.index + 2);
  s = s.replace(/\d.*$/, '');
  if (s.length > MAX_AFTER) s = s.slice(0, MAX_AFTER);
  return /[\p{Script=Han}A-Za-z]/u.test(s) && s.length >= 2 ? s : '';
}

/**
 * A place opening a name is the figure's region (found apart), not part of what it measures:
 * `乌海市空气优良天数` → 空气优良天数, `哈尔滨市道里区保护性耕作面积` → 保护性耕作面积. An organ
 * (`市委巡察组`) and a name that would be left under two characters stay as they are.
 * @example withoutPlace('道里区整改任务') // '整改任务'
 */
export function withoutPlace(name: string): string {
  const place = regionMentions(name).find((r) => r.offset === 0 && !r.organ);
  if (!place) return name;
  const rest = name.slice(place.end).replace(/^(?:的|全区|全市|全县|全省|共|累计|各)+/, '');
  return rest.length >= 2 ? rest : name;
}
