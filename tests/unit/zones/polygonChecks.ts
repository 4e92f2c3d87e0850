/**
 * Independent polygon checks for the zone tests, written without the tiler's own geometry code so
 * a bug there cannot hide itself.
 */
export type P = readonly [number, number];

export function area(ring: readonly P[]): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!, q = ring[(i + 1) % ring.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

function orient(a: P, b: P, c: P): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** Segments cross in their interiors (touching at end points does not count). */
export function properlyCross(a: P, b: P, c: P, d: P): boolean {
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

export function inside(p: P, ring: readonly P[]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!, b = ring[j]!;
    if ((a[1] > p[1]) !== (b[1] > p[1]) && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) c = !c;
  }
  return c;
}

function centroid(ring: readonly P[]): P {
  let x = 0, y = 0;
  for (const p of ring) { x += p[0]; y += p[1]; }
  return [x / ring.length, y / ring.length];
}

/** Interiors overlap: an edge pair crosses, or one polygon holds the other's centre. */
export function polygonsOverlap(a: readonly P[], b: readonly P[]): boolean {
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (properlyCross(a[i]!, a[(i + 1) % a.length]!, b[j]!, b[(j + 1) % b.length]!)) return true;
    }
  }
  return inside(centroid(a), b) || inside(centroid(b), a);
}

export function bbox(ring: readonly P[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of ring) { x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]); }
  return [x0, y0, x1, y1];
}

/** Index pairs whose boxes meet, through a uniform grid: the broad phase for overlap tests. */
export function candidatePairs(boxes: readonly [number, number, number, number][], cell: number): [number, number][] {
  const grid = new Map<string, number[]>();
  boxes.forEach((b, i) => {
    for (let x = Math.floor(b[0] / cell); x <= Math.floor(b[2] / cell); x++) {
      for (let y = Math.floor(b[1] / cell); y <= Math.floor(b[3] / cell); y++) {
        const k = `${x},${y}`;
        const list = grid.get(k);
        if (list) list.push(i); else grid.set(k, [i]);
      }
    }
  });
  const seen = new Set<string>();
  const out: [number, number][] = [];
  for (const list of grid.values()) {
    for (let m = 0; m < list.length; m++) {
      for (let n = m + 1; n < list.length; n++) {
        const i = Math.min(list[m]!, list[n]!), j = Math.max(list[m]!, list[n]!);
        const k = `${i},${j}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const a = boxes[i]!, b = boxes[j]!;
        if (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) out.push([i, j]);
      }
    }
  }
  return out;
}

/** Every number anywhere in a value, with its path, so a NaN can be reported where it is. */
export function nonFiniteNumbers(v: unknown, path = '', out: string[] = []): string[] {
  if (typeof v === 'number') { if (!Number.isFinite(v)) out.push(path); }
  else if (Array.isArray(v)) v.forEach((x, i) => nonFiniteNumbers(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) nonFiniteNumbers(x, `${path}.${k}`, out);
  return out;
}
