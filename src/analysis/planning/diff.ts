/**
 * Building-level difference between two states of a site (existing vs a scheme, or two schemes).
 *
 * Matching, in two passes:
 * 1. Same id: a building of A matches the building of B with the same id (first unmatched one,
 *    should a state repeat an id).
 * 2. Overlap: of the remaining buildings, every pair whose footprint IoU (intersection area /
 *    union area) is at least `minOverlap` and above zero is a candidate. Candidates are taken
 *    greedily, highest IoU first; ties go to the smaller A id, then the smaller B id, then the
 *    earlier position, so the result does not depend on input order.
 * A matched pair is taller / lower when B's height differs from A's by more than the tolerance,
 * otherwise unchanged. Unmatched A buildings are removed, unmatched B buildings added.
 * An entry's id, name and x/y (footprint centroid) are those of its A building, except for added
 * entries, which only have a B building. Entries sort by kind (added, removed, taller, lower,
 * unchanged), then id.
 */
import { intersectionArea, polygonArea, polygonCentroid, ringBounds } from './polygon';
import { buildingPolygon } from './indicators';
import type { DiffEntry, DiffKind, DiffResult, PlanBuilding } from './types';

export interface DiffOptions {
  /** Height changes up to this many metres count as unchanged. Default 0.5 m. */
  heightToleranceM?: number;
  /** Minimum footprint IoU for two buildings with different ids to be the same one. Default 0.5. */
  minOverlap?: number;
}

export const DEFAULT_HEIGHT_TOLERANCE_M = 0.5;
export const DEFAULT_MIN_OVERLAP = 0.5;

const KIND_ORDER: Record<DiffKind, number> = { added: 0, removed: 1, taller: 2, lower: 3, unchanged: 4 };

/** Code-unit order: locale-independent, so the same inputs sort the same everywhere. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function iou(a: PlanBuilding, b: PlanBuilding): number {
  const [ax0, ay0, ax1, ay1] = ringBounds(a.footprint);
  const [bx0, by0, bx1, by1] = ringBounds(b.footprint);
  if (ax1 <= bx0 || bx1 <= ax0 || ay1 <= by0 || by1 <= ay0) return 0;
  const pa = buildingPolygon(a), pb = buildingPolygon(b);
  const inter = intersectionArea(pa, pb);
  const union = polygonArea(pa[0]!, pa.slice(1)) + polygonArea(pb[0]!, pb.slice(1)) - inter;
  return union > 0 ? inter / union : 0;
}

function entry(kind: DiffKind, own: PlanBuilding, other: PlanBuilding | null, heightA: number | null, heightB: number | null): DiffEntry {
  const [x, y] = polygonCentroid(own.footprint, own.holes ?? []);
  const e: DiffEntry = { kind, id: own.id, name: own.name, heightA, heightB, x, y };
  if (other) e.otherId = other.id;
  return e;
}

export function diffStates(a: PlanBuilding[], b: PlanBuilding[], opts: DiffOptions = {}): DiffResult {
  const tol = opts.heightToleranceM ?? DEFAULT_HEIGHT_TOLERANCE_M;
  const minOverlap = opts.minOverlap ?? DEFAULT_MIN_OVERLAP;
  const matchOfA = new Array<number>(a.length).fill(-1);
  const takenB = new Array<boolean>(b.length).fill(false);

  const bById = new Map<string, number[]>();
  b.forEach((bb, j) => bById.set(bb.id, [...(bById.get(bb.id) ?? []), j]));
  a.forEach((ab, i) => {
    const j = bById.get(ab.id)?.find((k) => !takenB[k]);
    if (j === undefined) return;
    matchOfA[i] = j;
    takenB[j] = true;
  });

  const candidates: { i: number; j: number; score: number }[] = [];
  a.forEach((ab, i) => {
    if (matchOfA[i] !== -1) return;
    b.forEach((bb, j) => {
      if (takenB[j]) return;
      const score = iou(ab, bb);
      if (score > 0 && score >= minOverlap) candidates.push({ i, j, score });
    });
  });
  candidates.sort(
    (p, q) =>
      q.score - p.score ||
      cmp(a[p.i]!.id, a[q.i]!.id) ||
      cmp(b[p.j]!.id, b[q.j]!.id) ||
      p.i - q.i ||
      p.j - q.j,
  );
  for (const { i, j } of candidates) {
    if (matchOfA[i] !== -1 || takenB[j]) continue;
    matchOfA[i] = j;
    takenB[j] = true;
  }

  const entries: DiffEntry[] = [];
  a.forEach((ab, i) => {
    const j = matchOfA[i]!;
    if (j === -1) {
      entries.push(entry('removed', ab, null, ab.heightM, null));
      return;
    }
    const bb = b[j]!;
    const dh = bb.heightM - ab.heightM;
    const kind: DiffKind = dh > tol ? 'taller' : dh < -tol ? 'lower' : 'unchanged';
    entries.push(entry(kind, ab, bb, ab.heightM, bb.heightM));
  });
  b.forEach((bb, j) => {
    if (!takenB[j]) entries.push(entry('added', bb, null, null, bb.heightM));
  });
  entries.sort(
    (p, q) => KIND_ORDER[p.kind] - KIND_ORDER[q.kind] || cmp(p.id, q.id) || cmp(p.otherId ?? '', q.otherId ?? '') || p.x - q.x || p.y - q.y,
  );

  const count = (k: DiffKind): number => entries.filter((e) => e.kind === k).length;
  return {
    added: count('added'),
    removed: count('removed'),
    taller: count('taller'),
    lower: count('lower'),
    unchanged: count('unchanged'),
    entries,
  };
}
