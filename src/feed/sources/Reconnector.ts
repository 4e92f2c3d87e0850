/**
 * Shared connection life-cycle for network sources: attempt counting, jittered backoff, the
 * liveness watchdog that detects half-open links (socket open, no data), halting (a failure or a
 * refusal that retrying cannot fix), restarting with new credentials, and disposal.
 */
import type { Rng } from '../../core/rng';
import type { ConnectionState } from '../summary';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { DEFAULT_HEARTBEAT_MS, MISSED_HEARTBEATS_FOR_DEAD, startInterval, startTimeout, type FeedSink, type Timers } from './FeedSource';

export interface ReconnectorOptions {
  sink: FeedSink;
  now: () => number;
  timers: Timers;
  rng: Rng;
  backoff?: BackoffOptions;
  /** Fixed half-open window; default: MISSED_HEARTBEATS_FOR_DEAD × the announced heartbeat. */
  heartbeatTimeoutMs?: number;
  /** An attempt that has not opened after this long is abandoned (black-holed connects). */
  connectTimeoutMs?: number;
  /** Opens a new transport; must call opened(), received() and lost() as things happen. */
  connect(): void;
  /** Tears the current transport down without reporting (the reconnector reports). */
  teardown(): void;
}

export class Reconnector {
  attempt = 0;
  private disposed = false;
  /** Set by halt(): lost() no longer schedules retries until restart(). */
  private halted = false;
  private cancelRetry: (() => void) | null = null;
  private stopWatchdogTimer: (() => void) | null = null;
  private lastRecvMs = 0;
  private heartbeatMs = DEFAULT_HEARTBEAT_MS;
  private healthy = false;
  private connected = false;
  private cancelConnect: (() => void) | null = null;

  constructor(private readonly o: ReconnectorOptions) {}

  get isDisposed(): boolean {
    return this.disposed;
  }

  get timeoutMs(): number {
    return this.o.heartbeatTimeoutMs ?? this.heartbeatMs * MISSED_HEARTBEATS_FOR_DEAD;
  }

  setHeartbeatMs(ms: number): void {
    this.heartbeatMs = ms;
    if (this.connected) this.restartWatchdog();
  }

  start(): void {
    this.report('connecting', null);
    this.attemptNow();
  }

  opened(): void {
    if (this.disposed || this.halted) return;
    this.clearConnectTimer();
    this.connected = true;
    this.lastRecvMs = this.o.now();
    this.healthy = false;
    this.report('connected', null);
    this.restartWatchdog();
  }

  /** Any inbound data proves the link alive; the first after opening also resets the backoff. */
  received(): void {
    this.lastRecvMs = this.o.now();
    if (!this.healthy) {
      this.healthy = true;
      this.attempt = 0;
    }
  }

  lost(detail: string): void {
    if (this.disposed || this.halted || this.cancelRetry !== null) return;
    this.connected = false;
    this.clearConnectTimer();
    this.stopWatchdog();
    this.o.teardown();
    const delay = backoffDelayMs(this.attempt++, this.o.rng, this.o.backoff ?? DEFAULT_BACKOFF);
    const at = this.o.now() + delay;
    this.report('reconnecting', detail, at, this.attempt);
    this.cancelRetry = startTimeout(this.o.timers, () => {
      this.cancelRetry = null;
      if (this.disposed) return;
      this.attemptNow();
    }, delay);
  }

  fail(detail: string): void {
    this.halt('failed', detail);
  }

  /**
   * Stops without a retry and leaves no timer running: a server that refused our credentials
   * would refuse them again, and a loop of refused connections is what a rate limiter bans.
   */
  halt(state: 'failed' | 'unauthorised', detail: string): void {
    if (this.disposed) return;
    this.halted = true;
    this.connected = false;
    this.clearConnectTimer();
    this.stopWatchdog();
    this.clearRetryTimer();
    this.o.teardown();
    this.report(state, detail);
  }

  /** Drops whatever is under way and connects afresh with a new backoff (new credentials). */
  restart(): void {
    if (this.disposed) return;
    this.halted = false;
    this.connected = false;
    this.healthy = false;
    this.attempt = 0;
    this.clearConnectTimer();
    this.stopWatchdog();
    this.clearRetryTimer();
    this.o.teardown();
    this.start();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.connected = false;
    this.clearConnectTimer();
    this.stopWatchdog();
    this.clearRetryTimer();
    this.o.teardown();
    this.o.sink.state('closed', null);
  }

  private clearRetryTimer(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
  }

  private attemptNow(): void {
    this.clearConnectTimer();
    const limit = this.o.connectTimeoutMs ?? 10_000;
    this.cancelConnect = startTimeout(this.o.timers, () => {
      this.cancelConnect = null;
      this.lost(`connect timed out after ${(limit / 1000).toFixed(0)} s`);
    }, limit);
    this.o.connect();
  }

  private clearConnectTimer(): void {
    this.cancelConnect?.();
    this.cancelConnect = null;
  }

  private report(state: ConnectionState, detail: string | null, nextRetryAtMs?: number, attempt?: number): void {
    if (!this.disposed) this.o.sink.state(state, detail, nextRetryAtMs, attempt);
  }

  private restartWatchdog(): void {
    this.stopWatchdog();
    if (this.disposed) return;
    const timeout = this.timeoutMs;
    this.stopWatchdogTimer = startInterval(this.o.timers, () => {
      const silent = this.o.now() - this.lastRecvMs;
      if (silent > timeout) this.lost(`no data for ${(silent / 1000).toFixed(1)} s (half-open link)`);
    }, Math.max(50, Math.min(1000, timeout / 4)));
  }

  private stopWatchdog(): void {
    this.stopWatchdogTimer?.();
    this.stopWatchdogTimer = null;
  }
}
