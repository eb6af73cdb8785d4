/** The user's own names for divisions (撤县设区: 阿城市 → 230112), applied to every later import. */
import { toStoreError } from './errors';
import { announce, getDb } from './open';
import type { RegionAliasRecord } from './alias-records';

/**
 * Every alias, as a plain name → code object with no prototype (a name `__proto__` is a key like
 * any other), ready to pass to the matcher.
 * @example const aliases = await getRegionAliases() // { 阿城市: '230112' }
 */
export async function getRegionAliases(): Promise<Record<string, string>> {
  const out = Object.create(null) as Record<string, string>;
  for (const r of await getDb().regionAliases.toArray()) out[r.alias] = r.code;
  return out;
}

/**
 * Store aliases (one transaction); an alias already stored takes the new code.
 * @example await putRegionAliases([{ alias: '阿城市', code: '230112' }])
 */
export async function putRegionAliases(records: readonly RegionAliasRecord[]): Promise<void> {
  if (records.length === 0) return;
  try {
    await getDb().regionAliases.bulkPut(records.map((r) => ({ alias: r.alias, code: r.code })));
  } catch (error) {
    throw await toStoreError(error);
  }
  announce({ scope: 'regionAliases' });
}

/**
 * Forget an alias.
 * @example await deleteRegionAlias('阿城市')
 */
export async function deleteRegionAlias(alias: string): Promise<void> {
  await getDb().regionAliases.delete(alias);
  announce({ scope: 'regionAliases' });
}
