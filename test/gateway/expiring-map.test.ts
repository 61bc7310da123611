import { describe, expect, it } from 'vitest';
import { ExpiringMap } from '../../stack/expiring-map';

/** The one cache shape of the gateway and subgraphs: what it forgets, and when. */
describe('ExpiringMap', () => {
  it('serves an entry until its expiry, not after', () => {
    const map = new ExpiringMap<string, number>(10);
    map.set('a', 1, 1_000);
    expect(map.get('a', 999)).toBe(1);
    expect(map.get('a', 1_000)).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('evicts the entry written longest ago beyond its size; a rewrite makes an entry the newest', () => {
    const map = new ExpiringMap<string, number>(2);
    map.set('a', 1, Infinity);
    map.set('b', 2, Infinity);
    map.set('a', 3, Infinity);
    map.set('c', 4, Infinity);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([3, undefined, 4]);
  });

  it('deletes with a value only while the key still holds it', () => {
    const map = new ExpiringMap<string, object>(10);
    const first = {};
    const second = {};
    map.set('k', first, Infinity);
    map.set('k', second, Infinity);
    map.delete('k', first);
    expect(map.get('k')).toBe(second);
    map.delete('k', second);
    expect(map.get('k')).toBeUndefined();
  });
});
