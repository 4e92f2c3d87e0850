/**
 * Heritage and museum landmarks as the generator must respect them: which OSM tags make a
 * landmark protected, and how high a generated building may be near one. Without this the
 * generator filled temple grounds with "龙华寺 N 号楼" and walled museums in with 100 m towers.
 */
import type { Ring } from '../../types';
import { distPointSegment, pointInRing, ringBounds, type Pt } from '../geom/planar';
import type { HeritageRules } from '../sourceSchemas';

/** A protected landmark's outline and the margin generated buildings keep from it. */
export interface ProtectedArea {
  ring: Ring;
  marginM: number;
}

const MUSEUM_TOURISM = new Set(['museum', 'gallery']);

/** Heritage-listed, historic, a museum or gallery, or a place of worship (a temple compound). */
export function isProtectedLandmark(p: Record<string, unknown>): boolean {
  const has = (k: string): boolean => typeof p[k] === 'string' && p[k] !== 'no';
  return has('heritage') || has('historic') || MUSEUM_TOURISM.has(String(p.tourism))
    || p.amenity === 'place_of_worship';
}

/** Museums and galleries mapped as a point: the only point landmarks that get a keep-clear radius. */
export function isProtectedPoint(p: Record<string, unknown>): boolean {
  return MUSEUM_TOURISM.has(String(p.tourism));
}

/** A small octagon standing for a point landmark; the margin does the rest. */
export function pointMarker(at: Pt, radiusM = 5): Ring {
  const ring: Ring = [];
  for (let k = 0; k < 8; k++) {
    const a = (k * Math.PI) / 4;
    ring.push([at[0] + radiusM * Math.cos(a), at[1] + radiusM * Math.sin(a)]);
  }
  return ring;
}

function distanceToArea(x: number, y: number, ring: Ring): number {
  if (pointInRing(x, y, ring)) return 0;
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    best = Math.min(best, distPointSegment(x, y, ring[j]![0], ring[j]![1], ring[i]![0], ring[i]![1]));
  }
  return best;
}

/**
 * Height caps around protected landmarks: the lowest cap of every zone a point falls in. Zones
 * are measured from the landmark's outline, so a large site caps a wider area than a pavilion.
 */
export class HeightZoning {
  private readonly areas: { ring: Ring; bounds: [number, number, number, number] }[];
  private readonly reachM: number;

  constructor(areas: readonly Ring[], private readonly rules: HeritageRules) {
    this.reachM = Math.max(0, ...rules.heightZones.map((z) => z.withinM));
    this.areas = areas.map((ring) => ({ ring, bounds: ringBounds(ring) }));
  }

  /** Highest a generated building centred at (x, y) may be; Infinity when no zone applies. */
  maxHeightAt(x: number, y: number): number {
    let cap = Infinity;
    const r = this.reachM;
    for (const a of this.areas) {
      const b = a.bounds;
      if (x < b[0] - r || x > b[2] + r || y < b[1] - r || y > b[3] + r) continue;
      const d = distanceToArea(x, y, a.ring);
      for (const z of this.rules.heightZones) if (d <= z.withinM) cap = Math.min(cap, z.maxHeightM);
    }
    return cap;
  }
}
