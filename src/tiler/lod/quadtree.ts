/**
 * Point quadtree over building centroids. Splits a square cell into four until a cell holds no
 * more than `capacity` points; cells that cannot be split further (coincident points) are chunked.
 */
export interface QuadNode {
  /** Digits of the quadrants from the root ('' for the root), used for stable file names. */
  path: string;
  /** Point indices in this cell and all its descendants, ascending. */
  indices: number[];
  children: QuadNode[];
}

export interface QuadPoint {
  x: number;
  y: number;
}

export function buildQuadtree(points: readonly QuadPoint[], indices: readonly number[], capacity: number, maxDepth: number): QuadNode {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const i of indices) {
    const p = points[i]!;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  const size = Math.max(maxX - minX, maxY - minY, 1e-6);
  const sorted = indices.slice().sort((a, b) => a - b);
  return split(points, sorted, minX, minY, size, '', 0, capacity, maxDepth);
}

function split(
  points: readonly QuadPoint[], indices: number[], x0: number, y0: number, size: number,
  path: string, depth: number, capacity: number, maxDepth: number,
): QuadNode {
  if (indices.length <= capacity) return { path, indices, children: [] };
  if (depth >= maxDepth) {
    const children: QuadNode[] = [];
    for (let k = 0; k * capacity < indices.length; k++) {
      children.push({ path: `${path}c${k}`, indices: indices.slice(k * capacity, (k + 1) * capacity), children: [] });
    }
    return { path, indices, children };
  }
  const half = size / 2;
  const buckets: number[][] = [[], [], [], []];
  for (const i of indices) {
    const p = points[i]!;
    const q = (p.x >= x0 + half ? 1 : 0) + (p.y >= y0 + half ? 2 : 0);
    buckets[q]!.push(i);
  }
  const children: QuadNode[] = [];
  buckets.forEach((b, q) => {
    if (b.length === 0) return;
    const cx = x0 + (q & 1 ? half : 0), cy = y0 + (q & 2 ? half : 0);
    children.push(split(points, b, cx, cy, half, `${path}${q}`, depth + 1, capacity, maxDepth));
  });
  return { path, indices, children };
}

/** Leaves in depth-first order. */
export function quadLeaves(node: QuadNode): QuadNode[] {
  if (node.children.length === 0) return [node];
  return node.children.flatMap(quadLeaves);
}
