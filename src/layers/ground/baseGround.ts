/**
 * The neutral land the zone sits on. Land-use blocks, water and roads cover only the modelled
 * area; without a base the city floats over sky at its edges and from low viewpoints. The base is
 * the zone's geographic bounds in ENU, widened by a margin so the horizon reads as land.
 */
import type { EnuFrame } from '../../core/geodesy';

/** How far the base extends beyond the zone bounds, metres. */
export const BASE_GROUND_MARGIN_M = 3000;
/** Just below the land-use layer (at 0 m), so the modelled ground always wins. */
export const BASE_GROUND_HEIGHT_M = -0.5;
/** A muted field colour that does not compete with the land-use palette. */
export const BASE_GROUND_COLOR = '#b9b8a8';

export interface EnuRect {
  minE: number;
  maxE: number;
  minN: number;
  maxN: number;
}

export interface GeoBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** ENU rectangle enclosing the bounds' four corners and edge midpoints, plus the margin. */
export function baseGroundRect(frame: EnuFrame, b: GeoBounds, marginM = BASE_GROUND_MARGIN_M): EnuRect {
  const midLon = (b.west + b.east) / 2;
  const midLat = (b.south + b.north) / 2;
  const samples: [number, number][] = [
    [b.west, b.south], [b.east, b.south], [b.east, b.north], [b.west, b.north],
    [midLon, b.south], [midLon, b.north], [b.west, midLat], [b.east, midLat],
  ];
  const r: EnuRect = { minE: Infinity, maxE: -Infinity, minN: Infinity, maxN: -Infinity };
  for (const [lon, lat] of samples) {
    const p = frame.lonLatToEnu(lon, lat, 0);
    r.minE = Math.min(r.minE, p[0]);
    r.maxE = Math.max(r.maxE, p[0]);
    r.minN = Math.min(r.minN, p[1]);
    r.maxN = Math.max(r.maxN, p[1]);
  }
  return { minE: r.minE - marginM, maxE: r.maxE + marginM, minN: r.minN - marginM, maxN: r.maxN + marginM };
}
