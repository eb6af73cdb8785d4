import { describe, expect, it } from 'vitest';
import { rememberOpeningAddress, takeOpeningAddress } from '../../../src/app/briefing/opening';

describe('takeOpeningAddress', () => {
  it('gives the remembered address once', () => {
    rememberOpeningAddress('?page=briefing&deck=d1&slide=3&present=1');
    const first = takeOpeningAddress();
    expect([first.get('deck'), first.get('slide'), first.get('present')]).toEqual(['d1', '3', '1']);
    expect(takeOpeningAddress().get('deck')).toBeNull();
  });

  it('does not mutate its input', () => {
    const search = '?deck=d2';
    rememberOpeningAddress(search);
    takeOpeningAddress();
    expect(search).toBe('?deck=d2');
  });
});
