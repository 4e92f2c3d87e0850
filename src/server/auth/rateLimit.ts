/**
 * Per-connection message rate: a token bucket with an injected clock. `ratePerS` tokens refill per
 * second up to `burst`; a message that finds the bucket empty marks the connection an abuser.
 */
export interface RateLimitOptions {
  ratePerS: number;
  burst: number;
  now: () => number;
}

export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(private readonly o: RateLimitOptions) {
    this.tokens = o.burst;
    this.lastMs = o.now();
  }

  /** Takes one token; false when the bucket is empty (the caller disconnects). */
  take(): boolean {
    const t = this.o.now();
    const dt = Math.max(0, t - this.lastMs) / 1000;
    this.lastMs = t;
    this.tokens = Math.min(this.o.burst, this.tokens + dt * this.o.ratePerS);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
