/**
 * Gabled roofs for arbitrary footprints. The ridge runs along the long axis of the footprint's
 * minimum-area rectangle; roof height falls linearly from the ridge to the eaves. The footprint is
 * split along the ridge so each half is one plane, and wall edges that cross the ridge get a vertex
 * there, so the gable-end walls reach up to the ridge.
 */
import type { Ring } from '../types';
import type { MeshBatch } from './meshBatch';
import type { OrientedRect } from './orientedBox';
import { appendWalls } from './prism';
import { triangulatePolygon } from './triangulate';

/** tan(30°): a common pitch for pitched-roof housing in the Yangtze delta. */
export const GABLE_PITCH_TAN = 0.577;
/** The roof never takes more than this share of the total height, so walls stay walls. */
export const GABLE_MAX_HEIGHT_SHARE = 0.4;

export interface GableShape {
  eaveM: number;
  ridgeM: number;
  /** Roof height at a point of the footprint. */
  heightAt(x: number, y: number): number;
  /** Signed distance across the ridge (positive on the rectangle's left of the major axis). */
  across(x: number, y: number): number;
}

export function gableShape(rect: OrientedRect, baseM: number, heightM: number): GableShape {
  const rise = Math.min(rect.halfWidth * GABLE_PITCH_TAN, heightM * GABLE_MAX_HEIGHT_SHARE);
  const eaveM = baseM + heightM - rise;
  const ridgeM = baseM + heightM;
  const vx = -rect.uy, vy = rect.ux;
  const w = Math.max(rect.halfWidth, 1e-6);
  const across = (x: number, y: number): number => (x - rect.cx) * vx + (y - rect.cy) * vy;
  return {
    eaveM,
    ridgeM,
    across,
    heightAt: (x, y) => ridgeM - rise * Math.min(1, Math.abs(across(x, y)) / w),
  };
}

/** Inserts a vertex wherever an edge crosses the ridge line, so roof heights are linear per edge. */
export function splitAtRidge(ring: Ring, shape: GableShape): Ring {
  const out: Ring = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!, b = ring[(i + 1) % n]!;
    out.push(a);
    const da = shape.across(a[0], a[1]), db = shape.across(b[0], b[1]);
    if ((da > 0 && db < 0) || (da < 0 && db > 0)) {
      const t = da / (da - db);
      out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    }
  }
  return out;
}

/** Sutherland–Hodgman clip of a ring against one side of the ridge (side = +1 or -1). */
function clipToSide(ring: Ring, shape: GableShape, side: 1 | -1): Ring {
  const out: Ring = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!, b = ring[(i + 1) % n]!;
    const da = side * shape.across(a[0], a[1]), db = side * shape.across(b[0], b[1]);
    if (da >= 0) out.push(a);
    if ((da > 0 && db < 0) || (da < 0 && db > 0)) {
      const t = da / (da - db);
      out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    }
  }
  return out;
}

/**
 * Appends walls (up to the roof line) and the two roof planes of a gabled building.
 * Returns the eave height, above which floor lines must stop.
 */
export function appendGableBuilding(
  walls: MeshBatch,
  roof: MeshBatch,
  outer: Ring,
  rect: OrientedRect,
  baseM: number,
  heightM: number,
  featureId: number,
): number {
  const shape = gableShape(rect, baseM, heightM);
  const ring = splitAtRidge(outer, shape);
  appendWalls(walls, ring, baseM, (i) => shape.heightAt(ring[i]![0], ring[i]![1]), featureId);
  const rise = shape.ridgeM - shape.eaveM;
  const vx = -rect.uy, vy = rect.ux;
  const slope = rise / Math.max(rect.halfWidth, 1e-6);
  for (const side of [1, -1] as const) {
    const half = clipToSide(ring, shape, side);
    if (half.length < 3) continue;
    // The plane falls away from the ridge on this side; its normal leans the same way.
    const nx0 = side * slope * vx, ny0 = side * slope * vy;
    const nl = Math.hypot(nx0, ny0, 1);
    const nx = nx0 / nl, ny = ny0 / nl, nz = 1 / nl;
    const tri = triangulatePolygon(half);
    const base = roof.vertexCount;
    for (const p of tri.points) roof.vertex(p[0], p[1], shape.heightAt(p[0], p[1]), nx, ny, nz, featureId);
    const t = tri.triangles;
    for (let k = 0; k + 2 < t.length; k += 3) roof.triangle(base + t[k]!, base + t[k + 1]!, base + t[k + 2]!);
  }
  return shape.eaveM;
}
