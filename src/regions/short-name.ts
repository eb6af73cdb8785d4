/**
 * Short names (哈尔滨 for 哈尔滨市, 广西 for 广西壮族自治区), derived from the full name by stripping
 * the kind of division it is, so the table ships each name once.
 */

export type Level = 'province' | 'prefecture' | 'county';

/** The 55 minority nationalities, as autonomous divisions name them (longest first, so 土家 before 土). */
const ETHNIC = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克',
  '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
  // 龙胜各族自治县, 隆林各族自治县: "all nationalities".
  '各',
].sort((a, b) => b.length - a.length);

/**
 * A trailing nationality: always with 族 for one-character names (回族, never 回: 怒江 keeps its 怒),
 * with or without 族 for longer ones (伊犁哈萨克自治州, 博尔塔拉蒙古自治州).
 */
const TRAILING_ETHNIC = new RegExp(`(${ETHNIC.map((e) => (e.length === 1 ? `${e}族` : `${e}族?`)).join('|')})$`);

/** Suffixes by level, longest first. Autonomous ones are handled apart (their nationalities go too). */
const SUFFIXES: Record<Level, string[]> = {
  province: ['特别行政区', '省', '市'],
  prefecture: ['地区', '盟', '市'],
  county: ['林区', '特区', '区', '县', '旗', '市'],
};

const AUTONOMOUS: Record<Level, string> = { province: '自治区', prefecture: '自治州', county: '自治' };

/**
 * County names whose ending is part of what they are: 新区, 矿区 (井陉矿区 is not 井陉县). They keep
 * their full name as the short name, as statistical units (开发区, 园区…) do.
 */
const KEEP_WHOLE = /(新区|矿区)$/;

/** A short name must keep two characters: 赵县 stays 赵县, 城区 stays 城区. */
const MIN_LENGTH = 2;

function stripEthnic(base: string): string {
  let rest = base;
  for (;;) {
    const m = TRAILING_ETHNIC.exec(rest);
    if (!m || rest.length - m[0].length < MIN_LENGTH) break;
    rest = rest.slice(0, rest.length - m[0].length);
  }
  // 鄂伦春自治旗, 鄂温克族自治旗: the nationality is the whole name; only 族 goes.
  return rest === base && base.endsWith('族') && base.length > MIN_LENGTH ? base.slice(0, -1) : rest;
}

/**
 * The short name of a division, or its full name when nothing can be stripped.
 * @example shortNameOf('广西壮族自治区', 'province') // '广西'
 * @example shortNameOf('延边朝鲜族自治州', 'prefecture') // '延边'
 * @example shortNameOf('井陉矿区', 'county') // '井陉矿区'
 * @example shortNameOf('苏州工业园区', 'county', true) // '苏州工业园区'
 */
export function shortNameOf(name: string, level: Level, statistical = false): string {
  if (statistical) return name;
  const autonomous = AUTONOMOUS[level];
  const at = name.lastIndexOf(autonomous);
  // 自治县 and 自治旗 at county level; 自治州 and 自治区 end the name at their levels.
  if (at > 0 && name.length - at <= autonomous.length + 1) {
    const base = stripEthnic(name.slice(0, at));
    return base.length >= MIN_LENGTH ? base : name;
  }
  // 清新区 is 清新 + 区: the ending counts only after a stem of its own (下花园区 is 下花园 + 区).
  const keep = level === 'county' ? KEEP_WHOLE.exec(name) : null;
  if (keep && keep.index >= MIN_LENGTH) return name;
  for (const suffix of SUFFIXES[level]) {
    if (name.endsWith(suffix) && name.length - suffix.length >= MIN_LENGTH) {
      const base = name.slice(0, -suffix.length);
      // 管城回族区, 梅里斯达斡尔族区: districts named for a nationality, written 管城区 or 管城.
      return base.endsWith('族') ? stripEthnic(base) : base;
    }
  }
  return name;
}

/**
 * Abbreviations in common use that no rule gives: 内蒙 (as often as 内蒙古); 新疆's 州 by their first
 * character (克州, 巴州, 博州: 巴州 is also 巴中's 巴州区, so a file's other regions settle it); and
 * 新疆维吾尔族自治区, the 族 that the legal name does not have.
 */
const CONVENTIONAL: Readonly<Record<string, readonly string[]>> = {
  内蒙古自治区: ['内蒙'],
  新疆维吾尔自治区: ['新疆维吾尔族自治区'],
  克孜勒苏柯尔克孜自治州: ['克州'],
  巴音郭楞蒙古自治州: ['巴州'],
  博尔塔拉蒙古自治州: ['博州'],
};

/**
 * Other ways offices write a division: an autonomous one as its short name with the kind's last
 * character (延边州, 大厂县, 鄂伦春旗, 管城区; 广西自治区); a legal 新区 without 新区 (浦东); the
 * abbreviations above (内蒙, 克州). Statistical 新区 keep theirs: 兰州新区 without it would be 兰州.
 * @example kindAliasesOf('延边朝鲜族自治州', 'prefecture', false) // ['延边州']
 * @example kindAliasesOf('浦东新区', 'county', false) // ['浦东']
 */
export function kindAliasesOf(name: string, level: Level, statistical: boolean): string[] {
  const conventional = [...(CONVENTIONAL[name] ?? [])];
  if (level === 'province') {
    // 广西自治区, 新疆自治区: the short name with the kind, as 延边州 is for a prefecture.
    const short = shortNameOf(name, level);
    const kind = name.endsWith('自治区') && short !== name && `${short}自治区` !== name ? [`${short}自治区`] : [];
    return [...kind, ...conventional];
  }
  if (level === 'county' && !statistical && name.endsWith('新区') && name.length - 2 >= MIN_LENGTH) return [name.slice(0, -2)];
  if (!/(自治[州县旗]|族区)$/.test(name)) return conventional;
  const short = shortNameOf(name, level, statistical);
  return short === name ? conventional : [`${short}${name.slice(-1)}`, ...conventional];
}
