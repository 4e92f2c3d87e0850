/**
 * The sunlight layer's arrays, pure: one small quad per window sample, turned to face out of its
 * facade and coloured by its hours; the ground heat map's RGBA texels; its contour lines as flat
 * ribbons. ENU metres in, three.js axes out (x = east, y = up, z = −north). Non-finite input is
 * skipped so NaN never reaches a GPU buffer.
 */
import type { TriangleArrays } from '../planning/meshModel';
import type { GroundGrid, Vec3 } from '../../analysis/sunlight/worker/protocol';
import { hoursColor, SUNLIGHT_COLORS, type Rgb } from './colorRamp';
import { contours } from './contours';

/** Quad size of a window sample: narrower than the spacing so neighbours read as separate points. */
export const WINDOW_QUAD_HEIGHT_M = 1.4;
export const WINDOW_QUAD_WIDTH_SHARE = 0.6;
/** Off the wall, so the quad never z-fights the facade it sits on. */
export const WINDOW_OFFSET_M = 0.15;
export const CONTOUR_LEVELS_H = [1, 2, 3] as const;
export const CONTOUR_WIDTH_M = 0.8;
/** Above the stacked ground layers and the 控规 plot fill (1.2 m); contours just above the heat map. */
export const HEATMAP_UP_M = 1.4;
export const CONTOUR_UP_M = 1.5;
/** The ground grid: spacing, margin around the receivers, and a cap on cells (each is a receiver). */
export const GROUND_STEP_M = 4;
export const GROUND_MARGIN_M = 40;
export const GROUND_MAX_CELLS = 6400;

export interface WindowSample {
  position: Vec3;
  normal: Vec3;
  hours: number;
}

export interface WindowInstances {
  count: number;
  /** 16 per instance, column-major (three.js Matrix4.elements order). */
  matrices: Float32Array;
  /** 3 per instance, sRGB 0..1 (the .tsx converts to the working colour space). */
  colors: Float32Array;
  passed: number;
  failed: number;
}

const finite3 = (v: Vec3): boolean => Number.isFinite(v[0]) && Number.isFinite(v[1]) && Number.isFinite(v[2]);

/**
 * Instance transforms and colours of the window quads. A quad's own +z (a PlaneGeometry's normal)
 * is turned to the facade's horizontal outward normal, its +y stays up, and it stands centred on
 * the sill point, pushed WINDOW_OFFSET_M out of the wall.
 */
export function windowInstances(samples: readonly WindowSample[], spacingM: number, minHours: number, windowHours: number): WindowInstances {
  const matrices = new Float32Array(samples.length * 16);
  const colors = new Float32Array(samples.length * 3);
  const c: Rgb = [0, 0, 0];
  const sx = Math.max(0.3, (Number.isFinite(spacingM) ? spacingM : 3) * WINDOW_QUAD_WIDTH_SHARE);
  const sy = WINDOW_QUAD_HEIGHT_M;
  let count = 0;
  let passed = 0;
  for (const s of samples) {
    if (!finite3(s.position) || !finite3(s.normal)) continue;
    // ENU normal (e, n) → three (e, 0, −n), horizontal and unit.
    const len = Math.hypot(s.normal[0], s.normal[1]);
    if (len < 1e-9) continue;
    const zx = s.normal[0] / len;
    const zz = -s.normal[1] / len;
    // x = y × z with y up: (zz, 0, −zx).
    const o = count * 16;
    matrices[o] = zz * sx;
    matrices[o + 2] = -zx * sx;
    matrices[o + 5] = sy;
    matrices[o + 8] = zx;
    matrices[o + 10] = zz;
    matrices[o + 12] = s.position[0] + zx * WINDOW_OFFSET_M;
    matrices[o + 13] = s.position[2] + sy / 2;
    matrices[o + 14] = -s.position[1] + zz * WINDOW_OFFSET_M;
    matrices[o + 15] = 1;
    hoursColor(s.hours, minHours, windowHours, c);
    colors.set(c, count * 3);
    if (Number.isFinite(s.hours) && s.hours >= minHours) passed++;
    count++;
  }
  return { count, matrices: matrices.subarray(0, count * 16), colors: colors.subarray(0, count * 3), passed, failed: count - passed };
}

export interface GroundArea {
  /** What receivers.ts `groundReceivers` is given. */
  bounds: { minE: number; minN: number; maxE: number; maxN: number };
  /** The grid it lays over those bounds (cell-centred, the same formula). */
  grid: GroundGrid;
}

/**
 * The ground area around the receivers' extent, grown by a margin, with a step coarsened until
 * the grid has at most GROUND_MAX_CELLS points (each is one more receiver for the engine).
 */
export function groundGridAround(points: readonly Vec3[], heightM: number, stepM = GROUND_STEP_M, marginM = GROUND_MARGIN_M): GroundArea | null {
  let minE = Infinity, minN = Infinity, maxE = -Infinity, maxN = -Infinity;
  for (const p of points) {
    if (!finite3(p)) continue;
    minE = Math.min(minE, p[0]);
    maxE = Math.max(maxE, p[0]);
    minN = Math.min(minN, p[1]);
    maxN = Math.max(maxN, p[1]);
  }
  if (!Number.isFinite(minE) || !(stepM > 0)) return null;
  const bounds = { minE: minE - marginM, minN: minN - marginM, maxE: maxE + marginM, maxN: maxN + marginM };
  const w = bounds.maxE - bounds.minE;
  const h = bounds.maxN - bounds.minN;
  const count = (step: number): [number, number] => [Math.max(1, Math.floor(w / step + 1e-9)), Math.max(1, Math.floor(h / step + 1e-9))];
  let step = stepM;
  while (count(step)[0] * count(step)[1] > GROUND_MAX_CELLS) step *= 1.25;
  const [cols, rows] = count(step);
  return {
    bounds,
    grid: {
      minE: bounds.minE + (w - (cols - 1) * step) / 2,
      minN: bounds.minN + (h - (rows - 1) * step) / 2,
      stepM: step, cols, rows,
      heightM: Number.isFinite(heightM) ? heightM : 0,
    },
  };
}

/** The cell of a ground receiver from its id ("ground:<col>:<row>"), or −1. */
export function groundCellOfId(grid: GroundGrid, id: string): number {
  const m = /^ground:(\d+):(\d+)$/.exec(id);
  if (!m) return -1;
  const c = Number(m[1]), r = Number(m[2]);
  return c < grid.cols && r < grid.rows ? r * grid.cols + c : -1;
}

/** Hours per grid cell from ground results; NaN where no receiver stood (inside a footprint). */
export function groundHours(grid: GroundGrid, rows: readonly { id: string; hours: number }[]): Float32Array {
  const out = new Float32Array(grid.cols * grid.rows).fill(Number.NaN);
  for (const r of rows) {
    const i = groundCellOfId(grid, r.id);
    if (i >= 0 && Number.isFinite(r.hours)) out[i] = r.hours;
  }
  return out;
}

/** Heat-map texels (RGBA8, row 0 = south), transparent where a cell has no value. */
export function groundTexels(hours: ArrayLike<number>, minHours: number, windowHours: number, alpha: number, out: Uint8Array): Uint8Array {
  const c: Rgb = [0, 0, 0];
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
  for (let i = 0; i < hours.length && i * 4 + 3 < out.length; i++) {
    const h = hours[i]!;
    if (!Number.isFinite(h)) {
      out[i * 4 + 3] = 0;
      continue;
    }
    hoursColor(h, minHours, windowHours, c);
    out[i * 4] = Math.round(c[0] * 255);
    out[i * 4 + 1] = Math.round(c[1] * 255);
    out[i * 4 + 2] = Math.round(c[2] * 255);
    out[i * 4 + 3] = a;
  }
  return out;
}

/** The 1 h, 2 h, 3 h lines of the ground hours as flat ribbons in three.js axes (item id = level index). */
export function contourRibbons(grid: GroundGrid, hours: ArrayLike<number>, levels: readonly number[] = CONTOUR_LEVELS_H): TriangleArrays & { segments: number } {
  const pos: number[] = [];
  const col: number[] = [];
  const ids: number[] = [];
  const idx: number[] = [];
  const color = hexRgb(SUNLIGHT_COLORS.contour);
  const half = CONTOUR_WIDTH_M / 2;
  let segments = 0;
  contours({ cols: grid.cols, rows: grid.rows, values: hours }, levels).forEach(({ segments: s }, li) => {
    for (let i = 0; i + 3 < s.length; i += 4) {
      const e0 = grid.minE + s[i]! * grid.stepM, n0 = grid.minN + s[i + 1]! * grid.stepM;
      const e1 = grid.minE + s[i + 2]! * grid.stepM, n1 = grid.minN + s[i + 3]! * grid.stepM;
      const len = Math.hypot(e1 - e0, n1 - n0);
      if (!(len > 1e-6)) continue;
      const oe = (-(n1 - n0) / len) * half, on = ((e1 - e0) / len) * half;
      const base = ids.length;
      for (const [e, n] of [[e0 - oe, n0 - on], [e1 - oe, n1 - on], [e1 + oe, n1 + on], [e0 + oe, n0 + on]] as const) {
        pos.push(e, CONTOUR_UP_M, -n);
        col.push(color[0], color[1], color[2]);
        ids.push(li);
      }
      idx.push(base, base + 2, base + 1, base, base + 3, base + 2);
      segments++;
    }
  });
  return { positions: new Float32Array(pos), colors: new Float32Array(col), itemIds: new Float32Array(ids), index: new Uint32Array(idx), segments };
}

function hexRgb(hex: string): Rgb {
  const v = Number.parseInt(hex.slice(1), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}
