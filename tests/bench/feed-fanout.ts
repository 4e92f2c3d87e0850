/**
 * Feed-server fan-out: the real `npm run feed` server in a child process (so its RSS is its own),
 * N WebSocket clients on loopback in this process, the zone at its full delta rate. Reports
 * messages and bytes delivered per second, delivery lag (client receive time − the delta's server
 * timestamp; one machine, one clock) and the server's RSS over the run, sampled from /health.
 * Clients only read each delta's envelope timestamp (they do not parse the payload), so the lag
 * measures the server and the socket path, not client JSON parsing. Writes
 * bench/results/feed-fanout.json.
 *
 *   npx tsx tests/bench/feed-fanout.ts [--clients 50] [--duration 60] [--zone jiading] [--rate 5]
 *     [--warmup 5] [--start-time 2025-11-20T08:00:00+08:00] [--roads <path>|synthetic]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { median, percentile, round } from './stats';

const { values } = parseArgs({
  options: {
    clients: { type: 'string' }, duration: { type: 'string' }, zone: { type: 'string' }, rate: { type: 'string' },
    warmup: { type: 'string' }, 'start-time': { type: 'string' }, roads: { type: 'string' },
  },
});
const CLIENTS = Number(values.clients ?? 50);
const DURATION_S = Number(values.duration ?? 60);
const WARMUP_S = Number(values.warmup ?? 5);
const ZONE = values.zone ?? 'jiading';
const RATE = Number(values.rate ?? 5);
// The morning peak, so the zone runs its largest fleet whatever the wall-clock time is.
const START = values['start-time'] ?? '2025-11-20T08:00:00+08:00';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TS_RE = /^\{"v":1,"type":"delta","zone":"[a-z0-9-]+","ts":(\d+)/;

interface Health {
  rssBytes: number;
  messagesSent: number;
  bytesSent: number;
  deltasCoalesced: number;
  snapshotsAfterDrain: number;
  zones: Record<string, { vehicles: number; tickMsAvg: number; lastDeltaBytes: number; ticks: number }>;
}

function cpuTicks(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(f[11]) + Number(f[12]);
}

async function main(): Promise<void> {
  const args = ['--import', 'tsx', 'src/server/cli.ts', '--zone', ZONE, '--port', '0', '--rate', String(RATE), '--start-time', START];
  if (values.roads) args.push('--roads', values.roads);
  const server = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const t0 = Date.now();
  while (!/serving ws:\/\/[\d.]+:(\d+)\//.test(log)) {
    if (Date.now() - t0 > 60_000 || server.exitCode !== null) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const port = Number(/serving ws:\/\/[\d.]+:(\d+)\//.exec(log)![1]);
  const health = async () => (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Health;

  let measuring = false;
  const lags: number[] = [];
  const perClient = new Array<number>(CLIENTS).fill(0);
  let messages = 0, bytes = 0, deltas = 0;
  const sockets: WebSocket[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    sockets.push(ws);
    ws.on('message', (data: Buffer) => {
      const now = Date.now();
      if (!measuring) return;
      messages++;
      bytes += data.length;
      const m = TS_RE.exec(data.subarray(0, 96).toString('latin1'));
      if (m) {
        deltas++;
        perClient[i]!++;
        lags.push(now - Number(m[1]));
      }
    });
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ v: 1, type: 'subscribe', zone: ZONE }));
  }
  await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
  const h0 = await health();
  const cpu0 = cpuTicks(server.pid!);
  measuring = true;
  const start = Date.now();
  const rss: number[] = [];
  const ticks: number[] = [];
  while (Date.now() - start < DURATION_S * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    const h = await health();
    rss.push(h.rssBytes);
    ticks.push(h.zones[ZONE]!.tickMsAvg);
  }
  measuring = false;
  const elapsedS = (Date.now() - start) / 1000;
  const h1 = await health();
  const cpuS = (cpuTicks(server.pid!) - cpu0) / 100;
  for (const s of sockets) s.close();
  server.kill('SIGTERM');
  const exitCode = await new Promise<number | null>((r) => server.on('exit', (c) => r(c)));

  const rssMB = rss.map((b) => b / 2 ** 20);
  const half = Math.floor(rssMB.length / 2);
  const summary = {
    bench: 'feed-fanout',
    zone: ZONE, clients: CLIENTS, rateHz: RATE, durationS: round(elapsedS, 1), warmupS: WARMUP_S, simStart: START,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version },
    vehicles: h1.zones[ZONE]!.vehicles,
    deltaBytesLast: h1.zones[ZONE]!.lastDeltaBytes,
    delivered: {
      messagesPerS: round(messages / elapsedS, 1), deltasPerS: round(deltas / elapsedS, 1),
      expectedDeltasPerS: CLIENTS * RATE, MBPerS: round(bytes / elapsedS / 2 ** 20, 2),
      deltasPerClientMin: Math.min(...perClient), deltasPerClientMax: Math.max(...perClient),
    },
    lagMs: { p50: percentile(lags, 50), p95: percentile(lags, 95), p99: percentile(lags, 99), max: Math.max(...lags), samples: lags.length },
    serverRssMB: { first: round(rssMB[0]!, 1), median: round(median(rssMB), 1), max: round(Math.max(...rssMB), 1), last: round(rssMB[rssMB.length - 1]!, 1),
      firstHalfMedian: round(median(rssMB.slice(0, half)), 1), secondHalfMedian: round(median(rssMB.slice(half)), 1) },
    serverCpuPercent: round((100 * cpuS) / elapsedS, 1),
    serverTickMsAvg: round(median(ticks), 2),
    serverTicksPerS: round((h1.zones[ZONE]!.ticks - h0.zones[ZONE]!.ticks) / elapsedS, 2),
    serverMessagesSentPerS: round((h1.messagesSent - h0.messagesSent) / elapsedS, 1),
    coalesced: { deltas: h1.deltasCoalesced - h0.deltasCoalesced, snapshotsAfterDrain: h1.snapshotsAfterDrain - h0.snapshotsAfterDrain },
    serverExitCode: exitCode,
  };
  console.log(`feed fan-out: ${CLIENTS} clients, zone ${ZONE} (${summary.vehicles} vehicles), ${RATE} Hz, ${summary.durationS} s measured`);
  console.table({
    delivered: { 'deltas/s': summary.delivered.deltasPerS, expected: summary.delivered.expectedDeltasPerS, 'MB/s': summary.delivered.MBPerS },
    'lag ms': { p50: summary.lagMs.p50, p95: summary.lagMs.p95, p99: summary.lagMs.p99, max: summary.lagMs.max },
    'server RSS MB': { first: summary.serverRssMB.first, median: summary.serverRssMB.median, max: summary.serverRssMB.max, last: summary.serverRssMB.last },
  });
  console.log(`server: ${summary.serverTicksPerS} ticks/s, ${summary.serverMessagesSentPerS} msgs sent/s, CPU ${summary.serverCpuPercent}% of one core, tick ${summary.serverTickMsAvg} ms, load ${summary.machine.loadavg.map((x) => x.toFixed(1)).join(' ')}, coalesced deltas ${summary.coalesced.deltas}, exit ${exitCode}`);
  const dir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, DURATION_S >= 300 ? 'feed-fanout-long.json' : 'feed-fanout.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

void main();
