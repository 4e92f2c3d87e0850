import { describe, expect, it, vi } from 'vitest';
import {
  clearBuildingIndexCache,
  flyTargetForEntry,
  FLY_MIN_RADIUS_M,
  loadBuildingIndex,
  osmIdFromBuildingId,
  parseBuildingIndex,
  selectionFromEntry,
} from '../../../src/app/buildingIndex';
import { entry, fakeFetch, WESTBUND_INDEX } from '../../component/fixtures';

describe('parseBuildingIndex', () => {
  it('accepts a valid index', () => {
    const r = parseBuildingIndex(JSON.stringify(WESTBUND_INDEX), 'westbund');
    expect(r.ok && r.index.buildings).toHaveLength(3);
  });

  it('drops invalid entries and counts them, keeping the rest', () => {
    const bad = { ...WESTBUND_INDEX, buildings: [...WESTBUND_INDEX.buildings, { id: 'x', x: 'NaN' }, null] };
    const r = parseBuildingIndex(JSON.stringify(bad), 'westbund');
    expect(r.ok && r.index.dropped).toBe(2);
    expect(r.ok && r.index.buildings).toHaveLength(3);
  });

  it('rejects invalid JSON, a wrong version and an index for another zone', () => {
    expect(parseBuildingIndex('{', 'westbund').ok).toBe(false);
    expect(parseBuildingIndex(JSON.stringify({ ...WESTBUND_INDEX, version: 2 }), 'westbund').ok).toBe(false);
    const other = parseBuildingIndex(JSON.stringify(WESTBUND_INDEX), 'yangpu');
    expect(!other.ok && other.message).toMatch(/westbund/);
  });
});

describe('loadBuildingIndex', () => {
  it('fetches once per URL and reports only the real fetch', async () => {
    clearBuildingIndexCache();
    const f = vi.fn(fakeFetch({ 'idx.json': WESTBUND_INDEX }));
    const onFresh = vi.fn();
    const a = await loadBuildingIndex('/t/idx.json', 'westbund', { fetchImpl: f, onFresh });
    const b = await loadBuildingIndex('/t/idx.json', 'westbund', { fetchImpl: f, onFresh });
    expect(a).toBe(b);
    expect(f).toHaveBeenCalledTimes(1);
    expect(onFresh).toHaveBeenCalledTimes(1);
  });

  it('does not cache failures, so a later search retries', async () => {
    clearBuildingIndexCache();
    const f = vi.fn(fakeFetch({}));
    const r = await loadBuildingIndex('/t/missing.json', 'westbund', { fetchImpl: f });
    expect(r).toEqual({ ok: false, message: 'HTTP 404' });
    await Promise.resolve();
    await loadBuildingIndex('/t/missing.json', 'westbund', { fetchImpl: f });
    expect(f).toHaveBeenCalledTimes(2);
  });
});

describe('selection and flight from an index entry', () => {
  it('carries the index properties and derives the OSM id', () => {
    const e = entry({ id: 'osm:way/42', name: '水厂', nameEn: 'Water Works', heightM: 30, x: 5, y: 6, topM: 34 });
    const sel = selectionFromEntry(e);
    expect(sel.id).toBe('osm:way/42');
    expect(sel.point).toEqual([5, 6, 34]);
    expect(sel.properties).toMatchObject({ name: '水厂', nameEn: 'Water Works', heightM: 30, osmId: 'way/42', source: 'osm' });
    expect(selectionFromEntry(entry({ id: 'gen:yangpu:1', source: 'generated' })).properties.osmId).toBeUndefined();
  });

  it('aims at mid-height and stands back in proportion, with a minimum', () => {
    expect(flyTargetForEntry(entry({ id: 'a', heightM: 200, x: 1, y: 2, topM: 204 }))).toEqual({ target: [1, 2, 104], radiusM: 500 });
    expect(flyTargetForEntry(entry({ id: 'b', heightM: 6, topM: 6 })).radiusM).toBe(FLY_MIN_RADIUS_M);
  });

  it('parses OSM ids', () => {
    expect(osmIdFromBuildingId('osm:relation/9')).toBe('relation/9');
    expect(osmIdFromBuildingId('gen:x:1')).toBe('');
    expect(osmIdFromBuildingId('osm:way/abc')).toBe('');
  });
});
