/** Connectivity of a road graph: weak components to keep, strong components to report. */
import type { RoadGraph } from '../../../core/roadGraph';

function makeUnionFind(n: number): { find(i: number): number; union(a: number, b: number): void } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  return {
    find,
    union(a, b) {
      const ra = find(a), rb = find(b);
      // Smaller root wins so the result does not depend on edge order.
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    },
  };
}

/** Nodes (by index < n) of the largest weakly connected component among those used by edges. */
export function largestWeakComponent(
  n: number,
  edges: readonly { from: number; to: number }[],
): { has(i: number): boolean; componentCount: number; size: number } {
  const uf = makeUnionFind(n);
  for (const e of edges) uf.union(e.from, e.to);
  const size = new Map<number, number>();
  const used = new Set<number>();
  for (const e of edges) { used.add(e.from); used.add(e.to); }
  for (const i of used) size.set(uf.find(i), (size.get(uf.find(i)) ?? 0) + 1);
  let bestRoot = -1, best = 0;
  for (const [root, s] of [...size].sort((a, b) => a[0] - b[0])) if (s > best) { best = s; bestRoot = root; }
  return { has: (i) => uf.find(i) === bestRoot, componentCount: size.size, size: best };
}

/** Sizes of the strongly connected components of the directed graph (two-way edges both ways). */
export function strongComponentSizes(graph: RoadGraph): number[] {
  const n = graph.nodes.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  const inn: number[][] = Array.from({ length: n }, () => []);
  for (const e of graph.edges) {
    out[e.from]!.push(e.to); inn[e.to]!.push(e.from);
    if (!e.oneway) { out[e.to]!.push(e.from); inn[e.from]!.push(e.to); }
  }
  // Kosaraju with explicit stacks: finishing order on the graph, then sweeps on its transpose.
  const order: number[] = [];
  const seen = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    const stack: [number, number][] = [[s, 0]];
    seen[s] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const next = out[top[0]]![top[1]++];
      if (next === undefined) { order.push(top[0]); stack.pop(); continue; }
      if (!seen[next]) { seen[next] = 1; stack.push([next, 0]); }
    }
  }
  const comp = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  for (let k = order.length - 1; k >= 0; k--) {
    const s = order[k]!;
    if (comp[s] !== -1) continue;
    const id = sizes.length;
    let count = 0;
    const stack = [s];
    comp[s] = id;
    while (stack.length) {
      const v = stack.pop()!;
      count++;
      for (const w of inn[v]!) if (comp[w] === -1) { comp[w] = id; stack.push(w); }
    }
    sizes.push(count);
  }
  return sizes;
}
