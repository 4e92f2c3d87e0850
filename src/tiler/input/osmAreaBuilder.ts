/**
 * Turns OSM ways and multipolygon relations into clean ENU polygons (outer ring + holes),
 * counting what cannot be built: rings that do not close, nodes missing from the extract.
 */
import { EnuFrame, type GeoOrigin } from '../../core/geodesy';
import { cleanRing, MIN_HOLE_AREA_M2, pointInRing, signedArea } from '../geometry/footprint';
import type { Ring } from '../types';
import type { ImportSkips } from './importStats';
import type { OsmData, OsmMember } from './osmXmlParse';
import { assembleRings } from './ringAssembly';

export interface AreaPolygon {
  outer: Ring;
  holes: Ring[];
}

export class OsmAreaBuilder {
  private readonly frame: EnuFrame;

  constructor(private readonly data: OsmData, origin: GeoOrigin) {
    this.frame = new EnuFrame(origin);
  }

  /** Node ids → ENU ring/polyline; null when any node is missing from the extract. */
  project(refs: readonly string[]): Ring | null {
    const out: Ring = [];
    for (const r of refs) {
      const n = this.data.nodes.get(r);
      if (!n) return null;
      const p = this.frame.lonLatToEnu(n.lon, n.lat, 0);
      out.push([p[0], p[1]]);
    }
    return out;
  }

  /** Outer/inner member ways of a multipolygon → polygons with holes; null if unusable. */
  multipolygon(memberRefs: { outer: string[][]; inner: string[][] }, minArea: number, skips: ImportSkips): AreaPolygon[] | null {
    const outerRings = assembleRings(memberRefs.outer);
    const innerRings = assembleRings(memberRefs.inner);
    if (outerRings.unclosed > 0 || innerRings.unclosed > 0) skips.incomplete++;
    const outers: Ring[] = [];
    for (const refs of outerRings.rings) {
      const ring = this.project(refs);
      if (!ring) {
        skips.incomplete++;
        continue;
      }
      const clean = cleanRing(ring, { orientation: 'ccw', minAreaM2: minArea, rejectSelfIntersection: true });
      if (clean) outers.push(clean);
      else skips.degenerate++;
    }
    if (outers.length === 0) return null;
    const polygons: AreaPolygon[] = outers.map((outer) => ({ outer, holes: [] }));
    for (const refs of innerRings.rings) {
      const ring = this.project(refs);
      const clean = ring && cleanRing(ring, { orientation: 'cw', minAreaM2: MIN_HOLE_AREA_M2 });
      if (!clean) continue;
      const p = clean[0]!;
      // A hole belongs to the smallest outer ring that contains it.
      const host = polygons
        .filter((poly) => pointInRing(p[0], p[1], poly.outer))
        .sort((a, b) => signedArea(a.outer) - signedArea(b.outer))[0];
      if (host) host.holes.push(clean);
    }
    return polygons;
  }

  closedWay(refs: readonly string[], minArea: number, skips: ImportSkips): AreaPolygon[] | null {
    if (refs.length < 4 || refs[0] !== refs[refs.length - 1]) {
      skips.incomplete++;
      return null;
    }
    const ring = this.project(refs);
    if (!ring) {
      skips.incomplete++;
      return null;
    }
    const outer = cleanRing(ring, { orientation: 'ccw', minAreaM2: minArea, rejectSelfIntersection: true });
    if (!outer) {
      skips.degenerate++;
      return null;
    }
    return [{ outer, holes: [] }];
  }
}

export function memberWays(data: OsmData, members: readonly OsmMember[]): { outer: string[][]; inner: string[][]; missing: number } {
  const outer: string[][] = [], inner: string[][] = [];
  let missing = 0;
  for (const m of members) {
    if (m.type !== 'way') continue;
    const way = data.ways.get(m.ref);
    if (!way) {
      missing++;
      continue;
    }
    (m.role === 'inner' ? inner : outer).push(way.refs);
  }
  return { outer, inner, missing };
}
