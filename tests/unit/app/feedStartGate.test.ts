import { describe, expect, it, vi } from 'vitest';
import { FEED_START_MAX_WAIT_MS, FeedStartGate, feedGateVerdict } from '../../../src/app/feedStartGate';
import { EMPTY_TILESET_STATUS, type TilesetStatus } from '../../../src/state/tilesSlice';

const loading: TilesetStatus = { ...EMPTY_TILESET_STATUS };
const streaming: TilesetStatus = { ...EMPTY_TILESET_STATUS, root: 'ready', inFlight: 3 };
const settled: TilesetStatus = { ...EMPTY_TILESET_STATUS, root: 'ready', loaded: 2, settled: true };
const failed: TilesetStatus = { ...EMPTY_TILESET_STATUS, root: 'failed', settled: true };

function timer() {
  const t = { fn: null as (() => void) | null, ms: 0, cancelled: 0 };
  const schedule = (fn: () => void, ms: number) => {
    t.fn = fn;
    t.ms = ms;
    return () => {
      t.cancelled++;
      t.fn = null;
    };
  };
  return { t, schedule };
}

describe('feedGateVerdict', () => {
  it('waits until every tileset of the zone has settled', () => {
    expect(feedGateVerdict({ tilesets: [undefined, undefined], viewFailed: false })).toBeNull();
    expect(feedGateVerdict({ tilesets: [settled, streaming], viewFailed: false })).toBeNull();
    expect(feedGateVerdict({ tilesets: [settled, loading], viewFailed: false })).toBeNull();
    expect(feedGateVerdict({ tilesets: [settled, undefined], viewFailed: false })).toBeNull();
    expect(feedGateVerdict({ tilesets: [settled, settled], viewFailed: false })).toBe('settled');
  });

  it('does not wait for tiles that will not come', () => {
    expect(feedGateVerdict({ tilesets: [streaming, failed], viewFailed: false })).toBe('tiles-failed');
    expect(feedGateVerdict({ tilesets: [undefined], viewFailed: true })).toBe('no-view');
    expect(feedGateVerdict({ tilesets: [], viewFailed: false })).toBe('no-view');
  });
});

describe('FeedStartGate', () => {
  it('opens once when the tiles settle, and cancels its timeout', () => {
    const { t, schedule } = timer();
    const onOpen = vi.fn();
    const gate = new FeedStartGate({ schedule, onOpen });
    expect(t.ms).toBe(FEED_START_MAX_WAIT_MS);
    gate.observe({ tilesets: [streaming], viewFailed: false });
    expect(onOpen).not.toHaveBeenCalled();
    gate.observe({ tilesets: [settled], viewFailed: false });
    gate.observe({ tilesets: [settled], viewFailed: false });
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith('settled');
    expect(gate.openedBecause).toBe('settled');
    expect(t.fn).toBeNull();
  });

  it('opens after the maximum wait when the tiles never settle', () => {
    const { t, schedule } = timer();
    const onOpen = vi.fn();
    const gate = new FeedStartGate({ schedule, onOpen, maxWaitMs: 500 });
    gate.observe({ tilesets: [streaming], viewFailed: false });
    expect(t.ms).toBe(500);
    t.fn!();
    expect(onOpen).toHaveBeenCalledWith('timeout');
    gate.observe({ tilesets: [settled], viewFailed: false });
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('opens at once without a view or with a failed tileset', () => {
    const a = vi.fn();
    new FeedStartGate({ schedule: timer().schedule, onOpen: a }).observe({ tilesets: [undefined], viewFailed: true });
    expect(a).toHaveBeenCalledWith('no-view');
    const b = vi.fn();
    new FeedStartGate({ schedule: timer().schedule, onOpen: b }).observe({ tilesets: [failed, streaming], viewFailed: false });
    expect(b).toHaveBeenCalledWith('tiles-failed');
  });

  it('never opens after dispose, and leaves no timer behind', () => {
    const { t, schedule } = timer();
    const onOpen = vi.fn();
    const gate = new FeedStartGate({ schedule, onOpen });
    gate.dispose();
    expect(t.cancelled).toBe(1);
    gate.observe({ tilesets: [settled], viewFailed: false });
    expect(onOpen).not.toHaveBeenCalled();
  });
});
