/**
 * The black box survives a crash: `npm run feed -- --data-dir <dir>` records while a viewer
 * watches, is killed with SIGKILL mid-stream, and the recording opens afterwards with no more
 * lost than the documented bound (RECORDER_MAX_LOSS_MS, 1 s: the 250 ms write interval and a tick); a seek to its last
 * moment folds to a full state. Restarted on the same directory, the server goes on recording in
 * a new run and the old run stays readable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RECORDING_FILE } from '../../src/server/recorder/openRecordingStore';
import { RECORDER_MAX_LOSS_MS } from '../../src/server/recorder/Recorder';
import { stateAt } from '../../src/server/recorder/seek';
import { SqliteRecordingStore } from '../../src/server/recorder/SqliteRecordingStore';
import { waitFor } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RATE_HZ = 5;

function startCli(dataDir: string) {
  const args = ['--roads', 'synthetic', '--origin', '121.17,31.29', '--port', '0', '--speed', '60', '--rate', String(RATE_HZ), '--data-dir', dataDir];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<void>((r) => child.on('exit', () => r()));
  return { child, stderr: () => err, exit };
}

/** A viewer that remembers the newest delta timestamp it was sent. */
function watch(port: number) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
  const seen = { lastDeltaTs: 0, deltas: 0 };
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as { type: string; ts: number };
    if (m.type === 'hello') ws.send(JSON.stringify({ v: 1, type: 'subscribe', zone: 'jiading' }));
    if (m.type === 'delta') {
      seen.deltas++;
      seen.lastDeltaTs = Math.max(seen.lastDeltaTs, m.ts);
    }
  });
  ws.on('error', () => {});
  return { seen, close: () => ws.terminate() };
}

describe('recording through a crash (kill -9)', () => {
  let child: ChildProcess | null = null;
  const dirs: string[] = [];
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('opens after SIGKILL with at most the write interval lost, and a restart records a new run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'st-rec-crash-'));
    dirs.push(dataDir);
    const a = startCli(dataDir);
    child = a.child;
    await waitFor(() => /serving ws:\/\/127\.0\.0\.1:\d+\//.test(a.stderr()), 30_000, 'the server to start');
    // Logged just after the "serving" line; stderr may deliver it in a later chunk.
    await waitFor(() => /recording into /.test(a.stderr()), 10_000, 'the server to say it records');
    const port = Number(/serving ws:\/\/127\.0\.0\.1:(\d+)\//.exec(a.stderr())![1]);
    const viewer = watch(port);
    await waitFor(() => viewer.seen.deltas >= 40, 30_000, 'deltas reaching the viewer');

    a.child.kill('SIGKILL');
    await a.exit;
    viewer.close();
    const served = viewer.seen.lastDeltaTs;

    const store = new SqliteRecordingStore(join(dataDir, RECORDING_FILE));
    const range = (await store.range('jiading'))!;
    expect(range).not.toBeNull();
    const lostMs = served - range.toTs;
    // What the viewer got after the last commit: a write interval (250 ms) and the tick in flight,
    // within the documented bound of 1 s.
    expect(lostMs, `recorded up to ${range.toTs}, served up to ${served}`).toBeLessThanOrEqual(RECORDER_MAX_LOSS_MS);
    const end = (await stateAt(store, 'jiading', range.toTs))!;
    expect(end.snapshot.vehicles.length).toBeGreaterThan(10);
    expect(end.snapshot.signals.length).toBeGreaterThan(0);
    await store.close();
    console.log(`recorder-crash: ${viewer.seen.deltas} deltas served, recording ends ${lostMs} ms before the last one the viewer got`);

    // Restarted on the same directory: a second run appends; the first is still there.
    const b = startCli(dataDir);
    child = b.child;
    await waitFor(() => /recording run 2/.test(b.stderr()), 30_000, 'the second run');
    await new Promise((r) => setTimeout(r, 2000));
    b.child.kill('SIGTERM');
    await b.exit;
    const again = new SqliteRecordingStore(join(dataDir, RECORDING_FILE));
    const after = (await again.range('jiading'))!;
    expect(after.fromTs).toBe(range.fromTs);
    expect(after.toTs).toBeGreaterThan(range.toTs);
    const old = (await stateAt(again, 'jiading', range.toTs))!;
    expect(old.snapshot.seq).toBe(end.snapshot.seq);
    await again.close();
  }, 90_000);
});
