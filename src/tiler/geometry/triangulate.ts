import earcut from 'earcut';
import type { Ring } from '../types';

export interface Triangulation {
  /** Outer ring followed by every hole, in order: the triangle indices point into this list. */
  points: Ring;
  /** Vertex index triples, each counter-clockwise seen from above (so its normal points up). */
  triangles: number[];
}

/**
 * earcut with holes. earcut does not promise a winding, and a cap's winding decides which side
 * the renderer culls, so every triangle is checked and flipped to counter-clockwise.
 */
export function triangulatePolygon(outer: Ring, holes: readonly Ring[] = []): Triangulation {
  const points: Ring = outer.slice();
  const holeStarts: number[] = [];
  for (const h of holes) {
    holeStarts.push(points.length);
    for (const p of h) points.push(p);
  }
  // Re-centre on the first vertex: earcut's orientation tests lose precision kilometres from the origin.
  const ox = outer[0]?.[0] ?? 0, oy = outer[0]?.[1] ?? 0;
  const flat = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    flat[2 * i] = p[0] - ox;
    flat[2 * i + 1] = p[1] - oy;
  });
  const tri = earcut(flat, holeStarts, 2);
  for (let t = 0; t + 2 < tri.length; t += 3) {
    const a = points[tri[t]!]!, b = points[tri[t + 1]!]!, c = points[tri[t + 2]!]!;
    const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    if (cross < 0) {
      const s = tri[t + 1]!;
      tri[t + 1] = tri[t + 2]!;
      tri[t + 2] = s;
    }
  }
  return { points, triangles: tri };
}
