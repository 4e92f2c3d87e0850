/**
 * Estimates server time from the client clock. Round trips (ping/pong) give offset ± rtt/2, and the
 * sample with the smallest rtt is the most trustworthy (NTP's idea). Without round trips (MQTT), a
 * one-way sample serverTs − receivedAt = offset − latency is a lower bound, so the largest recent
 * one is the tightest.
 */
const MAX_SAMPLES = 8;

export class ClockOffset {
  private rtt: { offset: number; rtt: number }[] = [];
  private oneWay: number[] = [];
  /**
   * A replayed stream's clock: recorded time `ts` at client time `atMs`, running at `rate`
   * recorded ms per client ms (the replay speed; 0 while paused, so nothing ages in a pause).
   */
  private pinned: { ts: number; atMs: number; rate: number } | null = null;

  pin(ts: number, atClientMs: number, rate: number): void {
    if (Number.isFinite(ts) && Number.isFinite(atClientMs) && rate >= 0) this.pinned = { ts, atMs: atClientMs, rate };
  }

  addRoundTrip(clientSentMs: number, serverMs: number, clientReceivedMs: number): void {
    const rtt = clientReceivedMs - clientSentMs;
    if (!(rtt >= 0) || !Number.isFinite(serverMs)) return;
    this.rtt.push({ offset: serverMs - (clientSentMs + clientReceivedMs) / 2, rtt });
    if (this.rtt.length > MAX_SAMPLES) this.rtt.shift();
  }

  addOneWay(serverMs: number, clientReceivedMs: number): void {
    const d = serverMs - clientReceivedMs;
    if (!Number.isFinite(d)) return;
    this.oneWay.push(d);
    if (this.oneWay.length > MAX_SAMPLES * 2) this.oneWay.shift();
  }

  get hasEstimate(): boolean {
    return this.pinned !== null || this.rtt.length > 0 || this.oneWay.length > 0;
  }

  /** serverTime ≈ clientTime + offsetMs. */
  get offsetMs(): number {
    if (this.rtt.length > 0) {
      let best = this.rtt[0]!;
      for (const s of this.rtt) if (s.rtt < best.rtt) best = s;
      return best.offset;
    }
    if (this.oneWay.length > 0) return Math.max(...this.oneWay);
    return 0;
  }

  serverNow(clientNowMs: number): number {
    const p = this.pinned;
    if (p) return p.ts + Math.max(0, clientNowMs - p.atMs) * p.rate;
    return clientNowMs + this.offsetMs;
  }

  /** A new connection may reach a different server with a different clock. */
  reset(): void {
    this.rtt = [];
    this.oneWay = [];
    this.pinned = null;
  }
}
