/**
 * Frame intervals of the page (requestAnimationFrame to requestAnimationFrame), kept in a fixed
 * ring, for the watchdog's frame-time p95. Pure: the caller feeds timestamps. Gaps longer than
 * `gapMs` (a hidden tab, a view at rest that asked for no frame) are not frame times and are left
 * out, so a quiet planner view does not read as jank.
 */
export class FrameTimes {
  private readonly ring: Float64Array;
  private n = 0;
  private next = 0;
  private lastT: number | null = null;

  constructor(capacity = 600, private readonly gapMs = 1000) {
    this.ring = new Float64Array(capacity);
  }

  push(tMs: number): void {
    const prev = this.lastT;
    this.lastT = tMs;
    if (prev === null) return;
    const dt = tMs - prev;
    if (!(dt > 0) || dt > this.gapMs) return;
    this.ring[this.next] = dt;
    this.next = (this.next + 1) % this.ring.length;
    this.n = Math.min(this.n + 1, this.ring.length);
  }

  /** The 95th percentile of the intervals since the last take; null when there were none. Clears them. */
  takeP95(): number | null {
    if (this.n === 0) return null;
    const xs = Array.from(this.ring.subarray(0, this.n)).sort((a, b) => a - b);
    this.n = 0;
    this.next = 0;
    return Math.round(xs[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))]! * 10) / 10;
  }
}
