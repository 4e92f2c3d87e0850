/**
 * Pure geometry and colouring of the congestion layer: one ribbon per direction of every road
 * edge, on the right-hand side of travel (Shanghai drives on the right), with the distance along
 * the direction of travel per vertex so the shader can run a flow pattern the way traffic goes.
 */
import type { RoadGraph } from '../../core/roadGraph';
import { congestionColor, speedRatio } from '../../analysis/live/congestion';

/** Ribbon width per lane and the gap left at the centre line, metres. */
export const RIBBON_M_PER_LANE = 2.2;
export const CENTRE_GAP_FRACTION = 0.08;
/** Flow pattern speed, pattern periods per second: crawling when jammed, brisk at free flow. */
export const FLOW_MIN = 0.05;
export const FLOW_GAIN = 1.2;

export interface SegmentRange {
  start: number;
  count: number;
  edgeId: number;
  freeKmh: number;
}

export interface Ribbons {
  vertexCount: number;
  /** Centre-line points in three.js axes (x = east, y = up, z = −north). */
  position: Float32Array;
  /** Right-hand normal of travel in three.js x/z. */
  side: Float32Array;
  /** Lateral position in widths: [gap, 1] right of the centre line (two-way) or [−0.5, 0.5] (one-way). */
  lateral: Float32Array;
  width: Float32Array;
  /** Metres along the direction of travel. */
  along: Float32Array;
  index: Uint32Array;
  /** Vertex range per segment id ("<edgeId>:f" or "<edgeId>:r", as the feed names them). */
  segments: Map<string, SegmentRange>;
}

export function buildRibbons(graph: RoadGraph, upM: number): Ribbons {
  const pos: number[] = [], side: number[] = [], lat: number[] = [], width: number[] = [], along: number[] = [], index: number[] = [];
  const segments = new Map<string, SegmentRange>();
  for (const e of graph.edges) {
    const dirs: ['f' | 'r', [number, number][]][] = [['f', e.points]];
    if (!e.oneway) dirs.push(['r', [...e.points].reverse()]);
    const w = Math.max(1, e.lanes) * RIBBON_M_PER_LANE;
    const inner = e.oneway ? -0.5 : CENTRE_GAP_FRACTION;
    const outer = e.oneway ? 0.5 : 1;
    for (const [dir, pts] of dirs) {
      const start = pos.length / 3;
      let s = 0;
      for (let k = 0; k + 1 < pts.length; k++) {
        const [x0, y0] = pts[k]!;
        const [x1, y1] = pts[k + 1]!;
        const len = Math.hypot(x1 - x0, y1 - y0);
        if (!(len > 1e-3) || !Number.isFinite(len)) continue;
        // Right of travel in ENU is (dy, −dx); in three.js (x, z) that is (dy, dx).
        const nx = (y1 - y0) / len, nz = (x1 - x0) / len;
        const base = pos.length / 3;
        for (const [x, y, a] of [[x0, y0, s], [x1, y1, s + len]] as const) {
          for (const l of [inner, outer]) {
            pos.push(x, upM, -y);
            side.push(nx, nz);
            lat.push(l);
            width.push(w);
            along.push(a);
          }
        }
        index.push(base, base + 2, base + 1, base + 1, base + 2, base + 3);
        s += len;
      }
      const count = pos.length / 3 - start;
      if (count > 0) segments.set(`${e.id}:${dir}`, { start, count, edgeId: e.id, freeKmh: e.speedLimitKmh });
    }
  }
  return {
    vertexCount: pos.length / 3, position: Float32Array.from(pos), side: Float32Array.from(side), lateral: Float32Array.from(lat),
    width: Float32Array.from(width), along: Float32Array.from(along), index: Uint32Array.from(index), segments,
  };
}

export interface SegmentReading {
  speedKmh: number;
  stale: boolean;
}

const rgb = [0, 0, 0];

/**
 * Speed ratios are painted in steps of 1/RATIO_STEPS: finer than the eye tells apart on the
 * congestion scale, and coarse enough that a segment whose speed jitters by a few km/h is not
 * rewritten and re-uploaded on every repaint. Rounded down, and every congestion bound (0.5, 0.3,
 * 0.15) lies on the grid, so a segment is never painted in a better class than its measured ratio.
 */
export const RATIO_STEPS = 40;

export function quantiseRatio(ratio: number): number {
  // The epsilon keeps a ratio that is a grid value up to float error (0.3 = 12/40) on its step.
  return Number.isFinite(ratio) ? Math.floor(ratio * RATIO_STEPS + 1e-9) / RATIO_STEPS : Number.NaN;
}

/**
 * Writes colour (0…1 RGB, sRGB-encoded like the scale) and flow rate for one segment's vertices.
 * No reading or a stale one gives the no-data colour and no flow: a frozen pattern would lie.
 * Returns whether anything changed: a segment is painted uniformly, so its first vertex tells.
 */
export function paintSegment(range: SegmentRange, reading: SegmentReading | null, color: Float32Array, flow: Float32Array): boolean {
  const ratio = quantiseRatio(reading && !reading.stale ? speedRatio(reading.speedKmh, range.freeKmh) : Number.NaN);
  congestionColor(ratio, rgb);
  const f = Number.isFinite(ratio) ? FLOW_MIN + FLOW_GAIN * ratio : 0;
  const s = range.start;
  if (range.count === 0) return false;
  // Compare as stored: the arrays hold float32.
  if (color[s * 3] === Math.fround(rgb[0]!) && color[s * 3 + 1] === Math.fround(rgb[1]!) && color[s * 3 + 2] === Math.fround(rgb[2]!)
    && flow[s] === Math.fround(f)) return false;
  for (let v = s; v < s + range.count; v++) {
    color[v * 3] = rgb[0]!;
    color[v * 3 + 1] = rgb[1]!;
    color[v * 3 + 2] = rgb[2]!;
    flow[v] = f;
  }
  return true;
}
