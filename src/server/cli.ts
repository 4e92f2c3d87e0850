/**
 * `npm run feed` (tsx src/server/cli.ts): the simulator as a network feed for operation centres.
 * Exits 2 on bad flags or unreadable zone files, 0 after a graceful SIGINT/SIGTERM shutdown.
 */
import { openRecordingStoreFromUrl, redactRecordUrl } from './recorder/openRecordingStore';
import type { RecordingStore } from './recorder/RecordingStore';
import { parseServerArgs, USAGE } from './args';
import { runTokenCommand } from './auth/tokenCli';
import { redactMqttUrl } from './mqttAcl/brokerUrl';
import { runMqttAclCommand } from './mqttAcl/cli';
import { loadZone } from './loadZone';
import { startFeedServer } from './startFeedServer';

const log = (line: string) => process.stderr.write(`[feed] ${line}\n`);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'token') {
    process.exit(await runTokenCommand(argv.slice(1), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`)));
  }
  if (argv[0] === 'mqtt-acl') {
    // The generated file text already ends with a newline.
    process.exit(runMqttAclCommand(argv.slice(1), (s) => process.stdout.write(s)));
  }
  let cfg;
  try {
    cfg = parseServerArgs(argv);
  } catch (e) {
    log((e as Error).message);
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  if (cfg === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const zones = [];
  for (const id of cfg.zones) {
    try {
      const z = await loadZone(id, cfg.scenePath, cfg.roadsPath, cfg.origin);
      for (const w of z.warnings) log(`warning: ${w}`);
      zones.push(z);
    } catch (e) {
      log(`zone ${id}: ${(e as Error).message}`);
      process.exit(2);
    }
  }
  let recordStore: RecordingStore | undefined;
  if (cfg.recordUrl) {
    try {
      recordStore = await openRecordingStoreFromUrl(cfg.recordUrl);
    } catch (e) {
      log(`cannot record into ${redactRecordUrl(cfg.recordUrl)}: ${(e as Error).message}`);
      process.exit(1);
    }
  }
  const running = await startFeedServer({
    zones, seed: cfg.seed, timeScale: cfg.timeScale, rateHz: cfg.rateHz, port: cfg.port, host: cfg.host, heartbeatMs: cfg.heartbeatMs,
    scenarios: cfg.scenarios, mqttUrl: cfg.mqttUrl, topicPrefix: cfg.topicPrefix, mqttV2Prefix: cfg.mqttV2Prefix, allowControl: cfg.allowControl,
    fleetScale: cfg.fleetScale, highWaterBytes: cfg.highWaterBytes, log, ...(cfg.startSimMs !== null ? { startSimMs: cfg.startSimMs } : {}),
    dataDir: cfg.dataDir, retention: cfg.retention, ...(recordStore ? { recordStore } : {}),
    authFile: cfg.authFile, origins: cfg.origins, limits: { msgRatePerS: cfg.msgRatePerS, msgBurst: cfg.msgRatePerS * 2, maxSubscriptions: cfg.maxSubscriptions },
  }).catch((e: Error) => {
    log(`cannot start: ${e.message}`);
    process.exit(2);
  });
  for (const z of running.zones) {
    const sim = z.driver.sim;
    log(`${z.id}: ${sim.net.drivableLengthM / 1000 | 0} km drivable, fleet ${JSON.stringify(sim.vehicleCounts())}, ${sim.sensors.specs.length} sensors, ${sim.signals.junctions.length} signals`);
  }
  log(`serving ws://${cfg.host}:${running.port}/  health http://${cfg.host}:${running.port}/health  speed ${cfg.timeScale}×  rate ${cfg.rateHz} Hz${cfg.mqttUrl ? `  mqtt ${redactMqttUrl(cfg.mqttUrl)}` : ''}`);
  if (cfg.authFile) log(`access control: ${running.server.access.store?.size ?? 0} tokens from ${cfg.authFile}; SIGHUP reloads it${cfg.origins ? `; origins ${cfg.origins.join(', ')}` : ''}`);
  else log('access control: none (loopback only; see --auth)');
  const recordingWhere = cfg.recordUrl ? redactRecordUrl(cfg.recordUrl) : cfg.dataDir;
  if (recordingWhere) log(`recording into ${recordingWhere}: keep ${cfg.retention.maxAgeMs / 3_600_000} h, at most ${(cfg.retention.maxBytes / 1024 ** 2).toFixed(0)} MB`);
  else log('recording: off (see --data-dir or --record)');
  process.on('SIGHUP', () => {
    void running.server.reloadAuth().then((r) => {
      if (r.ok) log(`SIGHUP: ${r.tokens} tokens loaded; ${r.revoked} sessions closed, ${r.rerole} roles changed`);
      else log(`SIGHUP: token file not reloaded, previous tokens stay in force: ${r.error}`);
    });
  });
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    running.stop('graceful').then(() => process.exit(0), (e: Error) => {
      log(`shutdown error: ${e.message}`);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
