/**
 * The peer of the sunlight benchmark: shadow-map sampling, the way Mars3D / SuperMap-style web
 * viewers estimate sunlight hours, on the CPU so it runs beside the exact engine in Node.
 *
 * Per time step: an orthographic depth map looking down the sun's direction over the light-space
 * bounds of the casters and receivers (the casters are those within shadow reach, so this is the
 * receivers' box plus the reach, the tightest frustum a viewer could choose), every caster
 * triangle rasterised into it keeping the depth nearest the sun (texel centres, both windings,
 * typed arrays only); then each receiver facing the sun is lit if nothing in its texel is nearer
 * the sun than itself, less a bias. Bias is the usual pair: the point is pushed out along its
 * normal by a fraction of a texel (normal offset) and compared with a small constant depth slack,
 * so a window is not shadowed by its own wall ("acne"). Hours are then counted with the engine's
 * own rule (counting.ts), so only the visibility test differs between the two methods. Window
 * centres only: the benchmark's profile (gb50180-dahan) has no window width.
 */
import type { CasterArrays } from '../../src/analysis/sunlight/casters';
import type { Receiver } from '../../src/analysis/sunlight/types';

export interface ShadowMapOptions {
  /** Texels per side of the square map. */
  resolution: number;
  /** Constant depth slack, metres. */
  depthBiasM: number;
  /** Normal offset, in texels (of the coarser axis). */
  normalOffsetTexels: number;
}

/**
 * Chosen in the peer's favour: on today's West Bund state, 0.25 texel of normal offset left acne
 * (agreement 94 %), 1 texel let light leak past near obstacles, 0.5 was best; the depth slack
 * (0.02–0.2 m) hardly matters once the normal offset is there.
 */
export const DEFAULT_SHADOW_MAP: Omit<ShadowMapOptions, 'resolution'> = { depthBiasM: 0.05, normalOffsetTexels: 0.5 };

export interface ShadowMapRun {
  /** Per receiver, one byte per time step: 1 = lit. */
  masks: Uint8Array[];
  /** Largest texel edge over the steps, metres. */
  maxTexelM: number;
}

/**
 * Visibility of every receiver at every step from a depth map per step. `dirs` holds unit
 * vectors towards the sun (xyz per step) and `alts` the altitudes, as sunSteps returns them.
 */
export function shadowMapLit(receivers: readonly Receiver[], casters: CasterArrays, dirs: Float64Array, alts: Float64Array, opts: ShadowMapOptions): ShadowMapRun {
  const res = opts.resolution;
  const nSteps = alts.length;
  const masks = receivers.map(() => new Uint8Array(nSteps));
  const depth = new Float32Array(res * res);
  const pos = casters.positions;
  const nv = pos.length / 3;
  const ls = new Float64Array(nv), lt = new Float64Array(nv), lz = new Float64Array(nv);
  let maxTexelM = 0;
  for (let k = 0; k < nSteps; k++) {
    if (!(alts[k]! > 0)) continue;
    const dx = dirs[3 * k]!, dy = dirs[3 * k + 1]!, dz = dirs[3 * k + 2]!;
    // Light frame: u horizontal and across the sun, v = d × u, depth along d (larger = nearer the sun).
    let ux = -dy, uy = dx;
    const ul = Math.hypot(ux, uy);
    if (ul < 1e-9) { ux = 1; uy = 0; } else { ux /= ul; uy /= ul; }
    const vx = -dz * uy, vy = dz * ux, vz = dx * uy - dy * ux;
    let s0 = Infinity, s1 = -Infinity, t0 = Infinity, t1 = -Infinity;
    for (let i = 0; i < nv; i++) {
      const x = pos[3 * i]!, y = pos[3 * i + 1]!, z = pos[3 * i + 2]!;
      const s = x * ux + y * uy, t = x * vx + y * vy + z * vz;
      ls[i] = s; lt[i] = t; lz[i] = x * dx + y * dy + z * dz;
      if (s < s0) s0 = s; if (s > s1) s1 = s; if (t < t0) t0 = t; if (t > t1) t1 = t;
    }
    for (const r of receivers) {
      const [x, y, z] = r.position;
      const s = x * ux + y * uy, t = x * vx + y * vy + z * vz;
      if (s < s0) s0 = s; if (s > s1) s1 = s; if (t < t0) t0 = t; if (t > t1) t1 = t;
    }
    // Half a texel of margin so points on the bounds still fall inside the map.
    const ds = (s1 - s0) / (res - 1) || 1, dt = (t1 - t0) / (res - 1) || 1;
    s0 -= ds / 2; t0 -= dt / 2;
    maxTexelM = Math.max(maxTexelM, ds, dt);
    for (let i = 0; i < nv; i++) {
      ls[i] = (ls[i]! - s0) / ds;
      lt[i] = (lt[i]! - t0) / dt;
    }
    depth.fill(-Infinity);
    rasterise(casters.index, ls, lt, lz, depth, res);
    const off = opts.normalOffsetTexels * Math.max(ds, dt);
    receivers.forEach((r, ri) => {
      const [nx, ny, nz] = r.normal;
      if (nx * dx + ny * dy + nz * dz <= 0) return;
      const x = r.position[0] + nx * off, y = r.position[1] + ny * off, z = r.position[2] + nz * off;
      const ix = Math.floor((x * ux + y * uy - s0) / ds);
      const iy = Math.floor((x * vx + y * vy + z * vz - t0) / dt);
      const inside = ix >= 0 && iy >= 0 && ix < res && iy < res;
      if (!inside || x * dx + y * dy + z * dz >= depth[iy * res + ix]! - opts.depthBiasM) masks[ri]![k] = 1;
    });
  }
  return { masks, maxTexelM };
}

/** Slack on the edge tests, so texel centres on an edge shared by two triangles leave no crack. */
const EDGE_EPS = 1e-9;

/** Rasterises every triangle at texel centres, keeping the largest depth (nearest the sun). */
function rasterise(index: Uint32Array, xs: Float64Array, ys: Float64Array, zs: Float64Array, depth: Float32Array, res: number): void {
  for (let t = 0; t < index.length; t += 3) {
    const a = index[t]!, b = index[t + 1]!, c = index[t + 2]!;
    const x0 = xs[a]!, y0 = ys[a]!, x1 = xs[b]!, y1 = ys[b]!, x2 = xs[c]!, y2 = ys[c]!;
    const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
    // Edge-on to the sun (a wall parallel to its rays): covers no texel centre.
    if (Math.abs(area) < 1e-12) continue;
    const inv = 1 / area;
    const z0 = zs[a]!, z1 = zs[b]!, z2 = zs[c]!;
    const minX = Math.max(0, Math.ceil(Math.min(x0, x1, x2) - 0.5));
    const maxX = Math.min(res - 1, Math.floor(Math.max(x0, x1, x2) - 0.5));
    const minY = Math.max(0, Math.ceil(Math.min(y0, y1, y2) - 0.5));
    const maxY = Math.min(res - 1, Math.floor(Math.max(y0, y1, y2) - 0.5));
    // Barycentric weights are affine in the texel centre: per row, each weight's sign bounds the
    // covered span analytically, and inside it weights and depth are stepped, not recomputed.
    const w0dx = (y1 - y2) * inv, w1dx = (y2 - y0) * inv, w2dx = -w0dx - w1dx;
    const zdx = w0dx * z0 + w1dx * z1 + w2dx * z2;
    for (let iy = minY; iy <= maxY; iy++) {
      const py = iy + 0.5, px = minX + 0.5;
      const w0 = ((x1 - px) * (y2 - py) - (x2 - px) * (y1 - py)) * inv;
      const w1 = ((x2 - px) * (y0 - py) - (x0 - px) * (y2 - py)) * inv;
      const w2 = 1 - w0 - w1;
      // Steps i where w + i·dw ≥ 0 for all three weights (scalar code: this is the hot loop).
      let lo = 0, hi = maxX - minX;
      if (w0dx > 0) lo = Math.max(lo, Math.ceil((-EDGE_EPS - w0) / w0dx));
      else if (w0dx < 0) hi = Math.min(hi, Math.floor((-EDGE_EPS - w0) / w0dx));
      else if (w0 < -EDGE_EPS) continue;
      if (w1dx > 0) lo = Math.max(lo, Math.ceil((-EDGE_EPS - w1) / w1dx));
      else if (w1dx < 0) hi = Math.min(hi, Math.floor((-EDGE_EPS - w1) / w1dx));
      else if (w1 < -EDGE_EPS) continue;
      if (w2dx > 0) lo = Math.max(lo, Math.ceil((-EDGE_EPS - w2) / w2dx));
      else if (w2dx < 0) hi = Math.min(hi, Math.floor((-EDGE_EPS - w2) / w2dx));
      else if (w2 < -EDGE_EPS) continue;
      if (lo > hi) continue;
      let z = w0 * z0 + w1 * z1 + w2 * z2 + lo * zdx;
      const row = iy * res + minX;
      for (let i = lo; i <= hi; i++) {
        if (z > depth[row + i]!) depth[row + i] = z;
        z += zdx;
      }
    }
  }
}
