/**
 * Viewshed (可视域): which ground within range of an observer, and which facade points, can the
 * observer see? The ground is sampled on a regular grid aligned to the zone's axes (cells at
 * multiples of the cell size, so two runs from the same observer share cells, e.g. existing vs
 * scheme); each cell's centre decides for the whole cell, with one sight line from the eye to the
 * centre on the ground plane (the caster BVH, full-detail footprints: camera- and LOD-independent).
 *
 * Range is the horizontal distance from the observer (an analysis radius on the map), and the cone,
 * when given, is tested on the direction to the cell's centre (cone.ts).
 *
 * Cells whose centre lies inside a building's footprint are CELL_BUILDING: neither visible nor in
 * range, because that ground is the inside of a building (what is seen there is its roof). They are
 * found with one vertical cast per cell, so no footprint list is needed beside the BVH.
 *
 * Area error: a cell is misclassified only when a visibility boundary passes within half a cell
 * diagonal of its centre, so |area error| ≤ perimeter of the visible region × cell × √2 / 2 (and is
 * far smaller in practice, errors on either side of a boundary cancelling).
 */
import type { Vec3 } from '../../core/geodesy';
import type { CasterIndex } from '../sunlight/casters';
import { ConeTest, type ViewCone } from './cone';
import { requireFinite, requirePositive, requireVec3, VisibilityInputError } from './errors';
import { runChunks, runChunksAsync, type Progress, type ProgressHooks } from './progress';
import { toCaster, type SightCaster } from './rays';
import { END_TOLERANCE_M } from './sightLine';

/** Cell and facade-point codes of `ViewshedResult.cells` / `.facade`. */
export const CELL_OUTSIDE = 0;
export const CELL_VISIBLE = 1;
export const CELL_HIDDEN = 2;
export const CELL_BUILDING = 3;

export const DEFAULT_CELL_M = 2;
/** 4096² cells: past this a request is a typo in the cell size, not an analysis. */
export const MAX_CELLS = 4096 * 4096;
const DEFAULT_CHUNK = 4096;
/** Facade targets sit this far in front of their wall, metres, so the wall never hides its own point. */
const FACADE_OFFSET_M = 0.05;

/** A facade sample point with its outward normal; `facadeReceivers()`'s Receiver fits. */
export interface FacadePoint {
  position: Vec3;
  normal: Vec3;
}

export interface ViewshedInput extends ProgressHooks {
  casters: CasterIndex | SightCaster;
  /** The eye, ENU metres (see eyePoint). */
  observer: Vec3;
  /** Horizontal analysis radius, metres. */
  maxDistanceM: number;
  /** Absent: all around (360°, any elevation). */
  cone?: ViewCone;
  /** Default 2 m. */
  cellSizeM?: number;
  /** Height of the ground plane, metres. Default 0. */
  groundZ?: number;
  facadePoints?: readonly FacadePoint[];
  /** See sightLine.ts. Default 0.05 m. */
  endToleranceM?: number;
  /** Cells (or facade points) per chunk between progress reports. Default 4096. */
  chunkSize?: number;
}

/** Cell (i, j) is `cells[j * nx + i]`, centred at (originX + (i + ½)·cell, originY + (j + ½)·cell): row 0 is the southernmost. */
export interface ViewshedGrid {
  originX: number;
  originY: number;
  cellSizeM: number;
  nx: number;
  ny: number;
  groundZ: number;
}

export interface ViewshedResult {
  observer: Vec3;
  maxDistanceM: number;
  grid: ViewshedGrid;
  /** One CELL_* code per cell: a texture-ready R8 image, nx × ny. */
  cells: Uint8Array;
  visibleCells: number;
  hiddenCells: number;
  buildingCells: number;
  visibleAreaM2: number;
  /** Ground in range and cone, building footprints excluded. */
  inRangeAreaM2: number;
  /** 100 · visible / in range; 0 when nothing is in range. */
  visiblePercent: number;
  /** One CELL_OUTSIDE / CELL_VISIBLE / CELL_HIDDEN per facade point, in input order. */
  facade: Uint8Array;
  facadeVisible: number;
  facadeHidden: number;
  /** True when shouldCancel stopped the run: the codes are CELL_OUTSIDE past where it stopped. */
  cancelled: boolean;
}

/** The grid that covers the range circle around (x, y), snapped to multiples of the cell size. */
export function viewshedGrid(x: number, y: number, maxDistanceM: number, cellSizeM: number, groundZ = 0): ViewshedGrid {
  const i0 = Math.floor((x - maxDistanceM) / cellSizeM), i1 = Math.ceil((x + maxDistanceM) / cellSizeM);
  const j0 = Math.floor((y - maxDistanceM) / cellSizeM), j1 = Math.ceil((y + maxDistanceM) / cellSizeM);
  const nx = Math.max(1, i1 - i0), ny = Math.max(1, j1 - j0);
  if (nx * ny > MAX_CELLS) throw new VisibilityInputError('cellSizeM', `${nx} × ${ny} cells exceed ${MAX_CELLS}; use a larger cell or a shorter range`);
  return { originX: i0 * cellSizeM, originY: j0 * cellSizeM, cellSizeM, nx, ny, groundZ };
}

interface Ctx {
  caster: SightCaster;
  o: Vec3;
  r2: number;
  cone: ConeTest;
  tol: number;
}

/** Sight from the eye to a point, tolerant at both ends. */
function sees(c: Ctx, x: number, y: number, z: number): boolean {
  const ex = x - c.o[0], ey = y - c.o[1], ez = z - c.o[2];
  const len = Math.sqrt(ex * ex + ey * ey + ez * ez);
  if (len <= 2 * c.tol) return true;
  return c.caster.cast(c.o[0], c.o[1], c.o[2], ex / len, ey / len, ez / len, c.tol, len - c.tol) === Infinity;
}

function cellCode(c: Ctx, x: number, y: number, z: number): number {
  const ex = x - c.o[0], ey = y - c.o[1];
  if (ex * ex + ey * ey > c.r2 || !c.cone.contains(ex, ey, z - c.o[2])) return CELL_OUTSIDE;
  if (c.caster.underRoof(x, y)) return CELL_BUILDING;
  return sees(c, x, y, z) ? CELL_VISIBLE : CELL_HIDDEN;
}

function facadeCode(c: Ctx, p: FacadePoint): number {
  const [px, py, pz] = p.position, [nx, ny, nz] = p.normal;
  const ex = px - c.o[0], ey = py - c.o[1];
  if (ex * ex + ey * ey > c.r2 || !c.cone.contains(ex, ey, pz - c.o[2])) return CELL_OUTSIDE;
  // A wall seen from behind is the building's inside: hidden without a ray.
  if (nx * ex + ny * ey + nz * (pz - c.o[2]) >= 0 && (nx !== 0 || ny !== 0 || nz !== 0)) return CELL_HIDDEN;
  return sees(c, px + nx * FACADE_OFFSET_M, py + ny * FACADE_OFFSET_M, pz + nz * FACADE_OFFSET_M) ? CELL_VISIBLE : CELL_HIDDEN;
}

/** The viewshed as a generator: yields after every chunk, returns the (possibly partial) result. */
export function* viewshedChunks(input: ViewshedInput): Generator<Progress, ViewshedResult, void> {
  const o = requireVec3('observer', input.observer);
  const range = requirePositive('maxDistanceM', input.maxDistanceM);
  const cell = input.cellSizeM === undefined ? DEFAULT_CELL_M : requirePositive('cellSizeM', input.cellSizeM);
  const groundZ = requireFinite('groundZ', input.groundZ ?? 0);
  const tol = input.endToleranceM === undefined ? END_TOLERANCE_M : requirePositive('endToleranceM', input.endToleranceM);
  const chunk = Math.max(1, Math.floor(input.chunkSize ?? DEFAULT_CHUNK));
  const points = (input.facadePoints ?? []).map((p, i) => ({ position: requireVec3(`facadePoints[${i}].position`, p.position), normal: requireVec3(`facadePoints[${i}].normal`, p.normal) }));
  const grid = viewshedGrid(o[0], o[1], range, cell, groundZ);
  const ctx: Ctx = { caster: toCaster(input.casters), o, r2: range * range, cone: new ConeTest(input.cone), tol };
  const n = grid.nx * grid.ny;
  const total = n + points.length;
  const cells = new Uint8Array(n);
  const facade = new Uint8Array(points.length);
  const counts = [0, 0, 0, 0];
  let cancelled = false;
  let done = 0;
  const pause = function* (): Generator<Progress, boolean, void> {
    yield { done, total };
    return input.shouldCancel?.() === true;
  };
  for (let k = 0; k < n && !cancelled; k++) {
    if (k > 0 && k % chunk === 0) cancelled = yield* pause();
    if (cancelled) break;
    const i = k % grid.nx, j = (k - i) / grid.nx;
    const code = cellCode(ctx, grid.originX + (i + 0.5) * cell, grid.originY + (j + 0.5) * cell, groundZ);
    cells[k] = code;
    counts[code] = counts[code]! + 1;
    done++;
  }
  let fv = 0, fh = 0;
  for (let k = 0; k < points.length && !cancelled; k++) {
    if (done > 0 && done % chunk === 0) cancelled = yield* pause();
    if (cancelled) break;
    const code = facadeCode(ctx, points[k]!);
    facade[k] = code;
    if (code === CELL_VISIBLE) fv++;
    else if (code === CELL_HIDDEN) fh++;
    done++;
  }
  if (!cancelled) yield { done, total };
  const a = cell * cell;
  const visible = counts[CELL_VISIBLE]!, hidden = counts[CELL_HIDDEN]!;
  return {
    observer: o, maxDistanceM: range, grid, cells,
    visibleCells: visible, hiddenCells: hidden, buildingCells: counts[CELL_BUILDING]!,
    visibleAreaM2: visible * a, inRangeAreaM2: (visible + hidden) * a,
    visiblePercent: visible + hidden > 0 ? (100 * visible) / (visible + hidden) : 0,
    facade, facadeVisible: fv, facadeHidden: fh, cancelled,
  };
}

/** Synchronous viewshed; progress and cancellation between chunks. */
export function runViewshed(input: ViewshedInput): ViewshedResult {
  return runChunks(viewshedChunks(input), input);
}

/** For a worker: awaits `yieldControl` between chunks so a cancel message is handled. */
export function runViewshedAsync(input: ViewshedInput, yieldControl?: () => Promise<void>): Promise<ViewshedResult> {
  return runChunksAsync(viewshedChunks(input), input, yieldControl);
}
