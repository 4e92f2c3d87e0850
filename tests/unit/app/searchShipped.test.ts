/**
 * Search over the shipped zones finds what a visitor types (issue 15 item 8): landmarks by their
 * Chinese or English names, viewpoints, and ids, with full-width, traditional and spaced input.
 * Items come from the zones' scene viewpoints and the buildings the tiler would index.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { placesFromBuildings, placesFromViewpoints, searchPlaces, type SearchItem } from '../../../src/app/searchPlaces';
import { loadZoneInput } from '../../../src/tiler/zones';

const REPO = resolve(__dirname, '../../..');
const items = new Map<string, SearchItem[]>();

const ids = (zone: string, q: string) => searchPlaces(items.get(zone)!, q).map((h) => `${h.item.kind}:${h.item.id}`);

describe('search on the shipped zones', () => {
  beforeAll(async () => {
    for (const zone of ['jiading', 'westbund', 'yangpu']) {
      const scene = JSON.parse(readFileSync(resolve(REPO, 'scenes', `${zone}.json`), 'utf8')) as { viewpoints: { id: string; name: { zh: string; en: string } }[] };
      const input = await loadZoneInput(zone, REPO);
      const buildings = input.buildings.filter((b) => b.schemeId === undefined).map((b) => ({
        id: b.id, name: b.name, nameEn: b.nameEn, source: b.source === 'osm' ? ('osm' as const) : ('generated' as const),
        heightM: b.heightM, floors: b.floors, landUse: b.landUse, x: 0, y: 0, topM: b.heightM,
      }));
      items.set(zone, [...placesFromViewpoints(scene.viewpoints), ...placesFromBuildings(buildings)]);
    }
  }, 60_000);

  it.each([
    ['westbund', '余德耀', ['viewpoint:yuz-museum', 'building:osm:way/543033477']],
    ['westbund', '龙美术馆', ['viewpoint:long-museum']],
    ['westbund', 'Long Museum', ['viewpoint:long-museum']],
    ['westbund', '摄影', ['building:osm:way/488984509']],
    ['yangpu', '杨浦大桥', ['viewpoint:yangpu-bridge']],
    ['yangpu', 'Yangpu Bridge', ['viewpoint:yangpu-bridge']],
    ['jiading', 'osm:way/206501415', ['building:osm:way/206501415']],
    ['jiading', 'way/2065014', ['building:osm:way/206501415']],
    // Traditional characters, full-width Latin and stray spaces find the same things.
    ['westbund', '龍美術館', ['viewpoint:long-museum']],
    ['westbund', 'ＬＯＮＧ ＭＵＳＥＵＭ', ['viewpoint:long-museum']],
    ['yangpu', '杨浦 大桥', ['viewpoint:yangpu-bridge']],
  ])('%s: "%s" finds %j', (zone, q, expected) => {
    const found = ids(zone, q);
    expect(found.length).toBeGreaterThan(0);
    for (const e of expected) expect(found).toContain(e);
  });

  it('puts the real landmark before generated buildings that share its name', () => {
    const found = searchPlaces(items.get('westbund')!, '龙华寺');
    expect(found[0]!.item.real).toBe(true);
  });
});
