/**
 * The simulator side of the worker: loads and validates the road graph, runs the Simulation at the
 * requested time scale, and posts protocol frames (hello, snapshot, deltas, heartbeats) as JSON
 * text, exactly what a network feed would send. Clock, timers and loading are injected so this
 * runs in-process in tests.
 */
import { EnuFrame } from '../../core/geodesy';
import { parseRoadGraph } from '../../sim/graph/roadGraphSchema';
import { parseScenarioList } from '../../sim/scenarios/scenarios';
import { Simulation } from '../../sim/Simulation';
import { PROTOCOL_VERSION } from '../protocol/limits';
import { SimDriver } from '../producer/SimDriver';
import { startInterval, type Timers } from '../sources/FeedSource';
import { mainToWorkerSchema, type StartMessage, type WorkerToMain } from './workerProtocol';

export interface SimWorkerDeps {
  post(msg: WorkerToMain): void;
  now(): number;
  timers: Timers;
  loadRoadGraph(url: string): Promise<unknown>;
}

export class SimWorkerHost {
  private driver: SimDriver | null = null;
  private stopTick: (() => void) | null = null;
  private stopBeat: (() => void) | null = null;
  private beatSeq = 0;
  private stopped = false;

  constructor(private readonly d: SimWorkerDeps) {}

  handle(data: unknown): void {
    const r = mainToWorkerSchema.safeParse(data);
    if (!r.success) return;
    const m = r.data;
    switch (m.type) {
      case 'start':
        void this.start(m);
        return;
      case 'snapshot':
        if (this.driver) this.send(this.driver.snapshot());
        return;
      case 'control':
        if (!this.driver) return;
        if (m.timeScale !== undefined) this.driver.setTimeScale(m.timeScale);
        if (m.scenario) this.driver.trigger(m.scenario, m.params);
        return;
      case 'stop':
        this.stop();
        return;
    }
  }

  stop(): void {
    this.stopped = true;
    this.stopTick?.();
    this.stopBeat?.();
    this.stopTick = this.stopBeat = null;
    this.driver = null;
  }

  private async start(m: StartMessage): Promise<void> {
    if (this.driver) return;
    let raw: unknown;
    try {
      raw = await this.d.loadRoadGraph(m.roadGraphUrl);
    } catch (e) {
      this.d.post({ type: 'state', state: 'failed', detail: `road graph ${m.roadGraphUrl}: ${(e as Error).message}` });
      return;
    }
    if (this.stopped) return;
    const g = parseRoadGraph(raw);
    if (!g.ok) {
      this.d.post({ type: 'state', state: 'failed', detail: g.error });
      return;
    }
    const sim = new Simulation({
      graph: g.graph, zoneId: m.zone, seed: m.seed, startSimMs: m.startSimMs ?? Math.round(this.d.now()), fleetScale: m.fleetScale,
    });
    const sched = parseScenarioList(m.scenarios);
    for (const s of sched.scheduled) sim.scheduleScenario(s);
    const driver = new SimDriver(sim, new EnuFrame(m.origin), () => this.d.now(), m.timeScale);
    this.driver = driver;
    this.d.post({ type: 'state', state: 'connected', detail: sched.errors.join('; ') || undefined });
    this.send(driver.hello(m.heartbeatMs, [m.zone], 'shentwin-worker'));
    driver.tick();
    this.send(driver.snapshot());
    this.stopTick = startInterval(this.d.timers, () => {
      const delta = driver.tick();
      if (delta) this.send(delta);
    }, 1000 / m.rateHz);
    this.stopBeat = startInterval(this.d.timers, () => {
      this.send({ v: PROTOCOL_VERSION, type: 'heartbeat', ts: this.d.now(), seq: ++this.beatSeq });
    }, m.heartbeatMs);
  }

  private send(msg: object): void {
    this.d.post({ type: 'frame', text: JSON.stringify(msg) });
  }
}
