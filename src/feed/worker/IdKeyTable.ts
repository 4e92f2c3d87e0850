/** Main-thread side of IdKeyEncoder: keys back to the id strings (one string per id, kept). */
import type { EncodedIds } from './IdKeyEncoder';

export class IdKeyTable {
  private epoch = -1;
  private ids: string[] = [];

  /** Forgets every key (a new worker starts its keys afresh). */
  reset(): void {
    this.epoch = -1;
    this.ids = [];
  }

  /** The ids of a frame, or null when the keys do not follow on from this table (out of step). */
  decode(e: EncodedIds): string[] | null {
    if (e.epoch !== this.epoch) {
      if (e.base !== 0) return null;
      this.epoch = e.epoch;
      this.ids = [];
    }
    if (e.base !== this.ids.length) return null;
    for (const id of e.added) this.ids.push(id);
    const n = this.ids.length;
    const out = new Array<string>(e.keys.length);
    for (let i = 0; i < e.keys.length; i++) {
      const k = e.keys[i]!;
      if (k >= n) return null;
      out[i] = this.ids[k]!;
    }
    return out;
  }
}
