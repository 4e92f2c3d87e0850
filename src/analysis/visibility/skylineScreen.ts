/**
 * A skyline profile in a camera's picture, for drawing it over the 3D view or a photo: a pinhole
 * camera with a heading and a pitch (no roll), screen x to the right and y down, in pixels.
 */
import { DEG } from './angles';
import { requireFinite, requirePositive, requireRange } from './errors';
import type { SkylineProfile } from './skyline';

export interface ScreenCamera {
  /** Degrees clockwise from north. */
  headingDeg: number;
  /** Degrees above the horizontal. Default 0. */
  pitchDeg?: number;
  /** Full horizontal field of view, degrees in (0, 180). */
  horizontalFovDeg: number;
  widthPx: number;
  heightPx: number;
  /** Full vertical field of view (three.js's `fov`); default from the aspect ratio. */
  verticalFovDeg?: number;
}

export interface ScreenSkyline {
  /** Profile sample of each point. */
  index: Int32Array;
  x: Float64Array;
  y: Float64Array;
}

/** Samples behind this (camera-space depth of a unit direction) are not drawn. */
const MIN_DEPTH = 1e-6;
/** A sample exactly on the picture's edge stays on it despite rounding, pixels. */
const EDGE_PX = 1e-6;

class Projector {
  private readonly f: [number, number, number];
  private readonly r: [number, number, number];
  private readonly u: [number, number, number];
  private readonly kx: number;
  private readonly ky: number;
  readonly w: number;
  private readonly h: number;

  constructor(c: ScreenCamera) {
    const hd = requireFinite('camera.headingDeg', c.headingDeg) * DEG;
    const p = requireRange('camera.pitchDeg', c.pitchDeg ?? 0, -89.999, 89.999) * DEG;
    const hfov = requireRange('camera.horizontalFovDeg', c.horizontalFovDeg, Number.MIN_VALUE, 179.999) * DEG;
    this.w = requirePositive('camera.widthPx', c.widthPx);
    this.h = requirePositive('camera.heightPx', c.heightPx);
    const tanH = Math.tan(hfov / 2);
    const tanV = c.verticalFovDeg === undefined ? (tanH * this.h) / this.w : Math.tan((requireRange('camera.verticalFovDeg', c.verticalFovDeg, Number.MIN_VALUE, 179.999) * DEG) / 2);
    const sh = Math.sin(hd), ch = Math.cos(hd), sp = Math.sin(p), cp = Math.cos(p);
    this.f = [sh * cp, ch * cp, sp];
    this.r = [ch, -sh, 0];
    this.u = [-sh * sp, -ch * sp, cp];
    this.kx = this.w / 2 / tanH;
    this.ky = this.h / 2 / tanV;
  }

  /** Writes [x, y] of the direction (azimuth, elevation) into out; false when it is behind the camera. */
  project(azDeg: number, elDeg: number, out: Float64Array): boolean {
    const sa = Math.sin(azDeg * DEG), ca = Math.cos(azDeg * DEG), se = Math.sin(elDeg * DEG), ce = Math.cos(elDeg * DEG);
    const dx = sa * ce, dy = ca * ce, dz = se;
    const zc = dx * this.f[0] + dy * this.f[1] + dz * this.f[2];
    if (zc < MIN_DEPTH) return false;
    const xc = dx * this.r[0] + dy * this.r[1];
    const yc = dx * this.u[0] + dy * this.u[1] + dz * this.u[2];
    out[0] = this.w / 2 + (this.kx * xc) / zc;
    out[1] = this.h / 2 - (this.ky * yc) / zc;
    return true;
  }
}

/** Screen position of one direction, or null when it is behind the camera. */
export function screenPoint(azimuthDeg: number, elevationDeg: number, camera: ScreenCamera): { x: number; y: number } | null {
  const out = new Float64Array(2);
  if (!new Projector(camera).project(requireFinite('azimuthDeg', azimuthDeg), requireFinite('elevationDeg', elevationDeg), out)) return null;
  return { x: out[0]!, y: out[1]! };
}

/**
 * The profile's samples that fall within the picture's width, plus the one just beyond each edge
 * so that a polyline through them reaches the border; in sample order.
 */
export function profileToScreen(p: SkylineProfile, camera: ScreenCamera): ScreenSkyline {
  const proj = new Projector(camera);
  const n = p.count;
  const xs = new Float64Array(n), ys = new Float64Array(n);
  const front = new Uint8Array(n), inside = new Uint8Array(n);
  const out = new Float64Array(2);
  for (let k = 0; k < n; k++) {
    if (!proj.project(p.azimuthDeg[k]!, p.elevationDeg[k]!, out)) continue;
    front[k] = 1;
    xs[k] = out[0]!;
    ys[k] = out[1]!;
    inside[k] = out[0]! >= -EDGE_PX && out[0]! <= proj.w + EDGE_PX ? 1 : 0;
  }
  const keep: number[] = [];
  for (let k = 0; k < n; k++) {
    const prev = k > 0 ? k - 1 : p.full360 ? n - 1 : -1;
    const next = k < n - 1 ? k + 1 : p.full360 ? 0 : -1;
    if (front[k] && (inside[k] || (prev >= 0 && inside[prev]) || (next >= 0 && inside[next]))) keep.push(k);
  }
  const index = Int32Array.from(keep);
  return { index, x: Float64Array.from(keep, (k) => xs[k]!), y: Float64Array.from(keep, (k) => ys[k]!) };
}
