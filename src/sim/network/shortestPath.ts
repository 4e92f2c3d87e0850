/** Dijkstra over links (cost = link length), with a binary heap; used to lay out bus lines. */
import type { Network } from './Network';

export interface PathTree {
  dist: Float64Array;
  prev: Int32Array;
}

export function linkShortestPaths(net: Network, startLink: number): PathTree {
  const n = net.links.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const heap: number[] = [];
  const push = (i: number) => {
    heap.push(i);
    let c = heap.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (dist[heap[p]!]! <= dist[heap[c]!]!) break;
      [heap[p], heap[c]] = [heap[c]!, heap[p]!];
      c = p;
    }
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let p = 0;
      for (;;) {
        const l = 2 * p + 1, r = l + 1;
        let m = p;
        if (l < heap.length && dist[heap[l]!]! < dist[heap[m]!]!) m = l;
        if (r < heap.length && dist[heap[r]!]! < dist[heap[m]!]!) m = r;
        if (m === p) break;
        [heap[p], heap[m]] = [heap[m]!, heap[p]!];
        p = m;
      }
    }
    return top;
  };
  dist[startLink] = 0;
  push(startLink);
  const done = new Uint8Array(n);
  while (heap.length > 0) {
    const u = pop();
    if (done[u]) continue;
    done[u] = 1;
    const lu = net.links[u]!;
    for (const v of lu.successors) {
      const d = dist[u]! + net.links[v]!.length;
      if (d < dist[v]!) {
        dist[v] = d;
        prev[v] = u;
        push(v);
      }
    }
  }
  return { dist, prev };
}

/** Links from the tree's start to `target`, inclusive of both; empty when unreachable. */
export function pathTo(tree: PathTree, target: number): number[] {
  if (!Number.isFinite(tree.dist[target]!)) return [];
  const out: number[] = [];
  for (let v = target; v !== -1; v = tree.prev[v]!) out.push(v);
  return out.reverse();
}
