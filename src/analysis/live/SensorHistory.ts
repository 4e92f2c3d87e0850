/**
 * Recent values of every sensor, sampled together at UI rate into one ring (a shared time axis,
 * one float per sensor per sample). Feeds the sensor panel's sparkline and the rate-of-change
 * alert rules. A sensor that is silent or never reported is sampled as a gap, never as 0.
 */

/** What is read from the feed's SensorBuffer (structural, so tests can pass plain arrays). */
export interface SensorSource {
  count: number;
  values: ArrayLike<number>;
  hasValue: ArrayLike<number>;
  stale: ArrayLike<number>;
}

export class SensorHistory {
  private readonly times: Float64Array;
  private values: Float32Array;
  private slots: number;
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number, initialSlots = 64) {
    if (!(capacity >= 2)) throw new Error('SensorHistory needs capacity ≥ 2');
    this.slots = Math.max(1, initialSlots);
    this.times = new Float64Array(capacity);
    this.values = new Float32Array(capacity * this.slots).fill(Number.NaN);
  }

  get length(): number {
    return this.size;
  }

  /** Records one sample of every sensor at tMs (any monotonic clock, ms). */
  sample(tMs: number, src: SensorSource): void {
    if (src.count > this.slots) this.grow(src.count);
    const i = this.head;
    this.times[i] = tMs;
    const base = i * this.slots;
    for (let s = 0; s < this.slots; s++) {
      const ok = s < src.count && src.hasValue[s] === 1 && src.stale[s] !== 1 && Number.isFinite(src.values[s]);
      this.values[base + s] = ok ? src.values[s]! : Number.NaN;
    }
    this.head = (i + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  /** One sensor's samples, oldest first; gaps are null. */
  series(slot: number): { t: number[]; v: (number | null)[] } {
    const t: number[] = [];
    const v: (number | null)[] = [];
    const start = (this.head - this.size + this.capacity) % this.capacity;
    for (let k = 0; k < this.size; k++) {
      const i = (start + k) % this.capacity;
      t.push(this.times[i]!);
      const x = slot < this.slots ? this.values[i * this.slots + slot]! : Number.NaN;
      v.push(Number.isNaN(x) ? null : x);
    }
    return { t, v };
  }

  /**
   * Change per millisecond over the last windowMs, from the oldest to the newest valid sample in
   * the window; null when the valid samples span less than half the window (too little to judge).
   */
  rate(slot: number, windowMs: number): number | null {
    if (slot >= this.slots || this.size < 2) return null;
    const newestIdx = (this.head - 1 + this.capacity) % this.capacity;
    const tEnd = this.times[newestIdx]!;
    let first: number | null = null, firstT = 0, last: number | null = null, lastT = 0;
    for (let k = this.size - 1; k >= 0; k--) {
      const i = (this.head - this.size + k + this.capacity) % this.capacity;
      const t = this.times[i]!;
      if (tEnd - t > windowMs) break;
      const x = this.values[i * this.slots + slot]!;
      if (Number.isNaN(x)) continue;
      if (last === null) {
        last = x;
        lastT = t;
      }
      first = x;
      firstT = t;
    }
    if (first === null || last === null || lastT - firstT < windowMs / 2) return null;
    return (last - first) / (lastT - firstT);
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
    this.values.fill(Number.NaN);
  }

  private grow(slots: number): void {
    const next = Math.max(slots, this.slots * 2);
    const v = new Float32Array(this.capacity * next).fill(Number.NaN);
    for (let i = 0; i < this.capacity; i++) v.set(this.values.subarray(i * this.slots, (i + 1) * this.slots), i * next);
    this.values = v;
    this.slots = next;
  }
}
