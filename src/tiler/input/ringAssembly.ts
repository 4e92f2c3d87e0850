/**
 * Joins multipolygon member ways into closed rings (OSM splits long outlines into several
 * ways, in any direction). Works on node-id sequences; coordinates come later.
 */
export interface AssembledRings {
  /** Closed rings, each as node ids with the first id repeated at the end. */
  rings: string[][];
  /** Member ways left over because they could not be closed into a ring. */
  unclosed: number;
}

export function assembleRings(ways: readonly (readonly string[])[]): AssembledRings {
  const rings: string[][] = [];
  const open: string[][] = [];
  for (const w of ways) {
    if (w.length < 2) continue;
    if (w[0] === w[w.length - 1]) rings.push(w.slice());
    else open.push(w.slice());
  }
  let unclosed = 0;
  const used = new Array<boolean>(open.length).fill(false);
  for (let s = 0; s < open.length; s++) {
    if (used[s]) continue;
    used[s] = true;
    const ring = open[s]!.slice();
    let parts = 1;
    let extended = true;
    while (ring[0] !== ring[ring.length - 1] && extended) {
      extended = false;
      const tail = ring[ring.length - 1];
      for (let k = 0; k < open.length; k++) {
        if (used[k]) continue;
        const w = open[k]!;
        if (w[0] === tail) ring.push(...w.slice(1));
        else if (w[w.length - 1] === tail) ring.push(...w.slice(0, -1).reverse());
        else continue;
        used[k] = true;
        parts++;
        extended = true;
        break;
      }
    }
    if (ring[0] === ring[ring.length - 1]) rings.push(ring);
    else unclosed += parts;
  }
  return { rings, unclosed };
}
