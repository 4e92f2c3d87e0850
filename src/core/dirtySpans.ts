/**
 * Collects the element ranges of a buffer that changed, for a partial GPU upload. Ranges closer
 * than `gap` elements are merged (one bufferSubData call costs more than re-sending a few clean
 * bytes), and past `maxSpans` the whole lot collapses to one span from the first dirty element to
 * the last: many scattered small uploads are slower than one longer one.
 *
 * Ranges may arrive in any order; `spans()` returns them sorted, merged and non-overlapping.
 */
export class DirtySpans {
  private starts: number[] = [];
  private ends: number[] = [];
  private sorted = true;

  constructor(private readonly gap = 64, private readonly maxSpans = 32) {}

  get empty(): boolean {
    return this.starts.length === 0;
  }

  clear(): void {
    this.starts.length = 0;
    this.ends.length = 0;
    this.sorted = true;
  }

  add(start: number, count: number): void {
    if (!(count > 0) || !Number.isFinite(start) || start < 0) return;
    const end = start + count;
    const n = this.starts.length;
    if (n > 0) {
      const lastEnd = this.ends[n - 1]!;
      // The common case, ascending input: extend the last span in place.
      if (start >= this.starts[n - 1]! && start <= lastEnd + this.gap) {
        if (end > lastEnd) this.ends[n - 1] = end;
        return;
      }
      if (start < this.starts[n - 1]!) this.sorted = false;
    }
    this.starts.push(start);
    this.ends.push(end);
  }

  /** [start, count] pairs in elements, sorted and merged. */
  spans(): [number, number][] {
    const order = this.starts.map((_, i) => i);
    if (!this.sorted) order.sort((a, b) => this.starts[a]! - this.starts[b]!);
    const out: [number, number][] = [];
    let s = -1, e = -1;
    for (const i of order) {
      const a = this.starts[i]!, b = this.ends[i]!;
      if (s >= 0 && a <= e + this.gap) {
        if (b > e) e = b;
        continue;
      }
      if (s >= 0) out.push([s, e - s]);
      s = a;
      e = b;
    }
    if (s >= 0) out.push([s, e - s]);
    if (out.length > this.maxSpans) {
      const first = out[0]![0];
      const last = out[out.length - 1]!;
      return [[first, last[0] + last[1] - first]];
    }
    return out;
  }
}
