/**
 * One entity kind's id → index dictionary on the encoder side. An id first seen gets the lowest
 * free index. Every entry remembers its def (whatever the decoder needs besides the index) and
 * whether that def has gone out in a delta yet: deltas are shared by every subscriber, a snapshot
 * reaches only one, so a def sent only in a snapshot must still go out in the next delta.
 */
import { MAX_DICT_ENTRIES } from './layout';

export interface DictEntry<D> {
  index: number;
  id: string;
  def: D;
  /** Comparison key of the def: a changed key (a signal's static part, a sensor's unit) is a new def. */
  key: string;
  /** The def has been carried by a delta, so every subscriber holds it. */
  broadcast: boolean;
}

/** Thrown by `use` when the bound is reached; the encoder resets the dictionary and encodes again. */
export class DictionaryFull extends Error {
  constructor(readonly dictionary: EncoderDictionary<unknown>) {
    super('v2 dictionary full');
  }
}

export class EncoderDictionary<D> {
  private readonly byId = new Map<string, DictEntry<D>>();
  /** Min-heap of freed indices below `next`. */
  private readonly free: number[] = [];
  private next = 0;

  constructor(readonly bound = MAX_DICT_ENTRIES) {}

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The entry for `id`, assigned if new; a def whose key changed is replaced and sent again. */
  use(id: string, key: string, def: () => D): DictEntry<D> {
    const e = this.byId.get(id);
    if (e) {
      if (e.key !== key) {
        e.key = key;
        e.def = def();
        e.broadcast = false;
      }
      return e;
    }
    const index = this.free.length > 0 ? this.popFree() : this.next < this.bound ? this.next++ : -1;
    if (index < 0) throw new DictionaryFull(this as EncoderDictionary<unknown>);
    const entry: DictEntry<D> = { index, id, def: def(), key, broadcast: false };
    this.byId.set(id, entry);
    return entry;
  }

  /** Defs a frame must carry: all live entries for a snapshot, the not yet broadcast ones for a delta. */
  defsFor(snapshot: boolean): DictEntry<D>[] {
    const out: DictEntry<D>[] = [];
    for (const e of this.byId.values()) if (snapshot || !e.broadcast) out.push(e);
    return out.sort((a, b) => a.index - b.index);
  }

  /** After a delta went out. */
  markBroadcast(entries: readonly DictEntry<D>[]): void {
    for (const e of entries) e.broadcast = true;
  }

  /** Frees an id's index (a removed vehicle), after the frame that removed it. */
  release(id: string): void {
    const e = this.byId.get(id);
    if (!e) return;
    this.byId.delete(id);
    this.pushFree(e.index);
  }

  reset(): void {
    this.byId.clear();
    this.free.length = 0;
    this.next = 0;
  }

  private pushFree(x: number): void {
    const h = this.free;
    let i = h.push(x) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p]! <= x) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = x;
  }

  private popFree(): number {
    const h = this.free;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < h.length && h[l]! < (m === i ? last : h[m]!)) m = l;
      if (r < h.length && h[r]! < (m === i ? last : h[m]!)) m = r;
      if (m === i) break;
      h[i] = h[m]!;
      i = m;
    }
    h[i] = last;
    return top;
  }
}
