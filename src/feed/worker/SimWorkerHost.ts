/**
 * The simulator side of the worker: loads and validates the road graph, runs the Simulation at the
 * requested time scale, and posts protocol frames: hello and heartbeats as JSON text, snapshots
 * and deltas as decoded v2 columns (SimFramesV2; JSON text with `encoding: 'v1'`), exactly what a
 * network feed would send.
 *
 * The time machine's archive lives here too: the MemoryRecording of the stream, kept from the
 * messages as produced (no parse), and the replays and history read from it (MemoryReplayBackend),
 * so the main thread neither keeps the recording nor pays for it each frame. A replaced worker
 * (after a crash) starts a new recording. Clock, timers and loading are injected so this runs
 * in-process in tests.
 */
import { EnuFrame } from '../../core/geodesy';
import { parseRoadGraph } from '../../sim/graph/roadGraphSchema';
import { parseScenarioList } from '../../sim/scenarios/scenarios';
import { Simulation } from '../../sim/Simulation';
import { PROTOCOL_VERSION } from '../protocol/limits';
import type { DeltaMessage, SnapshotMessage } from '../protocol/messages';
import { SimDriver } from '../producer/SimDriver';
import { MemoryRecording, type MemoryRecordingOptions } from '../replay/MemoryRecording';
import { MemoryReplayBackend } from '../replay/MemoryReplayBackend';
import { startInterval, type Timers } from '../sources/FeedSource';
import { SimFramesV2 } from './SimFramesV2';
import { mainToWorkerSchema, type StartMessage, type WorkerToMain } from './workerProtocol';

export interface SimWorkerDeps {
  post(msg: WorkerToMain, transfer?: Transferable[]): void;
  now(): number;
  timers: Timers;
  loadRoadGraph(url: string): Promise<unknown>;
  /** Recording bounds (tests use small ones); default MemoryRecording's. */
  recording?: Omit<MemoryRecordingOptions, 'zone'>;
}

export class SimWorkerHost {
  private driver: SimDriver | null = null;
  private stopTick: (() => void) | null = null;
  private stopBeat: (() => void) | null = null;
  private beatSeq = 0;
  private stopped = false;
  private v2: SimFramesV2 | null = null;
  private rec: MemoryRecording | null = null;
  private replays: MemoryReplayBackend | null = null;

  constructor(private readonly d: SimWorkerDeps) {}

  /** The stream's recording; null until 'start' (replays and history are ignored before it). */
  get recording(): MemoryRecording | null {
    return this.rec;
  }

  handle(data: unknown): void {
    const r = mainToWorkerSchema.safeParse(data);
    if (!r.success) return;
    const m = r.data;
    switch (m.type) {
      case 'start':
        void this.start(m);
        return;
      case 'snapshot':
        if (this.driver) this.sendData(this.driver.snapshot());
        return;
      case 'control':
        if (!this.driver) return;
        if (m.timeScale !== undefined) this.driver.setTimeScale(m.timeScale);
        if (m.scenario) this.driver.trigger(m.scenario, m.params);
        return;
      case 'replay':
        this.replayBackend()?.replay({ id: m.id, from: m.from, speed: m.speed, ...(m.to !== undefined ? { to: m.to } : {}) });
        return;
      case 'replay-stop':
        this.replays?.stop();
        return;
      case 'history':
        this.replayBackend()?.history({ id: m.id, from: m.from, to: m.to, kinds: ['events'] });
        return;
      case 'ids-reset':
        this.v2?.resetIds();
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
    this.replays?.dispose();
    this.replays = null;
    this.driver = null;
  }

  private async start(m: StartMessage): Promise<void> {
    if (this.driver || this.rec) return;
    // At once, before the road graph loads: the time machine may ask the recording meanwhile.
    this.rec = new MemoryRecording({ ...this.d.recording, zone: m.zone });
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
    const frame = new EnuFrame(m.origin);
    const driver = new SimDriver(sim, frame, () => this.d.now(), m.timeScale);
    this.driver = driver;
    if (m.encoding === 'v2') this.v2 = new SimFramesV2(m.zone, frame);
    this.d.post({ type: 'state', state: 'connected', detail: sched.errors.join('; ') || undefined });
    this.send(driver.hello(m.heartbeatMs, [m.zone], 'shentwin-worker'));
    driver.tick();
    this.sendData(driver.snapshot());
    this.stopTick = startInterval(this.d.timers, () => {
      const delta = driver.tick();
      // A frame the main thread did not get leaves its v2 decoder behind: a snapshot catches it up.
      if (this.v2?.needsSnapshot) this.sendData(driver.snapshot());
      else if (delta) this.sendData(delta);
    }, 1000 / m.rateHz);
    this.stopBeat = startInterval(this.d.timers, () => {
      this.send({ v: PROTOCOL_VERSION, type: 'heartbeat', ts: this.d.now(), seq: ++this.beatSeq });
    }, m.heartbeatMs);
  }

  /** Replays and history of the recording, posted back as they come; null before 'start'. */
  private replayBackend(): MemoryReplayBackend | null {
    if (this.replays || !this.rec) return this.replays;
    this.replays = new MemoryReplayBackend({
      zone: this.rec.zone, recording: this.rec, now: this.d.now, timers: this.d.timers,
      deliver: (text) => this.post({ type: 'replay-frame', text }),
      onHistory: (msg) => this.post({ type: 'history', msg }),
    });
    return this.replays;
  }

  /** A snapshot or delta: to the main thread, then into the recording. */
  private sendData(msg: SnapshotMessage | DeltaMessage): void {
    if (this.v2) {
      const f = this.v2.encode(msg);
      this.post(f.msg, f.transfer);
    } else {
      this.send(msg);
    }
    this.rec?.observe(msg.type, msg);
  }

  private send(msg: object): void {
    this.post({ type: 'frame', text: JSON.stringify(msg) });
  }

  private post(msg: WorkerToMain, transfer?: Transferable[]): void {
    if (!this.stopped) this.d.post(msg, transfer);
  }
}
