/**
 * The default feed: the built-in simulator in a module Web Worker, so kiosks work offline. Frames
 * from the worker go through the same ingest as network frames: with a sink that takes decoded v2
 * frames (the runtime's), snapshots and deltas arrive as finished columns, as from the network
 * worker; otherwise as v1 JSON text. The worker also keeps the stream's recording; `replayLink`
 * carries the time machine's requests to it (WorkerReplayBackend). A crashed or silent worker is
 * replaced with backoff, like a dropped connection.
 */
import { createRng, type Rng } from '../../core/rng';
import type { GeoOrigin } from '../../core/geodesy';
import type { SimReplayLink, SimReplayListener } from '../replay/WorkerReplayBackend';
import { createSimWorker } from '../worker/createSimWorker';
import { IdKeyTable } from '../worker/IdKeyTable';
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
  private readonly idTable = new IdKeyTable();
  private replayListener: SimReplayListener | null = null;

  readonly replayLink: SimReplayLink = {
    send: (msg) => {
      if (!this.worker) return false;
      this.worker.postMessage(msg);
      return true;
    },
    listen: (l) => void (this.replayListener = l),
  };

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
    // A new worker numbers its id keys afresh.
    this.idTable.reset();
    w.onmessage = (ev) => {
      if (this.worker === w) this.onWorkerMessage(ev.data as WorkerToMain);
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
      encoding: this.o.sink.frameV2 ? 'v2' : 'v1',
    });
  }

  private onWorkerMessage(m: WorkerToMain): void {
    switch (m?.type) {
      case 'frame':
        this.rc.received();
        return this.o.sink.message(m.text, this.o.now());
      case 'v2': {
        this.rc.received();
        const now = this.o.now();
        const ids = this.idTable.decode(m.ids);
        if (!ids || ids.length !== m.frame.vehicles.count) {
          // Cannot happen while messages arrive in order; if it does, start the keys afresh and resync.
          this.worker?.postMessage({ type: 'ids-reset' });
          return this.o.sink.frameRejectedV2?.('inconsistent', 'simulator worker: vehicle id keys out of step', now);
        }
        m.frame.vehicles.ids = ids;
        return this.o.sink.frameV2?.(m.frame, now);
      }
      case 'rejected':
        this.rc.received();
        return this.o.sink.frameRejectedV2?.(m.reason, m.detail, this.o.now());
      case 'replay-frame': return this.replayListener?.frame(m.text);
      case 'history': return this.replayListener?.history(m.msg);
      case 'state':
        if (m.state === 'connected') return this.rc.opened();
        // A bad road graph will not get better by restarting the worker.
        return this.rc.fail(m.detail ?? 'simulator failed');
    }
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
