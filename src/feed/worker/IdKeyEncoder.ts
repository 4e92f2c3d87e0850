/**
 * Worker side of the id hand-off: postMessage would clone every vehicle id string of every frame
 * (the largest part of a decoded frame that cannot be transferred). Instead each id gets a stable
 * integer key the first time it is seen, and a frame carries a transferable Uint32Array of keys
 * plus only the ids first seen in it; IdKeyTable on the main thread maps the keys back.
 *
 * Keys are assigned 0, 1, 2 … in order, so the new ids of a frame are exactly the keys from
 * `base` on. Past the bound the encoder starts a new epoch (all ids sent afresh) so a feed that
 * runs for weeks with churning ids does not grow without limit.
 */
export interface EncodedIds {
  epoch: number;
  /** Key of added[0]: the table's length before this frame. */
  base: number;
  added: string[];
  keys: Uint32Array;
}

export const MAX_ID_KEYS = 1 << 20;

export class IdKeyEncoder {
  private epoch = 0;
  private readonly keyOf = new Map<string, number>();

  constructor(private readonly maxKeys = MAX_ID_KEYS) {}

  /** Starts a new epoch: the main thread's table is out of step (or was replaced). */
  reset(): void {
    this.epoch++;
    this.keyOf.clear();
  }

  encode(ids: readonly string[]): EncodedIds {
    if (this.keyOf.size + ids.length > this.maxKeys) this.reset();
    const base = this.keyOf.size;
    const added: string[] = [];
    const keys = new Uint32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      let k = this.keyOf.get(id);
      if (k === undefined) {
        k = this.keyOf.size;
        this.keyOf.set(id, k);
        added.push(id);
      }
      keys[i] = k;
    }
    return { epoch: this.epoch, base, added, keys };
  }
}
