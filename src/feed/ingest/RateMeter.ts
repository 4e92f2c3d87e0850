/** Messages per second over the last few whole seconds, from per-second buckets (no timers). */
const WINDOW_S = 3;

export class RateMeter {
  private readonly buckets = new Float64Array(WINDOW_S + 1);
  private readonly bucketSecond = new Float64Array(WINDOW_S + 1).fill(-1);

  add(nowMs: number, n = 1): void {
    const sec = Math.floor(nowMs / 1000);
    const i = sec % this.buckets.length;
    if (this.bucketSecond[i] !== sec) {
      this.bucketSecond[i] = sec;
      this.buckets[i] = 0;
    }
    this.buckets[i] = this.buckets[i]! + n;
  }

  /** Mean rate over the last WINDOW_S complete seconds. */
  rate(nowMs: number): number {
    const sec = Math.floor(nowMs / 1000);
    let sum = 0;
    for (let k = 1; k <= WINDOW_S; k++) {
      const s = sec - k;
      const i = ((s % this.buckets.length) + this.buckets.length) % this.buckets.length;
      if (this.bucketSecond[i] === s) sum += this.buckets[i]!;
    }
    return sum / WINDOW_S;
  }
}
