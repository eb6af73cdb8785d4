/**
 * matchRegion: a region cell as written → one division, a choice to ask about, or nothing.
 * The rules and why are in docs/regions.md (Matching).
 */
import { aliasIndex, preferExact, readName, type Aliases, type NameReading } from './name-index';
import { readRegionCell } from './read-cell';
import { division, isWithin, ancestorsOf, type Division } from './table';

export interface MatchContext {
  /** A code the division must be, or lie under (the user's choice of province or city). */
  within?: string;
  /** Codes of the file's other regions, to settle a name found in several places. */
  near?: readonly string[];
  /** The user's own names (撤县设区: an old county name → its district's code), checked first. */
  aliases?: Aliases;
}

/** How a match was found: by name, by code alone, by a code and a name that agree, by a user alias. */
export type MatchedBy = 'name' | 'code' | 'code-and-name' | 'alias';

export type Match =
  | {
      status: 'matched';
      division: Division;
      via: MatchedBy;
      /** The cell's code is not in the table and was set aside; the name decided. */
      unknownCode?: string;
      /**
       * The name had several readings and no context decided: the one the others lie under, or
       * the province, was taken (吉林 → 吉林省). Worth showing for a check.
       */
      assumed?: true;
    }
  | {
      status: 'ambiguous';
      /** In code order, except that for a code that disagrees with its name the code's division comes first. */
      candidates: Division[];
      reason: 'name' | 'code-name-mismatch';
    }
  | {
      status: 'unmatched';
      reason: 'empty' | 'unknown-name' | 'unknown-code' | 'finer-than-county' | 'outside-within';
    };

/**
 * Longer names are not read: the longest real one with every parent in front is under 30
 * characters (新疆维吾尔自治区克孜勒苏柯尔克孜自治州阿合奇县), and reading costs grow with the square
 * of the length.
 */
const MAX_NAME = 60;

/**
 * The 市辖区 codes of 北京, 天津 and 上海 (every district is under them): city-level tables code
 * those cities so. 重庆's 500100 covers its districts but not its counties, so it names nothing.
 */
const MUNICIPAL_GROUPINGS: Readonly<Record<string, string>> = { '110100': '110000', '120100': '120000', '310100': '310000' };

const matched = (d: Division, via: MatchedBy): Extract<Match, { status: 'matched' }> => ({ status: 'matched', division: d, via });

/** The parent key of a division, '' for a province (provinces are siblings of one another). */
const parentKey = (d: Division): string => d.parent ?? '';

/**
 * Narrow candidates by the file's other regions: first those that share a parent with one of
 * them (or whose parent is one of them), then those that share any ancestor. A step that leaves
 * exactly one decides; otherwise the narrowest non-empty set goes on.
 */
function byNear(candidates: Division[], near: readonly string[]): Division[] {
  const known = near.map((c) => division(c)).filter((d): d is Division => d !== undefined);
  if (known.length === 0) return candidates;
  const nearCodes = new Set(known.map((d) => d.code));
  // A file rarely names one place twice: a candidate another row already is, goes first.
  const fresh = candidates.filter((c) => !nearCodes.has(c.code));
  const pool = fresh.length > 0 ? fresh : candidates;
  const parents = new Set(known.map(parentKey));
  const siblings = pool.filter((c) => parents.has(parentKey(c)) || (c.parent !== undefined && nearCodes.has(c.parent)));
  if (siblings.length === 1) return siblings;
  const related = new Set<string>(nearCodes);
  for (const d of known) for (const a of ancestorsOf(d.code)) related.add(a.code);
  const kin = pool.filter((c) => ancestorsOf(c.code).some((a) => related.has(a.code)));
  if (kin.length === 1) return kin;
  if (siblings.length > 0) return siblings;
  return kin.length > 0 ? kin : pool;
}

/**
 * Settle the divisions a name reads as, with the context. Without one that decides, a reading
 * that all the others lie under wins, then a province (海南 is 海南省, not 海南藏族自治州).
 */
function settle(readings: NameReading[], context: MatchContext | undefined): Match {
  const within = context?.within;
  // Within first, then exact before short: a full-name reading elsewhere must not hide a short one inside.
  const inside = within === undefined ? readings : readings.filter((r) => isWithin(r.division.code, within));
  if (inside.length === 0) return { status: 'unmatched', reason: readings.length > 0 ? 'outside-within' : 'unknown-name' };
  let pool = preferExact(inside);
  // Within 吉林省, a bare 吉林 is a place in it (吉林市), not the province the user already chose.
  if (pool.length > 1) pool = pool.filter((c) => c.code !== within);
  if (pool.length > 1 && context?.near) pool = byNear(pool, context.near);
  if (pool.length === 1) return matched(pool[0], 'name');
  // 长沙 is 长沙市 rather than 长沙县 under it; 吉林 is 吉林省 rather than 吉林市 in it.
  const head = pool.find((c) => pool.every((o) => o === c || isWithin(o.code, c.code)));
  const provinces = pool.filter((c) => c.level === 'province');
  const assumed = head ?? (provinces.length === 1 ? provinces[0] : undefined);
  return assumed ? { ...matched(assumed, 'name'), assumed: true } : { status: 'ambiguous', candidates: pool, reason: 'name' };
}

/** A parent written after the name, in brackets: 鼓楼区（福州）, 朝阳区(北京市). */
const QUALIFIED = /^(.+)\(([^()]+)\)$/;

function readingsOf(name: string, aliases: ReturnType<typeof aliasIndex>): NameReading[] {
  if (!name) return [];
  const readings = readName(name, aliases);
  const q = readings.length === 0 ? QUALIFIED.exec(name) : null;
  return q ? readName(q[2] + q[1], aliases) : readings;
}

/**
 * The division a region cell names.
 * - Names: full (道里区), with parents in front (黑龙江省哈尔滨市道里区) or in brackets after
 *   (鼓楼区（福州）), short (哈尔滨道里, 内蒙古), after NFKC and with spaces removed. A reading by
 *   full names beats one that needs a short form.
 * - Codes: 6 digits, or 12 (9) digits ending in zeros (230102000000), alone or in the cell
 *   (`230102 道里区`, `道里区（230102）`). A code and a name that disagree are ambiguous, the code's
 *   division first; a name the table does not know beside a known code matches by the code.
 * - A name found in several places (鼓楼区) is ambiguous unless `within`, `near` or, for a
 *   province's short name (吉林, 海南), the province settles it.
 * @example matchRegion('哈尔滨道里').status // 'matched' (230102)
 */
export function matchRegion(name: string, context?: MatchContext): Match {
  const cell = readRegionCell(name);
  if (cell.finerCode) return { status: 'unmatched', reason: 'finer-than-county' };
  if (!cell.name && !cell.code) return { status: 'unmatched', reason: 'empty' };
  if (cell.name.length > MAX_NAME) return { status: 'unmatched', reason: 'unknown-name' };
  const aliases = aliasIndex(context?.aliases);
  const alias = cell.name ? aliases?.get(cell.name) : undefined;
  const readings = alias ? [{ division: alias, exact: true }] : readingsOf(cell.name, aliases);
  const byCode = cell.code ? division(MUNICIPAL_GROUPINGS[cell.code] ?? cell.code) : undefined;
  const within = context?.within;

  if (byCode) {
    if (within !== undefined && !isWithin(byCode.code, within)) return { status: 'unmatched', reason: 'outside-within' };
    if (readings.length === 0) return matched(byCode, 'code');
    if (readings.some((r) => r.division === byCode)) return matched(byCode, alias ? 'alias' : 'code-and-name');
    return { status: 'ambiguous', candidates: [byCode, ...preferExact(readings)], reason: 'code-name-mismatch' };
  }
  if (cell.code && !cell.name) return { status: 'unmatched', reason: 'unknown-code' };
  if (alias) {
    if (within !== undefined && !isWithin(alias.code, within)) return { status: 'unmatched', reason: 'outside-within' };
    return cell.code ? { ...matched(alias, 'alias'), unknownCode: cell.code } : matched(alias, 'alias');
  }
  const result = settle(readings, context);
  return result.status === 'matched' && cell.code ? { ...result, unknownCode: cell.code } : result;
}
