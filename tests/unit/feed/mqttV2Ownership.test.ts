import { describe, expect, it } from 'vitest';
import { StreamOwnership } from '../../../src/feed/ingest/StreamOwnership';

describe('StreamOwnership', () => {
  it('lets only the owning stream remove a vehicle (removal after the add of a cell crossing)', () => {
    const o = new StreamOwnership();
    o.take('v1', 'e0n0');
    o.take('v1', 'e1n0');
    expect(o.mayRemove('v1', 'e0n0')).toBe(false);
    expect(o.mayRemove('v1', 'e1n0')).toBe(true);
  });

  it('applies a removal of an unowned id and lists what a stream owns', () => {
    const o = new StreamOwnership();
    expect(o.mayRemove('x', 'e0n0')).toBe(true);
    o.take('a', 'e0n0');
    o.take('b', 'e1n0');
    o.take('c', 'e0n0');
    expect(o.ownedBy('e0n0').sort()).toEqual(['a', 'c']);
    o.release('a');
    expect(o.ownerOf('a')).toBeUndefined();
    o.clear();
    expect(o.ownedBy('e1n0')).toEqual([]);
  });
});
