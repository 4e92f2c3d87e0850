/**
 * The sunlight engine: for every receiver and every time step, is the sun visible? Exact ray casts
 * against the casters' BVH, so the answer does not depend on a camera, a shadow map or the loaded
 * LOD; the only approximation is the time step (each transition ±½ step, so a total is within one
 * step of the exact value).
 *
 * Per step, cheapest test first: sun below the horizon → dark; sun behind the facade plane
 * (normal · sun ≤ 0) → dark, no ray; else one ray per sample point towards the sun (occlusion.ts:
 * last blocker first, then the BVH, up to the tallest roof). The origin is
 * moved 5 cm out along the normal so the window's own wall never blocks it, while the building's
 * other wings still can (self-shading counts in sunlight analysis). With a window width (满窗)
 * the two edge points and the centre must all be unblocked.
 *
 * Pure and synchronous; `sunlightChunks` yields between chunks of receivers so a worker can
 * report progress and honour a cancel, and `chunkedRun` awaits the event loop between them.
 */
import { DoubleSide, Ray } from 'three';
import type { CasterIndex } from './casters';
import { countLit } from './counting';
import { Occluder } from './occlusion';
import type { Profile } from './profiles';
import { sunSteps } from './sunSteps';
import type { Receiver, ReceiverResult, SunlightResult } from './types';

export interface SunlightInput {
  receivers: readonly Receiver[];
  casters: CasterIndex;
  profile: Profile;
  latDeg: number;
  lonDeg: number;
  year: number;
  /**
   * Optional: a building whose hits are ignored for a receiver (e.g. a massing model that stands in
   * for the receiver's own detailed building). Costs an all-hits cast instead of a first-hit one.
   */
  excludeBuildingId?: (r: Receiver) => string;
  onProgress?: (done: number, total: number) => void;
  shouldCancel?: () => boolean;
  /** Keep each receiver's per-step lit mask (for time-lapse colouring). Default false. */
  keepLitMask?: boolean;
  /** Receivers per chunk between progress reports. Default 16. */
  chunkSize?: number;
}

export interface SunlightRunResult extends SunlightResult {
  year: number;
  /** Beijing date of the standard day. */
  standardDay: { y: number; m: number; d: number };
  /** True solar time of each sample, hours. */
  tstHours: number[];
}

/** Ray origins sit this far in front of the wall. */
export const RAY_OFFSET_M = 0.05;
const DEFAULT_CHUNK = 16;

// Module-level scratch for the all-hits path: the inner loop allocates nothing of its own.
const ray = new Ray();

/** The slow path, only with excludeBuildingId: every hit along the ray, minus one building's. */
function blockedExcluding(c: CasterIndex, x: number, y: number, z: number, exclude: number): boolean {
  ray.origin.set(x, y, z);
  for (const hit of c.bvh.raycast(ray, DoubleSide)) {
    if (!hit.face || c.vertexBuilding[hit.face.a] !== exclude) return true;
  }
  return false;
}

interface MaskContext {
  input: SunlightInput;
  occluder: Occluder;
  dirs: Float64Array;
  alts: Float64Array;
  /** Last blocking triangle of the left edge, right edge and centre point (see Occluder). */
  cache: Int32Array;
}

function litMaskOf(r: Receiver, m: MaskContext, exclude: number): Uint8Array {
  const { dirs, alts, cache, occluder } = m;
  const n = alts.length;
  const mask = new Uint8Array(n);
  const [px, py, pz] = r.position;
  const [nx, ny, nz] = r.normal;
  const ox = px + nx * RAY_OFFSET_M, oy = py + ny * RAY_OFFSET_M, oz = pz + nz * RAY_OFFSET_M;
  const w = m.input.profile.windowWidthM;
  const half = w > 0 ? Math.min(w / 2, r.halfWidthMaxM ?? Infinity) : 0;
  const hx = r.tangent[0] * half, hy = r.tangent[1] * half, hz = r.tangent[2] * half;
  const c = m.input.casters;
  cache.fill(-1);
  const blocked = (x: number, y: number, z: number, sx: number, sy: number, sz: number, slot: number): boolean => {
    if (exclude >= 0) return blockedExcluding(c, x, y, z, exclude);
    return occluder.blocked(x, y, z, sx, sy, sz, cache, slot);
  };
  for (let k = 0; k < n; k++) {
    if (!(alts[k]! > 0)) continue;
    const sx = dirs[3 * k]!, sy = dirs[3 * k + 1]!, sz = dirs[3 * k + 2]!;
    if (nx * sx + ny * sy + nz * sz <= 0) continue;
    if (exclude >= 0) ray.direction.set(sx, sy, sz);
    if (half > 0) {
      // Edges first: on a partly shaded window one of them is the likelier to be blocked.
      if (blocked(ox - hx, oy - hy, oz - hz, sx, sy, sz, 0)) continue;
      if (blocked(ox + hx, oy + hy, oz + hz, sx, sy, sz, 1)) continue;
    }
    if (blocked(ox, oy, oz, sx, sy, sz, 2)) continue;
    mask[k] = 1;
  }
  return mask;
}

function summarise(base: { profileId: string; stepMin: number; times: number[] }, receivers: ReceiverResult[], cancelled: boolean): SunlightResult {
  let passed = 0, minHours = Infinity, maxHours = -Infinity;
  for (const r of receivers) {
    if (r.pass) passed++;
    minHours = Math.min(minHours, r.hours);
    maxHours = Math.max(maxHours, r.hours);
  }
  const none = receivers.length === 0;
  return { ...base, receivers, passed, failed: receivers.length - passed, minHours: none ? 0 : minHours, maxHours: none ? 0 : maxHours, cancelled };
}

/** The run as a generator: yields progress after every chunk and returns the result. */
export function* sunlightChunks(input: SunlightInput): Generator<{ done: number; total: number }, SunlightRunResult, void> {
  const { profile, receivers } = input;
  const steps = sunSteps(profile, input.year, input.latDeg, input.lonDeg);
  const idIndex = new Map(input.casters.ids.map((id, i) => [id, i]));
  const chunk = Math.max(1, Math.floor(input.chunkSize ?? DEFAULT_CHUNK));
  const ctx: MaskContext = { input, occluder: new Occluder(input.casters), dirs: steps.dirs, alts: steps.altitudes, cache: new Int32Array(3) };
  const out: ReceiverResult[] = [];
  const total = receivers.length;
  let cancelled = false;
  for (let i = 0; i < total; i++) {
    if (i % chunk === 0 && i > 0) {
      yield { done: i, total };
      if (input.shouldCancel?.()) {
        cancelled = true;
        break;
      }
    }
    const r = receivers[i]!;
    const exclude = input.excludeBuildingId ? (idIndex.get(input.excludeBuildingId(r)) ?? -1) : -1;
    const mask = litMaskOf(r, ctx, exclude);
    const count = countLit(mask, mask.length, profile);
    const res: ReceiverResult = {
      id: r.id, buildingId: r.buildingId, facade: r.facade, floor: r.floor, position: r.position, normal: r.normal, ...count,
    };
    if (input.keepLitMask) res.litMask = mask;
    out.push(res);
  }
  if (!cancelled) yield { done: total, total };
  const summary = summarise({ profileId: profile.id, stepMin: profile.stepMin, times: steps.times }, out, cancelled);
  return { ...summary, year: input.year, standardDay: steps.day, tstHours: steps.tstHours };
}

/** Synchronous run; progress and cancellation are checked between chunks. */
export function runSunlight(input: SunlightInput): SunlightRunResult {
  const gen = sunlightChunks(input);
  for (;;) {
    const it = gen.next();
    if (it.done) return it.value;
    input.onProgress?.(it.value.done, it.value.total);
  }
}

/**
 * Asynchronous run for a worker: between chunks it awaits `yieldControl` (default a macrotask),
 * so a cancel message posted to the worker is handled before the next chunk starts.
 */
export async function chunkedRun(input: SunlightInput, yieldControl: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0))): Promise<SunlightRunResult> {
  const gen = sunlightChunks(input);
  for (;;) {
    const it = gen.next();
    if (it.done) return it.value;
    input.onProgress?.(it.value.done, it.value.total);
    await yieldControl();
  }
}
