/** Scene and index fixtures shared by the app's unit and component tests. Values are plausible, not real data. */
import type { BuildingIndexEntry } from '../../src/app/buildingIndex';
import type { Scene } from '../../src/scene/schema';

export function makeSceneJson(id: string, zh: string, en: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    name: { zh, en },
    description: { zh: `${zh}的说明`, en: `About ${en}` },
    origin: { lonDeg: 121.46, latDeg: 31.18, heightM: 4 },
    bounds: { west: 121.44, south: 31.16, east: 121.48, north: 31.2 },
    tilesets: [
      { id: 'buildings', kind: 'buildings', url: `tiles/${id}/buildings/tileset.json`, name: { zh: '建筑', en: 'Buildings' } },
      { id: 'ground', kind: 'ground', url: `tiles/${id}/ground/tileset.json`, name: { zh: '地面', en: 'Ground' } },
    ],
    groundLayers: [
      { id: 'water', name: { zh: '水系', en: 'Water' }, color: '#3a7bd5', visible: true },
      { id: 'road', name: { zh: '道路', en: 'Roads' }, color: '#777777', visible: true },
      { id: 'green', name: { zh: '绿地', en: 'Green' }, color: '#4caf50', visible: true },
      { id: 'landuse', name: { zh: '用地', en: 'Land use' }, color: '#e0c080', visible: false },
    ],
    viewpoints: [
      { id: 'overview', name: { zh: '全景', en: 'Overview' }, position: [0, -1500, 900], target: [0, 0, 0] },
      { id: 'river', name: { zh: '滨江', en: 'Riverside' }, position: [400, -300, 200], target: [400, 0, 0] },
      { id: 'museum', name: { zh: '美术馆', en: 'Museum' }, position: [-200, -200, 150], target: [-200, 0, 0] },
      { id: 'tower', name: { zh: '塔楼', en: 'Tower' }, position: [100, 300, 300], target: [100, 500, 50] },
    ],
    defaultViewpoint: 'overview',
    buildingIndexUrl: `tiles/${id}/buildings-index.json`,
    roadGraphUrl: `tiles/${id}/roads.json`,
    sunDefault: '2025-06-21T15:00:00+08:00',
    attribution: [{ text: '© OpenStreetMap contributors (ODbL 1.0)', url: 'https://www.openstreetmap.org/copyright' }],
  };
}

export const ZONES: [string, string, string][] = [
  ['jiading', '嘉定智慧出行示范区', 'Jiading Smart Mobility Zone'],
  ['westbund', '徐汇滨江', 'West Bund'],
  ['yangpu', '杨浦滨江', 'Yangpu Riverside'],
];

export function makeScene(id = 'westbund'): Scene {
  const z = ZONES.find((x) => x[0] === id) ?? ['westbund', '徐汇滨江', 'West Bund'];
  return makeSceneJson(z[0], z[1], z[2]) as unknown as Scene;
}

export function entry(p: Partial<BuildingIndexEntry> & { id: string }): BuildingIndexEntry {
  return { name: '', nameEn: '', source: 'osm', heightM: 20, floors: 6, landUse: 'B', x: 0, y: 0, topM: 24, ...p };
}

export const WESTBUND_INDEX = {
  version: 1,
  zoneId: 'westbund',
  buildings: [
    entry({ id: 'osm:way/101', name: '龙美术馆（西岸馆）', nameEn: 'Long Museum West Bund', heightM: 18.2, landUse: 'A', x: 120, y: -40, topM: 22.2 }),
    entry({ id: 'osm:way/102', name: '余德耀美术馆', nameEn: 'Yuz Museum', heightM: 16, landUse: 'A', x: -60, y: 80, topM: 20 }),
    entry({ id: 'gen:westbund:7', name: '西岸商务楼 7 号', nameEn: 'West Bund Office 7', source: 'generated', heightM: 86.4, floors: 24, x: 300, y: 200, topM: 90.4 }),
  ],
};

/** A fetch stub serving a map of path suffix → body (string) or status (number). */
export function fakeFetch(routes: Record<string, string | number | object>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    const key = Object.keys(routes).find((k) => url.endsWith(k));
    const v = key === undefined ? 404 : routes[key];
    if (typeof v === 'number') return new Response('not found', { status: v, statusText: 'Not Found' });
    return new Response(typeof v === 'string' ? v : JSON.stringify(v), { status: 200 });
  }) as typeof fetch;
}
