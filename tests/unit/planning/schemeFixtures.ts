/** A small test zone near the West Bund and builders for GeoJSON and CityJSON scheme files. */
import { EnuFrame } from '../../../src/core/geodesy';
import type { SchemeFileContext } from '../../../src/analysis/planning/schemeFile';
import type { Ring } from '../../../src/analysis/planning/types';

export const ORIGIN = { lonDeg: 121.46, latDeg: 31.18, heightM: 4 };
export const FRAME = new EnuFrame(ORIGIN);

export function ctx(over: Partial<SchemeFileContext> = {}): SchemeFileContext {
  return {
    fileName: 'scheme-a.geojson',
    origin: ORIGIN,
    bounds: { west: 121.45, south: 31.17, east: 121.47, north: 31.19 },
    crs: 'wgs84',
    source: 'shipped',
    knownSiteIds: ['s1', 's2'],
    ...over,
  };
}

/** ENU ring → closed GeoJSON lon/lat ring (RFC 7946). */
export function lonLatRing(ring: Ring): number[][] {
  const out = ring.map(([e, n]) => {
    const g = FRAME.enuToLonLat(e, n, 0);
    return [g.lonDeg, g.latDeg];
  });
  return [...out, out[0]!];
}

export function polygonFeature(rings: number[][][], properties: Record<string, unknown> | null): Record<string, unknown> {
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: rings }, properties };
}

export const META = { id: 'scheme-a', site: 's1', name: '方案A', nameEn: 'Scheme A' };

/** `meta: null` leaves the "shentwin:scheme" block out. */
export function collection(features: unknown[], meta: unknown = META): Record<string, unknown> {
  const fc: Record<string, unknown> = { type: 'FeatureCollection', features };
  if (meta !== null) fc['shentwin:scheme'] = meta;
  return fc;
}

export const SCALE: [number, number, number] = [1e-7, 1e-7, 0.001];
export const TRANSLATE: [number, number, number] = [121.46, 31.18, 0];

/** Integer CityJSON vertex of an ENU point at height z (m). */
export function cjVertex(e: number, n: number, z: number): [number, number, number] {
  const g = FRAME.enuToLonLat(e, n, 0);
  return [
    Math.round((g.lonDeg - TRANSLATE[0]) / SCALE[0]),
    Math.round((g.latDeg - TRANSLATE[1]) / SCALE[1]),
    Math.round((z - TRANSLATE[2]) / SCALE[2]),
  ];
}

/** A box as a CityJSON Solid: 8 vertices appended to `vertices`, 6 faces (bottom facing down). */
export function boxSolid(vertices: number[][], x0: number, y0: number, x1: number, y1: number, z0: number, z1: number): Record<string, unknown> {
  const b = vertices.length;
  for (const z of [z0, z1]) for (const [e, n] of [[x0, y0], [x1, y0], [x1, y1], [x0, y1]] as const) vertices.push(cjVertex(e, n, z));
  const f = (...i: number[]): number[][] => [i.map((k) => b + k)];
  return {
    type: 'Solid',
    lod: '1.2',
    boundaries: [[f(0, 3, 2, 1), f(4, 5, 6, 7), f(0, 1, 5, 4), f(1, 2, 6, 5), f(2, 3, 7, 6), f(3, 0, 4, 7)]],
  };
}

export function cityjson(objects: Record<string, unknown>, vertices: number[][], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'CityJSON',
    version: '2.0',
    transform: { scale: SCALE, translate: TRANSLATE },
    metadata: { referenceSystem: 'https://www.opengis.net/def/crs/EPSG/0/4326', 'shentwin:scheme': META },
    CityObjects: objects,
    vertices,
    ...extra,
  };
}
