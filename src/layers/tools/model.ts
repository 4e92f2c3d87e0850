/**
 * Pure helpers of the planner tools' 3D side: screen pixels ↔ metres at a distance, picking a
 * tool handle on screen from the pointer's ray, the buildings near a pick (for snapping), the
 * viewshed grid as texels, and a skyline profile as a 3D line. Zone ENU metres throughout
 * (x east, y north, z up); sceneBuffers.ts turns them into three's frame for upload.
 */
import { CELL_HIDDEN, CELL_VISIBLE, type SkylineProfile, type ViewshedGrid } from '../../analysis/visibility';
import type { BuildingPrism } from '../../tools/snapping';
import type { ToolHandle, Vec3 } from '../../tools/toolTypes';

/** Half the 44 px touch target: a handle this close to the pointer on screen is under it. */
export const HANDLE_PICK_PX = 22;
/** Buildings whose bounding box is this close to a pick are offered to the snapping service. */
export const SNAP_SEARCH_M = 30;
/** Skyline overlay: each sample's point this far along its ray from the viewpoint. */
export const SKYLINE_DRAW_M = 200;
/** Viewshed overlay above the ground grid, metres (the sensors' heat map is at 0.75 m). */
export const VIEWSHED_UP_M = 0.3;

export type Rgba = readonly [number, number, number, number];

/** Viewshed texels, sRGB bytes: visible green, hidden red, both translucent; the rest clear. */
export const VIEWSHED_VISIBLE_RGBA: Rgba = [34, 197, 94, 120];
export const VIEWSHED_HIDDEN_RGBA: Rgba = [239, 68, 68, 110];

/** Metres that one CSS pixel spans at `distanceM` from a perspective camera (vertical fov). */
export function metresPerPixel(distanceM: number, fovDeg: number, heightPx: number): number {
  if (!(heightPx > 0) || !Number.isFinite(distanceM) || !Number.isFinite(fovDeg)) return 0;
  return (2 * Math.max(0, distanceM) * Math.tan((fovDeg * Math.PI) / 360)) / heightPx;
}

/** The click slop, `px` wide on screen, in metres at the hit's distance: 2·d·tan(fov/2)·px/heightPx. */
export function toleranceMetres(distanceM: number, fovDeg: number, heightPx: number, px: number): number {
  return metresPerPixel(distanceM, fovDeg, heightPx) * Math.max(0, px);
}

/**
 * The handle under the pointer: of those whose position passes within `maxPx` of the pointer's
 * ray on screen, the nearest on screen; null when none does. `dir` need not be unit length.
 * Handles are drawn over everything, so one behind a building is still pickable.
 */
export function pickHandle(
  origin: Vec3,
  dir: Vec3,
  handles: readonly ToolHandle[],
  fovDeg: number,
  heightPx: number,
  maxPx = HANDLE_PICK_PX,
): string | null {
  const dl = Math.hypot(dir[0], dir[1], dir[2]);
  if (!(dl > 0) || !Number.isFinite(dl)) return null;
  const dx = dir[0] / dl, dy = dir[1] / dl, dz = dir[2] / dl;
  let best: string | null = null;
  let bestPx = Infinity;
  for (const h of handles) {
    const wx = h.position[0] - origin[0], wy = h.position[1] - origin[1], wz = h.position[2] - origin[2];
    const t = wx * dx + wy * dy + wz * dz;
    if (!(t > 0)) continue;
    const off = Math.sqrt(Math.max(0, wx * wx + wy * wy + wz * wz - t * t));
    // Screen offsets scale with depth along the view axis; the ray's own depth is close enough
    // at the few pixels that matter here.
    const mpp = metresPerPixel(t, fovDeg, heightPx);
    if (!(mpp > 0)) continue;
    const px = off / mpp;
    if (px <= maxPx && px < bestPx) {
      best = h.id;
      bestPx = px;
    }
  }
  return best;
}

/** Per building: minX, minY, minZ, maxX, maxY, maxZ (ENU), for the near-pick filter. */
export function prismBounds(buildings: readonly BuildingPrism[]): Float64Array {
  const out = new Float64Array(buildings.length * 6);
  buildings.forEach((b, i) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const p of b.footprint) {
      if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
      if (p[0] < x0) x0 = p[0];
      if (p[0] > x1) x1 = p[0];
      if (p[1] < y0) y0 = p[1];
      if (p[1] > y1) y1 = p[1];
    }
    const z0 = Number.isFinite(b.baseM) ? b.baseM : 0;
    const z1 = Number.isFinite(b.heightM) ? z0 + b.heightM : z0;
    // A footprint without a finite corner gets an empty box that no pick is near.
    out.set(x0 <= x1 ? [x0, y0, z0, x1, y1, z1] : [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity], i * 6);
  });
  return out;
}

/**
 * The buildings whose bounding box lies within `radiusM` (3D) of p, into `out` (cleared first):
 * the snapping service scans every corner and edge of what it is given, so it gets only these.
 */
export function prismsNear(
  buildings: readonly BuildingPrism[],
  bounds: Float64Array,
  p: Vec3,
  radiusM: number,
  out: BuildingPrism[],
): BuildingPrism[] {
  out.length = 0;
  const r2 = radiusM * radiusM;
  const [x, y, z] = p;
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) return out;
  for (let i = 0; i < buildings.length; i++) {
    const k = i * 6;
    const ex = Math.max(bounds[k]! - x, 0, x - bounds[k + 3]!);
    const ey = Math.max(bounds[k + 1]! - y, 0, y - bounds[k + 4]!);
    const ez = Math.max(bounds[k + 2]! - z, 0, z - bounds[k + 5]!);
    if (ex * ex + ey * ey + ez * ez <= r2) out.push(buildings[i]!);
  }
  return out;
}

/** RGBA bytes for the viewshed grid, one texel per cell in the grid's order (row 0 south). */
export function viewshedTexels(cells: Uint8Array, out: Uint8Array = new Uint8Array(cells.length * 4)): Uint8Array {
  if (out.length < cells.length * 4) throw new RangeError(`viewshedTexels: ${out.length} bytes for ${cells.length} cells`);
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    const rgba = c === CELL_VISIBLE ? VIEWSHED_VISIBLE_RGBA : c === CELL_HIDDEN ? VIEWSHED_HIDDEN_RGBA : null;
    const o = 4 * k;
    out[o] = rgba ? rgba[0] : 0;
    out[o + 1] = rgba ? rgba[1] : 0;
    out[o + 2] = rgba ? rgba[2] : 0;
    out[o + 3] = rgba ? rgba[3] : 0;
  }
  return out;
}

/** Where the viewshed plane goes: its size and centre (ENU) covering the grid's cells exactly. */
export function viewshedPlane(grid: ViewshedGrid): { widthM: number; depthM: number; centre: Vec3 } {
  const widthM = grid.nx * grid.cellSizeM;
  const depthM = grid.ny * grid.cellSizeM;
  return { widthM, depthM, centre: [grid.originX + widthM / 2, grid.originY + depthM / 2, grid.groundZ + VIEWSHED_UP_M] };
}

/**
 * The skyline as 3D points: sample k at viewpoint + D·(sin az·cos el, cos az·cos el, sin el), so
 * seen from the viewpoint the line lies exactly on the skyline. Writes ENU xyz triples into `out`
 * from `offset` (floats) and returns the number of points written; a 360° profile repeats its
 * first point to close the ring. Stops early when `out` is full.
 */
export function skylinePoints(profile: SkylineProfile, distanceM: number, out: Float64Array | Float32Array, offset = 0): number {
  const [vx, vy, vz] = profile.viewpoint;
  const n = profile.count + (profile.full360 && profile.count > 1 ? 1 : 0);
  let written = 0;
  for (let s = 0; s < n; s++) {
    const k = s % profile.count;
    const o = offset + 3 * written;
    if (o + 3 > out.length) break;
    const az = (profile.azimuthDeg[k]! * Math.PI) / 180;
    const el = (profile.elevationDeg[k]! * Math.PI) / 180;
    if (!Number.isFinite(az) || !Number.isFinite(el)) continue;
    const ce = Math.cos(el);
    out[o] = vx + distanceM * Math.sin(az) * ce;
    out[o + 1] = vy + distanceM * Math.cos(az) * ce;
    out[o + 2] = vz + distanceM * Math.sin(el);
    written++;
  }
  return written;
}

/** The zone's ground in the tools' frame: the city stands on z = 0, as the tools' analyses take it. */
export const TOOL_GROUND_Z = 0;

/**
 * A round point sprite: `size`² RGBA bytes, white inside the inscribed disc and clear outside,
 * with a one-texel soft edge, so square GL points read as dots.
 */
export function discTexels(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const r = size / 2;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const d = Math.hypot(i + 0.5 - r, j + 0.5 - r);
      const a = Math.max(0, Math.min(1, r - d));
      const o = 4 * (j * size + i);
      out[o] = out[o + 1] = out[o + 2] = 255;
      out[o + 3] = Math.round(255 * a);
    }
  }
  return out;
}
