/**
 * A view cone as a planner sets it: heading and pitch of the view axis, and the full horizontal and
 * vertical opening angles. The cone is an azimuth × elevation window (|Δazimuth| ≤ h/2 and
 * |elevation − pitch| ≤ v/2), not a perspective frustum: a 120° × 60° cone of a surveillance camera
 * or of a person's field of view is specified that way, and it stays well defined up to 360°.
 */
import { DEG, wrap180 } from './angles';
import { requireFinite, requireRange } from './errors';

export interface ViewCone {
  /** Degrees clockwise from north. */
  headingDeg: number;
  /** Degrees above the horizontal (negative looks down). Default 0. */
  pitchDeg?: number;
  /** Full horizontal opening, degrees in (0, 360]. */
  horizontalFovDeg: number;
  /** Full vertical opening, degrees in (0, 180]. Default 180 (any elevation). */
  verticalFovDeg?: number;
}

/** Horizontal distances below this have no defined azimuth: the point is straight above or below. */
const PLUMB_M = 1e-9;

/** A validated cone, with its limits precomputed for the per-cell test. */
export class ConeTest {
  private readonly heading: number;
  private readonly halfH: number;
  private readonly lowEl: number;
  private readonly highEl: number;

  /** `cone` absent: the full sphere (360°, any elevation). */
  constructor(cone: ViewCone | undefined, field = 'cone') {
    if (!cone) {
      this.heading = 0;
      this.halfH = 180;
      this.lowEl = -90;
      this.highEl = 90;
      return;
    }
    this.heading = requireFinite(`${field}.headingDeg`, cone.headingDeg);
    const pitch = requireRange(`${field}.pitchDeg`, cone.pitchDeg ?? 0, -90, 90);
    const h = cone.horizontalFovDeg;
    const v = cone.verticalFovDeg ?? 180;
    requireRange(`${field}.horizontalFovDeg`, h, Number.MIN_VALUE, 360);
    requireRange(`${field}.verticalFovDeg`, v, Number.MIN_VALUE, 180);
    this.halfH = h / 2;
    this.lowEl = pitch - v / 2;
    this.highEl = pitch + v / 2;
  }

  /** Whether the direction (dx, dy, dz), any length, lies inside the cone. Boundaries count as inside. */
  contains(dx: number, dy: number, dz: number): boolean {
    const r = Math.sqrt(dx * dx + dy * dy);
    const el = Math.atan2(dz, r) / DEG;
    if (el < this.lowEl || el > this.highEl) return false;
    if (this.halfH >= 180 || r < PLUMB_M) return true;
    const az = Math.atan2(dx, dy) / DEG;
    return Math.abs(wrap180(az - this.heading)) <= this.halfH;
  }
}
