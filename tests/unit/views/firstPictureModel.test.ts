import { describe, expect, it } from 'vitest';
import { EMPTY_TILESET_STATUS, type TilesetStatus } from '../../../src/state/tilesSlice';
import { firstPictureVerdict, FIRST_PICTURE_MAX_WAIT_MS, type FirstPictureTileset } from '../../../src/views/three/firstPictureModel';

const status = (p: Partial<TilesetStatus>): TilesetStatus => ({ ...EMPTY_TILESET_STATUS, ...p });
const ts = (loaded: number | null, s?: Partial<TilesetStatus>): FirstPictureTileset => ({ loaded, status: s ? status(s) : undefined });

describe('when the 3D view paints its first picture', () => {
  it('holds until every tileset has content, reading the renderer before the store', () => {
    expect(firstPictureVerdict([ts(null), ts(null)], 10)).toBeNull();
    expect(firstPictureVerdict([ts(0, { root: 'ready' }), ts(1)], 10)).toBeNull();
    // The store still says 0 loaded (published at 4 Hz); the renderer already parsed a tile.
    expect(firstPictureVerdict([ts(1, { root: 'ready', loaded: 0 }), ts(2, { root: 'ready', loaded: 0 })], 10)).toBe('content');
  });

  it('does not wait for a failed tileset, or one with nothing to load for this view', () => {
    expect(firstPictureVerdict([ts(0, { root: 'failed' }), ts(3)], 10)).toBe('content');
    expect(firstPictureVerdict([ts(0, { root: 'ready', settled: true }), ts(3)], 10)).toBe('content');
    expect(firstPictureVerdict([ts(0, { root: 'failed' }), ts(null, { root: 'failed' })], 10)).toBe('nothing-to-wait-for');
    expect(firstPictureVerdict([], 0)).toBe('nothing-to-wait-for');
  });

  it('never holds past the maximum wait, nor on a broken clock', () => {
    expect(firstPictureVerdict([ts(0, { root: 'ready' })], FIRST_PICTURE_MAX_WAIT_MS - 1)).toBeNull();
    expect(firstPictureVerdict([ts(0, { root: 'ready' })], FIRST_PICTURE_MAX_WAIT_MS)).toBe('timeout');
    expect(firstPictureVerdict([ts(null)], Number.NaN)).toBe('timeout');
    expect(firstPictureVerdict([ts(null)], 50, 40)).toBe('timeout');
  });
});
