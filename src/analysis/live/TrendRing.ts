/**
 * Fixed-size history of several series sampled together (the KPI trend lines). Memory is
 * allocated once; a full ring overwrites its oldest sample. Missing values are stored as NaN and
 * come out as null, so a gap in the data is a gap in the line, never a zero.
 */
export interface TrendSeries {
  /** Sample times, epoch ms, oldest first. */
  t: number[];
  /** One array per series, aligned with t. */
  values: (number | null)[][];
}

export class TrendRing {
  private readonly times: Float64Array;
  private readonly data: Float64Array;
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number, readonly seriesCount: number) {
    if (!(capacity >= 2) || !(seriesCount >= 1)) throw new Error('TrendRing needs capacity ≥ 2 and at least one series');
    this.times = new Float64Array(capacity);
    this.data = new Float64Array(capacity * seriesCount);
  }

  get length(): number {
    return this.size;
  }

  push(tMs: number, values: readonly (number | null)[]): void {
    const i = this.head;
    this.times[i] = tMs;
    for (let s = 0; s < this.seriesCount; s++) {
      const v = values[s];
      this.data[i * this.seriesCount + s] = v === null || v === undefined || !Number.isFinite(v) ? Number.NaN : v;
    }
    this.head = (i + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  /** Latest sample time, or null when empty. */
  lastTime(): number | null {
    return this.size > 0 ? this.times[(this.head - 1 + this.capacity) % this.capacity]! : null;
  }

  series(): TrendSeries {
    const t: number[] = [];
    const values: (number | null)[][] = Array.from({ length: this.seriesCount }, () => []);
    const start = (this.head - this.size + this.capacity) % this.capacity;
    for (let k = 0; k < this.size; k++) {
      const i = (start + k) % this.capacity;
      t.push(this.times[i]!);
      for (let s = 0; s < this.seriesCount; s++) {
        const v = this.data[i * this.seriesCount + s]!;
        values[s]!.push(Number.isNaN(v) ? null : v);
      }
    }
    return { t, values };
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }
}
