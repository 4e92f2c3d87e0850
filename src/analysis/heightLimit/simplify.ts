/**
 * Visvalingam–Whyatt simplification of a polygon with holes down to a total vertex budget, for
 * the shader's fixed-size uniform array. The vertex whose triangle with its neighbours has the
 * least area goes first, over all rings together, so detail is dropped where it matters least,
 * whichever ring it is on.
 *
 * A vertex is removed only if no other vertex of any ring lies in the closed triangle it spans
 * with its neighbours (the ear test): for a simple input that guarantees the shortcut crosses
 * nothing, so the result stays simple and every hole stays inside the outer ring. The ear test is a linear scan per removal, which is why the input size is capped.
 */
import { orient2d } from 'robust-predicates';
import type { Ring } from '../planning/types';

/**
 * Inputs beyond this are refused: the ear tests are O(n²), about 80 ms at this size. The shipped
 * plots have under 100 vertices and a drawn limit area a few dozen.
 */
export const MAX_SIMPLIFY_INPUT_VERTICES = 2000;
/** A ring keeps at least a triangle. */
const MIN_RING_VERTICES = 3;

export interface Simplified {
  rings: Ring[];
  /** Largest distance of a dropped vertex from its simplified ring, metres (0 if none dropped). */
  maxDeviationM: number;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function ringDistance(px: number, py: number, r: Ring): number {
  let d = Infinity;
  for (let i = 0; i < r.length; i++) {
    const a = r[i]!, b = r[(i + 1) % r.length]!;
    d = Math.min(d, segmentDistance(px, py, a[0], a[1], b[0], b[1]));
  }
  return d;
}

/** Binary min-heap of (weight, vertex, stamp) entries. */
class MinHeap {
  private readonly w: number[] = [];
  private readonly v: number[] = [];
  private readonly s: number[] = [];

  push(weight: number, vertex: number, stamp: number): void {
    let i = this.w.length;
    this.w.push(weight); this.v.push(vertex); this.s.push(stamp);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(parent, i)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): [number, number, number] | null {
    const n = this.w.length;
    if (n === 0) return null;
    const top: [number, number, number] = [this.w[0]!, this.v[0]!, this.s[0]!];
    this.swap(0, n - 1);
    this.w.pop(); this.v.pop(); this.s.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < n - 1 && this.less(l, m)) m = l;
      if (r < n - 1 && this.less(r, m)) m = r;
      if (m === i) return top;
      this.swap(i, m);
      i = m;
    }
  }

  /** Ties go to the lower vertex index, so the result does not depend on heap internals. */
  private less(a: number, b: number): boolean {
    return this.w[a]! < this.w[b]! || (this.w[a] === this.w[b] && this.v[a]! < this.v[b]!);
  }

  private swap(a: number, b: number): void {
    [this.w[a], this.w[b]] = [this.w[b]!, this.w[a]!];
    [this.v[a], this.v[b]] = [this.v[b]!, this.v[a]!];
    [this.s[a], this.s[b]] = [this.s[b]!, this.s[a]!];
  }
}

/**
 * Simplified rings with at most `maxVertices` vertices in all, or null when the budget cannot be
 * met (too many rings for three vertices each, an input over the cap, or every remaining vertex
 * blocked by the ear test). Rings must be simple, open and non-overlapping.
 */
export function simplifyRings(input: readonly Ring[], maxVertices: number): Simplified | null {
  const total = input.reduce((n, r) => n + r.length, 0);
  if (total <= maxVertices) return { rings: input.map((r) => r.map(([x, y]) => [x, y] as [number, number])), maxDeviationM: 0 };
  if (input.length * MIN_RING_VERTICES > maxVertices || total > MAX_SIMPLIFY_INPUT_VERTICES) return null;

  // Flat arrays over all rings' vertices, with each ring as a circular doubly linked list.
  const xs = new Float64Array(total), ys = new Float64Array(total);
  const prev = new Int32Array(total), next = new Int32Array(total), ringOf = new Int32Array(total);
  const alive = new Uint8Array(total).fill(1);
  const size = input.map((r) => r.length);
  let k = 0;
  input.forEach((r, ri) => {
    const start = k;
    for (let i = 0; i < r.length; i++, k++) {
      xs[k] = r[i]![0];
      ys[k] = r[i]![1];
      ringOf[k] = ri;
      prev[k] = i === 0 ? start + r.length - 1 : k - 1;
      next[k] = i === r.length - 1 ? start : k + 1;
    }
  });

  const weight = (i: number): number => Math.abs(orient2d(xs[prev[i]!]!, ys[prev[i]!]!, xs[i]!, ys[i]!, xs[next[i]!]!, ys[next[i]!]!));
  const inTriangle = (a: number, i: number, b: number, p: number): boolean => {
    const px = xs[p]!, py = ys[p]!;
    const o1 = Math.sign(orient2d(xs[a]!, ys[a]!, xs[i]!, ys[i]!, px, py));
    const o2 = Math.sign(orient2d(xs[i]!, ys[i]!, xs[b]!, ys[b]!, px, py));
    const o3 = Math.sign(orient2d(xs[b]!, ys[b]!, xs[a]!, ys[a]!, px, py));
    return (o1 >= 0 && o2 >= 0 && o3 >= 0) || (o1 <= 0 && o2 <= 0 && o3 <= 0);
  };
  const removable = (i: number): boolean => {
    const a = prev[i]!, b = next[i]!;
    // A vertex on the line through its neighbours changes nothing when removed.
    if (orient2d(xs[a]!, ys[a]!, xs[i]!, ys[i]!, xs[b]!, ys[b]!) === 0) return true;
    // The bounds test is cheap and rejects nearly every vertex before the exact predicates run.
    const x0 = Math.min(xs[a]!, xs[i]!, xs[b]!), x1 = Math.max(xs[a]!, xs[i]!, xs[b]!);
    const y0 = Math.min(ys[a]!, ys[i]!, ys[b]!), y1 = Math.max(ys[a]!, ys[i]!, ys[b]!);
    for (let p = 0; p < total; p++) {
      const px = xs[p]!, py = ys[p]!;
      if (px < x0 || px > x1 || py < y0 || py > y1 || !alive[p] || p === a || p === i || p === b) continue;
      if (inTriangle(a, i, b, p)) return false;
    }
    return true;
  };

  // Candidates in a binary min-heap on weight; an entry is stale once its vertex's stamp moves on.
  const stamp = new Int32Array(total);
  const heap = new MinHeap();
  for (let i = 0; i < total; i++) heap.push(weight(i), i, 0);
  // A blocked vertex is retried after the next removal: that may have been the vertex in its way.
  let blocked: number[] = [];
  let count = total;
  while (count > maxVertices) {
    const top = heap.pop();
    if (!top) return null;
    const [, best, st] = top;
    if (!alive[best] || st !== stamp[best] || size[ringOf[best]!]! <= MIN_RING_VERTICES) continue;
    if (!removable(best)) {
      blocked.push(best);
      continue;
    }
    const a = prev[best]!, b = next[best]!;
    alive[best] = 0;
    next[a] = b;
    prev[b] = a;
    size[ringOf[best]!]!--;
    count--;
    for (const v of [a, b, ...blocked]) heap.push(weight(v), v, ++stamp[v]!);
    blocked = [];
  }

  const rings: Ring[] = input.map(() => []);
  for (let i = 0; i < total; i++) if (alive[i]) rings[ringOf[i]!]!.push([xs[i]!, ys[i]!]);
  let maxDeviationM = 0;
  for (let i = 0; i < total; i++) {
    if (!alive[i]) maxDeviationM = Math.max(maxDeviationM, ringDistance(xs[i]!, ys[i]!, rings[ringOf[i]!]!));
  }
  return { rings, maxDeviationM };
}
