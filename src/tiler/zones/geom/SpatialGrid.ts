/**
 * Uniform-grid broad phase over axis-aligned boxes. Zones hold tens of thousands of segments and
 * candidate footprints; a hash grid keeps every clearance query to a handful of neighbours.
 */
export class SpatialGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly stamps: number[] = [];
  private stamp = 0;

  constructor(private readonly cellM: number) {}

  private key(ix: number, iy: number): number {
    // Zones stay within ±100 km of their origin, far inside this packing's range.
    return (ix + 32768) * 65536 + (iy + 32768);
  }

  insert(id: number, minX: number, minY: number, maxX: number, maxY: number): void {
    const c = this.cellM;
    for (let ix = Math.floor(minX / c); ix <= Math.floor(maxX / c); ix++) {
      for (let iy = Math.floor(minY / c); iy <= Math.floor(maxY / c); iy++) {
        const k = this.key(ix, iy);
        let list = this.cells.get(k);
        if (!list) this.cells.set(k, (list = []));
        list.push(id);
      }
    }
    while (this.stamps.length <= id) this.stamps.push(0);
  }

  /** Ids whose boxes share a cell with the query box, each once, in insertion order per cell. */
  query(minX: number, minY: number, maxX: number, maxY: number, out: number[] = []): number[] {
    out.length = 0;
    const c = this.cellM;
    this.stamp++;
    for (let ix = Math.floor(minX / c); ix <= Math.floor(maxX / c); ix++) {
      for (let iy = Math.floor(minY / c); iy <= Math.floor(maxY / c); iy++) {
        const list = this.cells.get(this.key(ix, iy));
        if (!list) continue;
        for (const id of list) {
          if (this.stamps[id] === this.stamp) continue;
          this.stamps[id] = this.stamp;
          out.push(id);
        }
      }
    }
    return out;
  }
}
