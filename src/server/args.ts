/** Command-line flags of `npm run feed`, parsed and validated into a ServerConfig (pure). */
import { recordUrlProblem } from './recorder/openRecordingStore';
import { parseArgs } from 'node:util';
import { parseScenarioList } from '../sim/scenarios/scenarios';
import { DEFAULT_TOPIC_PREFIX } from '../feed/protocol/limits';
import { isValidTopicPrefix } from '../feed/protocol/topics';
import { isLoopbackHost, normaliseOrigin } from './auth/access';
import { DEFAULT_RETENTION, parseAge, parseBytes, type Retention } from './recorder/retention';

export interface ServerConfig {
  zones: string[];
  seed: number;
  timeScale: number;
  rateHz: number;
  port: number;
  host: string;
  heartbeatMs: number;
  scenarios: string;
  mqttUrl: string | null;
  topicPrefix: string;
  /** Also publish protocol v2 binary frames under this prefix (`--mqtt-v2`); null = v1 only. */
  mqttV2Prefix: string | null;
  /** Path templates; `{zone}` is replaced by the zone id. */
  scenePath: string;
  roadsPath: string;
  /** "lon,lat" override when the scene file is not there yet. */
  origin: { lonDeg: number; latDeg: number; heightM: number } | null;
  allowControl: boolean;
  fleetScale: number;
  highWaterBytes: number;
  /** Simulated start, epoch ms; null = now. */
  startSimMs: number | null;
  authFile: string | null;
  origins: string[] | null;
  msgRatePerS: number;
  maxSubscriptions: number;
  /** Recording (the black box): the data directory, or null when not recording. */
  dataDir: string | null;
  /** Or a PostgreSQL database (`--record postgres://…`): the same tables and queries. */
  recordUrl: string | null;
  retention: Retention;
}

export const USAGE = `Usage: npm run feed -- [flags]
  --zone <ids>          zones to simulate, comma-separated (default jiading)
  --seed <int>          simulator seed (default 20211231)
  --speed <1..60>       simulated seconds per wall second (default 1)
  --rate <hz>           deltas per second per zone (default 5)
  --port <n>            WebSocket + /health port (default 8787; 0 = any free port)
  --host <addr>         bind address (default 127.0.0.1; 0.0.0.0 to serve a LAN)
  --scenario <list>     e.g. rainstorm,crash@300,sensor-silent,rsu-fail@60 (seconds of sim time)
  --mqtt <url>          also publish to an MQTT broker (mqtt://, ws://, …)
  --topic-prefix <p>    MQTT topic prefix (default ${DEFAULT_TOPIC_PREFIX})
  --mqtt-v2 <p|on>      with --mqtt, also publish binary v2 frames sharded per 1 km cell
                        under prefix p ("on": shentwin/v2)
  --scene <path>        scene file template (default scenes/{zone}.json)
  --roads <path>        road graph template (default public/tiles/{zone}/roads.json), or "synthetic"
  --origin <lon,lat>    zone origin when the scene file is missing
  --heartbeat-ms <ms>   application heartbeat interval (default 2000)
  --fleet-scale <x>     multiply fleet sizes (default 1)
  --start-time <iso>    simulated start, e.g. 2025-11-20T08:00:00+08:00 (default: now)
  --allow-control       accept control messages (time scale, scenarios) from clients (drill role with --auth)
  --high-water <bytes>  per-client send buffer above which deltas are coalesced (default 1048576)
  --auth <file>         token file: every client needs a token with a role; SIGHUP reloads it
  --allow-origin <list> browser origins allowed, comma-separated (e.g. https://ioc.example.cn)
  --insecure-lan        allow a non-loopback --host without --auth (anyone on the network can watch)
  --max-msg-rate <n>    client messages per second before a connection is cut (default 20, burst 2×)
  --max-subs <n>        zone subscriptions per connection (default 8)
  --data-dir <dir>      record every zone's stream into <dir>/recording.sqlite (keyframe every 30 s);
                        clients can then replay it and ask its history
  --record <url>        record into PostgreSQL instead (postgres://user:pass@host:5432/db; tables made on open)
  --retain <age>        drop recordings older than this (default 7d; e.g. 36h, 90m)
  --retain-bytes <size> keep at most this much recorded data (default 2GB; e.g. 500MB)

Tokens:  npm run feed -- token add <name> <viewer|wall|operator|drill> [--auth <file>]
         npm run feed -- token list|remove <name> [--auth <file>]   (default file feed-tokens.json)
MQTT:    npm run feed -- mqtt-acl --prefix <p> --user <name>:<role> … [--format mosquitto|emqx]`;

function int(name: string, v: string | undefined, def: number, min: number, max: number): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}, got "${v}"`);
  return n;
}

function real(name: string, v: string | undefined, def: number, min: number, max: number): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}, got "${v}"`);
  return n;
}

export function parseServerArgs(argv: string[]): ServerConfig | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      zone: { type: 'string' }, seed: { type: 'string' }, speed: { type: 'string' }, rate: { type: 'string' },
      port: { type: 'string' }, host: { type: 'string' }, scenario: { type: 'string' }, mqtt: { type: 'string' },
      'topic-prefix': { type: 'string' }, 'mqtt-v2': { type: 'string' }, scene: { type: 'string' }, roads: { type: 'string' }, origin: { type: 'string' },
      'heartbeat-ms': { type: 'string' }, 'fleet-scale': { type: 'string' }, 'allow-control': { type: 'boolean' },
      'high-water': { type: 'string' }, 'start-time': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      auth: { type: 'string' }, 'allow-origin': { type: 'string' }, 'insecure-lan': { type: 'boolean' },
      'max-msg-rate': { type: 'string' }, 'max-subs': { type: 'string' },
      'data-dir': { type: 'string' }, record: { type: 'string' }, retain: { type: 'string' }, 'retain-bytes': { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const zones = (values.zone ?? 'jiading').split(',').map((z) => z.trim()).filter(Boolean);
  for (const z of zones) if (!/^[a-z0-9-]{1,32}$/.test(z)) throw new Error(`--zone: "${z}" is not a zone id`);
  if (zones.length === 0) throw new Error('--zone: at least one zone');
  const scenarios = values.scenario ?? '';
  const sc = parseScenarioList(scenarios);
  if (sc.errors.length) throw new Error(`--scenario: ${sc.errors.join('; ')}`);
  const prefix = values['topic-prefix'] ?? DEFAULT_TOPIC_PREFIX;
  if (!isValidTopicPrefix(prefix)) throw new Error(`--topic-prefix: "${prefix}" has wildcards or empty levels`);
  let mqttUrl: string | null = null;
  if (values.mqtt !== undefined) {
    try {
      const u = new URL(values.mqtt);
      if (!['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:'].includes(u.protocol)) throw new Error(`unsupported scheme ${u.protocol}`);
      mqttUrl = values.mqtt;
    } catch (e) {
      throw new Error(`--mqtt: ${(e as Error).message}`);
    }
  }
  let mqttV2Prefix: string | null = null;
  if (values['mqtt-v2'] !== undefined) {
    if (mqttUrl === null) throw new Error('--mqtt-v2: needs --mqtt <url>');
    mqttV2Prefix = values['mqtt-v2'] === 'on' || values['mqtt-v2'] === '' ? 'shentwin/v2' : values['mqtt-v2'];
    if (!isValidTopicPrefix(mqttV2Prefix)) throw new Error(`--mqtt-v2: "${mqttV2Prefix}" has wildcards or empty levels`);
    if (mqttV2Prefix === prefix) throw new Error('--mqtt-v2: the v2 prefix must differ from --topic-prefix');
  }
  let origin: ServerConfig['origin'] = null;
  if (values.origin !== undefined) {
    const [lon, lat] = values.origin.split(',').map(Number);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon!) > 180 || Math.abs(lat!) > 90) throw new Error('--origin must be "lon,lat" in degrees');
    origin = { lonDeg: lon!, latDeg: lat!, heightM: 0 };
  }
  let startSimMs: number | null = null;
  if (values['start-time'] !== undefined) {
    startSimMs = Date.parse(values['start-time']);
    if (!Number.isFinite(startSimMs)) throw new Error(`--start-time: "${values['start-time']}" is not an ISO 8601 date-time`);
  }
  const host = values.host ?? '127.0.0.1';
  const authFile = values.auth ?? null;
  if (!isLoopbackHost(host) && authFile === null && !values['insecure-lan']) {
    throw new Error(
      `--host ${host} serves the network without access control: anyone who can reach the port could watch every zone` +
        `${values['allow-control'] ? ' and trigger drills' : ''}. Start with --auth <token file> (npm run feed -- token add <name> <role>), ` +
        'or pass --insecure-lan to accept that on a trusted network',
    );
  }
  let origins: string[] | null = null;
  if (values['allow-origin'] !== undefined) {
    origins = values['allow-origin'].split(',').map((x) => x.trim()).filter(Boolean);
    for (const o of origins) if (!normaliseOrigin(o)) throw new Error(`--allow-origin: "${o}" is not an origin like https://ioc.example.cn`);
    if (origins.length === 0) throw new Error('--allow-origin: at least one origin');
  }
  const retention = { ...DEFAULT_RETENTION };
  if (values.retain !== undefined) {
    const r = parseAge(values.retain);
    if (typeof r === 'string') throw new Error(`--retain: ${r}`);
    retention.maxAgeMs = r;
  }
  if (values['retain-bytes'] !== undefined) {
    const r = parseBytes(values['retain-bytes']);
    if (typeof r === 'string') throw new Error(`--retain-bytes: ${r}`);
    retention.maxBytes = r;
  }
  const dataDir = values['data-dir'] ?? null;
  if (dataDir !== null && dataDir.trim() === '') throw new Error('--data-dir: a directory path');
  const recordUrl = values.record ?? null;
  if (recordUrl !== null) {
    const problem = recordUrlProblem(recordUrl);
    if (problem) throw new Error(`--record: ${problem}`);
    if (dataDir !== null) throw new Error('--record and --data-dir both name where to record: pick one');
  }
  if (dataDir === null && recordUrl === null && (values.retain !== undefined || values['retain-bytes'] !== undefined)) {
    throw new Error('--retain and --retain-bytes limit a recording: add --data-dir <dir> (or --record <url>) to record');
  }
  return {
    authFile, origins, host, dataDir, recordUrl, retention,
    msgRatePerS: int('max-msg-rate', values['max-msg-rate'], 20, 1, 10_000),
    maxSubscriptions: int('max-subs', values['max-subs'], 8, 1, 1000),
    zones, scenarios, mqttUrl, topicPrefix: prefix, mqttV2Prefix, origin, startSimMs,
    seed: int('seed', values.seed, 20_211_231, 0, 2 ** 32 - 1),
    timeScale: real('speed', values.speed, 1, 1, 60),
    rateHz: real('rate', values.rate, 5, 0.2, 30),
    port: int('port', values.port, 8787, 0, 65535),
    heartbeatMs: int('heartbeat-ms', values['heartbeat-ms'], 2000, 100, 60_000),
    scenePath: values.scene ?? 'scenes/{zone}.json',
    roadsPath: values.roads ?? 'public/tiles/{zone}/roads.json',
    allowControl: values['allow-control'] ?? false,
    fleetScale: real('fleet-scale', values['fleet-scale'], 1, 0.01, 10),
    highWaterBytes: int('high-water', values['high-water'], 1 << 20, 16 * 1024, 1 << 30),
  };
}
