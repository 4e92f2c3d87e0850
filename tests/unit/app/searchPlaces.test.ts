/** Search across kinds of place: ranking between kinds, id matching, normalisation, landmark entries in the index. */
import { describe, expect, it } from 'vitest';
import { parseBuildingIndex } from '../../../src/app/buildingIndex';
import { placesFromIndex, placesFromViewpoints, searchPlaces } from '../../../src/app/searchPlaces';
import { compactForSearch, normalizeForSearch } from '../../../src/app/searchText';

const index = parseBuildingIndex(JSON.stringify({
  version: 1, zoneId: 'westbund',
  buildings: [
    { id: 'osm:way/1', name: '龙美术馆（西岸馆）', nameEn: 'Long Museum West Bund', source: 'osm', heightM: 18, floors: 4, landUse: 'A', x: 0, y: 0, topM: 18 },
    { id: 'gen:westbund:12', name: '龙华寺 3 号楼', nameEn: 'Longhua Temple bldg 3', source: 'generated', heightM: 9, floors: 3, landUse: 'A', x: 5, y: 5, topM: 9 },
  ],
  landmarks: [
    { id: 'osm:node/9', name: '龙华寺', nameEn: 'Longhua Temple', x: 10, y: 20 },
    { id: 'osm:node/10', name: 42, nameEn: 'broken', x: 0, y: 0 },
  ],
}), 'westbund');

const items = () => {
  if (!index.ok) throw new Error(index.message);
  return [...placesFromViewpoints([{ id: 'long-museum', name: { zh: '龙美术馆（西岸馆）', en: 'Long Museum West Bund' } }]), ...placesFromIndex(index.index)];
};

describe('searchPlaces', () => {
  it('reads landmarks from the index, dropping bad entries with the count', () => {
    expect(index.ok && index.index.landmarks.map((l) => l.id)).toEqual(['osm:node/9']);
    expect(index.ok && index.index.dropped).toBe(1);
  });

  it('ranks a viewpoint before the building of the same name, and a landmark before generated buildings', () => {
    expect(searchPlaces(items(), '龙美术馆').map((h) => h.item.kind)).toEqual(['viewpoint', 'building']);
    const temple = searchPlaces(items(), '龙华寺');
    expect(temple.map((h) => h.item.id)).toEqual(['osm:node/9', 'gen:westbund:12']);
    expect(temple[0]!.item.target).toMatchObject({ kind: 'point', x: 10, y: 20 });
  });

  it('matches ids only for id-like queries', () => {
    expect(searchPlaces(items(), 'osm:way/1')[0]).toMatchObject({ matched: 'id', score: 0 });
    expect(searchPlaces(items(), 'node/9').map((h) => h.item.id)).toEqual(['osm:node/9']);
    expect(searchPlaces(items(), '1').some((h) => h.matched === 'id')).toBe(false);
  });

  it('folds full-width, case, traditional characters, spaces and punctuation', () => {
    expect(normalizeForSearch('ＬＯＮＧ  Museum')).toBe('long museum');
    expect(normalizeForSearch('龍華寺')).toBe('龙华寺');
    expect(compactForSearch('龙美术馆（西岸馆）')).toBe('龙美术馆西岸馆');
    expect(searchPlaces(items(), 'longmuseum').map((h) => h.item.kind)).toEqual(['viewpoint', 'building']);
    expect(searchPlaces(items(), '美术馆 西岸').length).toBeGreaterThan(0);
  });
});
