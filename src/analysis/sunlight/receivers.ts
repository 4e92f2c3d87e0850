/**
 * Receivers: the points whose sunlight is counted. On buildings, one reference point per window
 * position on every facade edge and every storey, at the sill height above the storey's floor
 * (GB 50180's 窗台面); on the ground, a grid for the heat map. Window positions are spread evenly
 * along each edge with at least half a spacing from either corner, because a point on the corner
 * itself belongs to two facades and is lit by both.
 */
import type { Vec3 } from '../../core/geodesy';
import { pointInPolygon, ringBounds, ringSignedArea } from '../planning/polygon';
import type { PlanBuilding, Ring } from '../planning/types';
import type { Receiver } from './types';

/** What receivers need of a building: a PlanBuilding, or a footprints.json entry with its base. */
export type ReceiverBuilding = Pick<PlanBuilding, 'id' | 'footprint' | 'heightM' | 'floors'> & { holes?: Ring[]; baseM?: number };

export interface FacadeReceiverOptions {
  /** Distance between window positions along a facade, metres. Default 3. */
  spacingM?: number;
  /** Reference height above each storey's floor, metres (窗台面: 0.9). */
  sillHeightM: number;
  /** Storey height when a building has no floor count, metres. Default 3. */
  floorHeightM?: number;
  /** Ground elevation for buildings that carry no `baseM`. Default 0. */
  baseM?: number;
  /** 1-based storeys to sample. Default 'all'. */
  floors?: 'all' | number[];
  /** Edges shorter than this are corner jogs of a traced footprint, not facades. Default 0.5 m. */
  minEdgeM?: number;
}

export const DEFAULT_SPACING_M = 3;
const DEFAULT_FLOOR_HEIGHT_M = 3;
const DEFAULT_MIN_EDGE_M = 0.5;

/** Storey count and height: from the building's floors when it has them, else the fallback. */
export function storeys(b: Pick<ReceiverBuilding, 'heightM' | 'floors'>, floorHeightM = DEFAULT_FLOOR_HEIGHT_M): { count: number; heightM: number } {
  if (Number.isFinite(b.floors) && b.floors >= 1) {
    const count = Math.round(b.floors);
    return { count, heightM: b.heightM / count };
  }
  return { count: Math.max(1, Math.floor(b.heightM / floorHeightM)), heightM: floorHeightM };
}

interface Edge {
  ax: number; ay: number;
  /** Unit direction along the ring. */
  tx: number; ty: number;
  /** Outward unit normal (away from the building's material). */
  nx: number; ny: number;
  len: number;
}

/**
 * Edges with outward normals whatever the stored orientation: the outer ring's material lies on
 * its inside, a hole's on its outside, so the sign comes from each ring's own signed area.
 */
function facadeEdges(b: ReceiverBuilding, minEdgeM: number): (Edge | null)[] {
  const out: (Edge | null)[] = [];
  const rings: [Ring, boolean][] = [[b.footprint, false], ...(b.holes ?? []).map((h): [Ring, boolean] => [h, true])];
  for (const [ring, isHole] of rings) {
    const area = ringSignedArea(ring);
    const s = (area > 0) !== isHole ? 1 : -1;
    for (let i = 0; i < ring.length; i++) {
      const [ax, ay] = ring[i]!;
      const [bx, by] = ring[(i + 1) % ring.length]!;
      const len = Math.hypot(bx - ax, by - ay);
      // Keep the index slot so facade numbers stay the edge numbers of the stored ring.
      if (!(len >= minEdgeM) || area === 0) {
        out.push(null);
        continue;
      }
      const tx = (bx - ax) / len, ty = (by - ay) / len;
      out.push({ ax, ay, tx, ty, nx: s * ty, ny: -s * tx, len });
    }
  }
  return out;
}

/** Offsets along an edge: evenly spread, centred, ≥ half a spacing from both ends. */
export function windowOffsets(len: number, spacingM: number): number[] {
  if (len < spacingM) return [len / 2];
  const n = Math.floor(len / spacingM + 1e-9);
  const first = (len - (n - 1) * spacingM) / 2;
  return Array.from({ length: n }, (_, k) => first + k * spacingM);
}

export function facadeReceivers(buildings: readonly ReceiverBuilding[], opts: FacadeReceiverOptions): Receiver[] {
  const spacing = opts.spacingM ?? DEFAULT_SPACING_M;
  if (!(spacing > 0)) throw new RangeError(`facadeReceivers: spacingM must be > 0, got ${spacing}`);
  if (!(opts.sillHeightM >= 0)) throw new RangeError(`facadeReceivers: sillHeightM must be ≥ 0, got ${opts.sillHeightM}`);
  const minEdge = opts.minEdgeM ?? DEFAULT_MIN_EDGE_M;
  const out: Receiver[] = [];
  for (const b of buildings) {
    const { count, heightM: storeyM } = storeys(b, opts.floorHeightM);
    const base = b.baseM ?? opts.baseM ?? 0;
    const floors = opts.floors === undefined || opts.floors === 'all'
      ? Array.from({ length: count }, (_, i) => i + 1)
      : opts.floors.filter((f) => Number.isInteger(f) && f >= 1 && f <= count);
    const edges = facadeEdges(b, minEdge);
    for (let f = 0; f < edges.length; f++) {
      const e = edges[f];
      if (!e) continue;
      const offsets = windowOffsets(e.len, spacing);
      for (const floor of floors) {
        const u = base + (floor - 1) * storeyM + opts.sillHeightM;
        // A sill above the roof (a storey height that does not divide the height) is no window.
        if (u > base + b.heightM) continue;
        offsets.forEach((s, i) => {
          out.push({
            id: `${b.id}:f${f}:l${floor}:w${i}`,
            buildingId: b.id,
            facade: f,
            floor,
            position: [e.ax + e.tx * s, e.ay + e.ty * s, u],
            normal: [e.nx, e.ny, 0],
            tangent: [e.tx, e.ty, 0],
            halfWidthMaxM: Math.min(s, e.len - s),
          });
        });
      }
    }
  }
  return out;
}

export interface GroundBounds {
  minE: number;
  minN: number;
  maxE: number;
  maxN: number;
}

/**
 * A grid of upward-facing points at `heightM` over a polygon or a rectangle, cell-centred. Points
 * inside any `exclude` footprint are left out: they stand under a roof and would read 0 h.
 */
export function groundReceivers(area: Ring | GroundBounds, heightM: number, spacingM: number, exclude: readonly Ring[] = []): Receiver[] {
  if (!(spacingM > 0)) throw new RangeError(`groundReceivers: spacingM must be > 0, got ${spacingM}`);
  const ring = Array.isArray(area) ? area : null;
  let b: GroundBounds;
  if (ring) {
    b = { minE: Infinity, minN: Infinity, maxE: -Infinity, maxN: -Infinity };
    for (const [x, y] of ring) {
      b.minE = Math.min(b.minE, x); b.maxE = Math.max(b.maxE, x);
      b.minN = Math.min(b.minN, y); b.maxN = Math.max(b.maxN, y);
    }
  } else {
    b = area as GroundBounds;
  }
  const nx = Math.max(0, Math.floor((b.maxE - b.minE) / spacingM + 1e-9));
  const ny = Math.max(0, Math.floor((b.maxN - b.minN) / spacingM + 1e-9));
  const x0 = b.minE + ((b.maxE - b.minE) - (nx - 1) * spacingM) / 2;
  const y0 = b.minN + ((b.maxN - b.minN) - (ny - 1) * spacingM) / 2;
  // Bounds first: a site's grid against every footprint of a zone is millions of tests otherwise.
  const ex = exclude.map((r) => ({ r, bb: ringBounds(r) }));
  const out: Receiver[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const p: [number, number] = [x0 + i * spacingM, y0 + j * spacingM];
      if (ring && !pointInPolygon(p, ring)) continue;
      if (ex.some(({ r, bb }) => p[0] >= bb[0] && p[0] <= bb[2] && p[1] >= bb[1] && p[1] <= bb[3] && pointInPolygon(p, r))) continue;
      const position: Vec3 = [p[0], p[1], heightM];
      out.push({ id: `ground:${i}:${j}`, buildingId: '', facade: -1, floor: 0, position, normal: [0, 0, 1], tangent: [1, 0, 0] });
    }
  }
  return out;
}
