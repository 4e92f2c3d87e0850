/**
 * The default feed: the built-in simulator in a module Web Worker, so kiosks work offline. Frames
 * from the worker go through the same ingest as network frames. A crashed or silent worker is
 * replaced with backoff, like a dropped connection.
 */
import { createRng, type Rng } from '../../core/rng';
import type { GeoOrigin } from '../../core/geodesy';
import { createSimWorker } from '../worker/createSimWorker';
import type { MainToWorker, WorkerToMain } from '../worker/workerProtocol';
import type { BackoffOptions } from './backoff';
import { DEFAULT_HEARTBEAT_MS, realTimers, type FeedSink, type FeedSource, type SimControl, type Timers } from './FeedSource';
import { Reconnector } from './Reconnector';

export interface WorkerLike {
  postMessage(msg: MainToWorker): void;
  terminate(): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface WorkerSourceOptions {
  zone: string;
  origin: GeoOrigin;
  /** Absolute URL: the worker resolves relative URLs against its own script, not the page. */
  roadGraphUrl: string;
  sink: FeedSink;
  now: () => number;
  seed: number;
  timeScale: number;
  rateHz: number;
  scenarios: string;
  heartbeatMs?: number;
  fleetScale?: number;
  startSimMs?: number;
  createWorker?: () => WorkerLike;
  timers?: Timers;
  rng?: Rng;
  backoff?: BackoffOptions;
}

export class WorkerFeedSource implements FeedSource {
  readonly kind = 'sim' as const;
  readonly label = 'simulator';
  private worker: WorkerLike | null = null;
  private readonly rc: Reconnector;

  constructor(private readonly o: WorkerSourceOptions) {
    this.rc = new Reconnector({
      sink: o.sink, now: o.now, timers: o.timers ?? realTimers, rng: o.rng ?? createRng(`worker:${o.seed}`), backoff: o.backoff,
      // Loading a large road graph and building the fleet can take a while on a kiosk.
      connectTimeoutMs: 30_000,
      connect: () => this.open(),
      teardown: () => this.terminate(),
    });
    this.rc.setHeartbeatMs(o.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  }

  start(): void {
    this.rc.start();
  }

  dispose(): void {
    this.worker?.postMessage({ type: 'stop' });
    this.rc.dispose();
  }

  requestSnapshot(): void {
    this.worker?.postMessage({ type: 'snapshot' });
  }

  setHeartbeatMs(ms: number): void {
    this.rc.setHeartbeatMs(ms);
  }

  control(c: SimControl): void {
    this.worker?.postMessage({ type: 'control', ...c });
  }

  private open(): void {
    let w: WorkerLike;
    try {
      w = (this.o.createWorker ?? createSimWorker)();
    } catch (e) {
      this.rc.fail(`cannot start the simulator worker: ${(e as Error).message}`);
      return;
    }
    this.worker = w;
    w.onmessage = (ev) => {
      if (this.worker !== w) return;
      const m = ev.data as WorkerToMain;
      if (m && m.type === 'frame') {
        this.rc.received();
        this.o.sink.message(m.text, this.o.now());
      } else if (m && m.type === 'state') {
        if (m.state === 'connected') this.rc.opened();
        // A bad road graph will not get better by restarting the worker.
        else this.rc.fail(m.detail ?? 'simulator failed');
      }
    };
    w.onerror = (ev) => {
      if (this.worker !== w) return;
      const msg = (ev as { message?: string })?.message;
      this.rc.lost(`simulator worker crashed${msg ? `: ${msg}` : ''}`);
    };
    const o = this.o;
    w.postMessage({
      type: 'start', zone: o.zone, origin: o.origin, roadGraphUrl: o.roadGraphUrl, seed: o.seed, timeScale: o.timeScale,
      rateHz: o.rateHz, heartbeatMs: o.heartbeatMs ?? DEFAULT_HEARTBEAT_MS, scenarios: o.scenarios,
      ...(o.fleetScale !== undefined ? { fleetScale: o.fleetScale } : {}),
      ...(o.startSimMs !== undefined ? { startSimMs: o.startSimMs } : {}),
    });
  }

  private terminate(): void {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    w.onmessage = null;
    w.onerror = null;
    w.terminate();
  }
}
