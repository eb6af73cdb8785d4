import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeStore, deleteRegionAlias, getRegionAliases, openStore, putRegionAliases } from '../../../src/store';
import { freshName } from './fixtures';

afterEach(() => closeStore());

describe('region aliases', () => {
  it('stores, overwrites and forgets aliases, a name __proto__ included', async () => {
    await openStore({ name: freshName() });
    expect({ ...(await getRegionAliases()) }).toEqual({});
    await putRegionAliases([
      { alias: '阿城市', code: '230112' },
      { alias: '__proto__', code: '230102' },
    ]);
    await putRegionAliases([{ alias: '阿城市', code: '230113' }]);
    const aliases = await getRegionAliases();
    expect(aliases['阿城市']).toBe('230113');
    expect(Object.prototype.hasOwnProperty.call(aliases, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await deleteRegionAlias('阿城市');
    expect(Object.keys(await getRegionAliases())).toEqual(['__proto__']);
  });

  it('does not change the records it is given', async () => {
    await openStore({ name: freshName() });
    const records = [{ alias: '阿城市', code: '230112' }];
    const before = JSON.stringify(records);
    await putRegionAliases(records);
    expect(JSON.stringify(records)).toBe(before);
  });
});
