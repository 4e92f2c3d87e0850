/**
 * The few lines of geometry the measuring tools need when no analysis module is injected:
 * lengths, horizontal and planar areas, heights and bearings, in ENU metres and degrees (as
 * src/analysis/measure reports angles). The
 * visibility tools (sight line, viewshed, skyline, section, height limit) have no local fallback:
 * they need the scene's geometry, so their compute is always injected.
 */
import { ringSignedArea } from '../analysis/planning/polygon';
import type { Ring } from '../analysis/planning/types';
import type { ToolInputs, ResultValues, Vec3 } from './toolTypes';

export const dist3 = (a: Vec3, b: Vec3): number => Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
export const distH = (a: Vec3, b: Vec3): number => Math.hypot(b[0] - a[0], b[1] - a[1]);

export function polylineLength(points: readonly Vec3[], closed = false, horizontal = false): number {
  const d = horizontal ? distH : dist3;
  let sum = 0;
  for (let i = 1; i < points.length; i++) sum += d(points[i - 1]!, points[i]!);
  if (closed && points.length > 2) sum += d(points[points.length - 1]!, points[0]!);
  return sum;
}

export const horizontalRing = (points: readonly Vec3[]): Ring => points.map((p) => [p[0], p[1]]);

/**
 * Newell's normal of a (nearly) planar polygon; its length is twice the area. Taken relative to
 * the first point so that coordinates far from the origin keep their precision.
 */
export function newellNormal(points: readonly Vec3[]): Vec3 {
  const o = points[0];
  if (!o) return [0, 0, 0];
  let nx = 0, ny = 0, nz = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!, b = points[(i + 1) % points.length]!;
    const ay = a[1] - o[1], az = a[2] - o[2], ax = a[0] - o[0];
    const by = b[1] - o[1], bz = b[2] - o[2], bx = b[0] - o[0];
    nx += (ay - by) * (az + bz);
    ny += (az - bz) * (ax + bx);
    nz += (ax - bx) * (ay + by);
  }
  return [nx, ny, nz];
}

/** The largest distance of a point from the polygon's best plane, or Infinity if it has none. */
export function planeDeviation(points: readonly Vec3[]): number {
  const n = newellNormal(points);
  const len = Math.hypot(n[0], n[1], n[2]);
  if (!(len > 0)) return Infinity;
  let cx = 0, cy = 0, cz = 0;
  for (const p of points) { cx += p[0]; cy += p[1]; cz += p[2]; }
  cx /= points.length; cy /= points.length; cz /= points.length;
  let worst = 0;
  for (const p of points) worst = Math.max(worst, Math.abs(((p[0] - cx) * n[0] + (p[1] - cy) * n[1] + (p[2] - cz) * n[2]) / len));
  return worst;
}

/**
 * The polygon in 2D coordinates of its own plane, so that planar checks (self-intersection)
 * can reuse the horizontal ring tests.
 */
export function inPlaneRing(points: readonly Vec3[]): Ring {
  const n = newellNormal(points);
  const len = Math.hypot(n[0], n[1], n[2]) || 1;
  const nz = [n[0] / len, n[1] / len, n[2] / len] as const;
  // Any axis not parallel to the normal seeds the in-plane basis.
  const seed: Vec3 = Math.abs(nz[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  const u: Vec3 = [seed[1] * nz[2] - seed[2] * nz[1], seed[2] * nz[0] - seed[0] * nz[2], seed[0] * nz[1] - seed[1] * nz[0]];
  const ul = Math.hypot(u[0], u[1], u[2]);
  const ux = u[0] / ul, uy = u[1] / ul, uz = u[2] / ul;
  const vx = nz[1] * uz - nz[2] * uy, vy = nz[2] * ux - nz[0] * uz, vz = nz[0] * uy - nz[1] * ux;
  const o = points[0] ?? [0, 0, 0];
  return points.map((p) => {
    const dx = p[0] - o[0], dy = p[1] - o[1], dz = p[2] - o[2];
    return [dx * ux + dy * uy + dz * uz, dx * vx + dy * vy + dz * vz];
  });
}

const DEG = Math.PI / 180;

/** Compass bearing from a to b: degrees clockwise from north, in [0, 360). */
export function bearingDeg(a: Vec3, b: Vec3): number {
  const t = Math.atan2(b[0] - a[0], b[1] - a[1]) / DEG;
  return t < 0 ? t + 360 : t;
}

export interface LocalComputeDeps {
  /** Ground elevation (ENU z) under a point; the zone's ground plane z = 0 when absent. */
  groundHeightAt?(east: number, north: number): number;
}

/** Values of the measuring kinds, or null for a kind that needs an injected compute. */
export function localMeasure(inputs: ToolInputs, deps: LocalComputeDeps = {}): ResultValues | null {
  const p = inputs.points;
  const a = p[0], b = p[1];
  switch (inputs.kind) {
    case 'measure-distance':
      if (!a || !b) return null;
      return { distanceM: dist3(a, b), horizontalM: distH(a, b), verticalM: b[2] - a[2] };
    case 'measure-polyline':
      return { lengthM: polylineLength(p), horizontalLengthM: polylineLength(p, false, true), segments: Math.max(0, p.length - 1) };
    case 'measure-area-horizontal':
      return { areaM2: Math.abs(ringSignedArea(horizontalRing(p))), perimeterM: polylineLength(p, true, true) };
    case 'measure-area-surface': {
      const n = newellNormal(p);
      const len = Math.hypot(n[0], n[1], n[2]);
      // Tilt from the vertical: 0 for a facade, π/2 for a flat roof.
      return { areaM2: len / 2, perimeterM: polylineLength(p, true), tiltDeg: len > 0 ? Math.asin(Math.min(1, Math.abs(n[2]) / len)) / DEG : 0 };
    }
    case 'measure-height':
      if (!a) return null;
      if (!b) return { heightM: a[2] - (deps.groundHeightAt?.(a[0], a[1]) ?? 0) };
      return { heightM: b[2] - a[2], horizontalM: distH(a, b) };
    case 'measure-bearing':
      if (!a || !b) return null;
      return { bearingDeg: bearingDeg(a, b), horizontalM: distH(a, b), elevationDeg: Math.atan2(b[2] - a[2], distH(a, b)) / DEG };
    default:
      return null;
  }
}
