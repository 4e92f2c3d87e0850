/**
 * Programmatic start of the feed server (used by the CLI, integration tests and benchmarks): builds
 * a simulator per zone, the WebSocket server, and optionally the MQTT publisher.
 */
import { EnuFrame, type GeoOrigin } from '../core/geodesy';
import type { RoadGraph } from '../core/roadGraph';
import { SimDriver } from '../feed/producer/SimDriver';
import { realTimers, type Timers } from '../feed/sources/FeedSource';
import { parseScenarioList } from '../sim/scenarios/scenarios';
import type { FleetPlan } from '../sim/traffic/fleetSizing';
import { Simulation } from '../sim/Simulation';
import { AccessControl } from './auth/AccessControl';
import { normaliseOrigin } from './auth/access';
import { TokenStore } from './auth/TokenStore';
import { FeedServer, type ConnectionLimits } from './FeedServer';
import { MqttPublisher } from './MqttPublisher';
import { MqttPublisherV2 } from './MqttPublisherV2';
import { Recorder } from './recorder/Recorder';
import type { RecordingStore } from './recorder/RecordingStore';
import { DEFAULT_RETENTION, type Retention } from './recorder/retention';
import { openRecordingStore } from './recorder/openRecordingStore';
import { ZoneHost } from './ZoneHost';

export interface ZoneInput {
  id: string;
  origin: GeoOrigin;
  graph: RoadGraph;
}

export interface StartOptions {
  zones: ZoneInput[];
  seed: number;
  timeScale: number;
  rateHz: number;
  port: number;
  host?: string;
  heartbeatMs: number;
  scenarios?: string;
  mqttUrl?: string | null;
  topicPrefix?: string;
  /** With mqttUrl: also publish binary v2 frames, sharded per 1 km cell, under this prefix. */
  mqttV2Prefix?: string | null;
  /** Period of the retained v2 snapshots (default 5 s). */
  mqttV2SnapshotEveryMs?: number;
  allowControl?: boolean;
  /** Token file (`--auth`); every connection must then present a token with a role. */
  authFile?: string | null;
  /** Browser origins allowed (`--allow-origin`); null or absent = any. */
  origins?: string[] | null;
  limits?: Partial<ConnectionLimits>;
  authDeadlineMs?: number;
  fleetScale?: number;
  /** Override the computed fleet (benchmarks: a given number of vehicles on a zone). */
  fleet?: Partial<FleetPlan>;
  highWaterBytes?: number;
  /** Simulated start; default: now, so the simulated time of day is the real one. */
  startSimMs?: number;
  /** Record every zone's stream into this data directory (SQLite), or into `recordStore`. */
  dataDir?: string | null;
  recordStore?: RecordingStore;
  retention?: Retention;
  keyframeEveryMs?: number;
  now?: () => number;
  timers?: Timers;
  log?: (line: string) => void;
}

export interface RunningFeedServer {
  port: number;
  server: FeedServer;
  zones: ZoneHost[];
  mqtt: MqttPublisher | null;
  mqttV2: MqttPublisherV2 | null;
  recorder: Recorder | null;
  stop(mode?: 'graceful' | 'hard'): Promise<void>;
}

export async function startFeedServer(o: StartOptions): Promise<RunningFeedServer> {
  const now = o.now ?? (() => Date.now());
  const timers = o.timers ?? realTimers;
  let store: TokenStore | null = null;
  if (o.authFile) {
    store = new TokenStore(o.authFile);
    await store.load();
  }
  const origins = o.origins?.map((x) => {
    const n = normaliseOrigin(x);
    if (!n) throw new Error(`origin "${x}" is not an http(s) origin like https://wall.example.cn`);
    return n;
  }) ?? null;
  const sched = parseScenarioList(o.scenarios ?? '');
  if (sched.errors.length) throw new Error(sched.errors.join('; '));
  const zones = o.zones.map((z) => {
    const sim = new Simulation({ graph: z.graph, zoneId: z.id, seed: o.seed, startSimMs: o.startSimMs ?? now(), fleetScale: o.fleetScale, ...(o.fleet ? { fleet: o.fleet } : {}) });
    for (const s of sched.scheduled) sim.scheduleScenario(s);
    const frame = new EnuFrame(z.origin);
    return new ZoneHost(z.id, new SimDriver(sim, frame, now, o.timeScale), o.rateHz, now, frame, o.log);
  });
  const recordStore = o.recordStore ?? (o.dataDir ? openRecordingStore(o.dataDir) : null);
  const recorder = recordStore
    ? new Recorder({ store: recordStore, zones, retention: o.retention ?? DEFAULT_RETENTION, now, timers, log: o.log, keyframeEveryMs: o.keyframeEveryMs })
    : null;
  const mqtt = o.mqttUrl ? new MqttPublisher({ url: o.mqttUrl, prefix: o.topicPrefix ?? 'shentwin/v1', zones, heartbeatMs: o.heartbeatMs, now, timers, log: o.log }) : null;
  const mqttV2 = o.mqttUrl && o.mqttV2Prefix
    ? new MqttPublisherV2({ url: o.mqttUrl, prefix: o.mqttV2Prefix, zones, now, timers, log: o.log, snapshotEveryMs: o.mqttV2SnapshotEveryMs })
    : null;
  const server = new FeedServer({
    zones, port: o.port, host: o.host ?? '127.0.0.1', heartbeatMs: o.heartbeatMs, highWaterBytes: o.highWaterBytes ?? 1 << 20,
    allowControl: o.allowControl ?? false, now, timers, log: o.log, origins, limits: o.limits, authDeadlineMs: o.authDeadlineMs,
    access: new AccessControl(store, o.allowControl ?? false, (l) => o.log?.(l)), extraHealth: mqtt || mqttV2 || recorder ? () => ({ ...mqtt?.health(), ...mqttV2?.health(), ...(recorder ? { recorder: recorder.health() } : {}) }) : undefined,
    onControl: recorder ? (zone, what) => recorder.noteEvent(zone, 'control', what) : undefined,
    recording: recordStore ? { store: recordStore } : undefined,
  });
  const port = await server.listen();
  // The first keyframe is taken before the first tick, so the recording starts seekable.
  await recorder?.start();
  for (const z of zones) z.start(timers);
  mqtt?.start();
  mqttV2?.start();
  let stopped = false;
  return {
    port, server, zones, mqtt, mqttV2, recorder,
    stop: async (mode = 'graceful') => {
      if (stopped) return;
      stopped = true;
      for (const z of zones) z.stop();
      await server.close(mode);
      await mqtt?.stop();
      await mqttV2?.stop();
      await recorder?.stop();
    },
  };
}
