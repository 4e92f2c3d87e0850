/** WGS84 source coordinates → the zone's local ENU plane (east, north metres). */
import { EnuFrame, type GeoOrigin, type Vec3 } from '../../core/geodesy';
import type { Ring } from '../types';
import { normalizeRing, type Pt } from './geom/planar';

export class ZoneProjection {
  private readonly frame: EnuFrame;
  private readonly scratch: Vec3 = [0, 0, 0];

  constructor(origin: GeoOrigin) {
    this.frame = new EnuFrame(origin);
  }

  point(lonDeg: number, latDeg: number): Pt {
    // Height 0 on the ellipsoid: the zones are flat, and the few metres of curvature drop over a
    // zone's extent belong to the globe view, not to the footprints.
    const p = this.frame.lonLatToEnu(lonDeg, latDeg, 0, this.scratch);
    return [p[0], p[1]];
  }

  line(coords: readonly (readonly number[])[]): Pt[] {
    return coords.map((c) => this.point(c[0]!, c[1]!));
  }

  /** A GeoJSON linear ring (closed, either winding) → an open CCW ENU ring. */
  ring(coords: readonly (readonly number[])[]): Ring {
    return normalizeRing(this.line(coords));
  }
}
