import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningFeedServer } from '../../src/server/startFeedServer';
import { startZoneServer, waitFor } from './helpers';

describe('feed server: backpressure, health and client input', () => {
  let server: RunningFeedServer | null = null;
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.terminate();
    await server?.stop('hard');
  });

  const connect = async (port: number) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    sockets.push(ws);
    const types: string[] = [];
    ws.on('message', (d) => types.push((JSON.parse(String(d)) as { type: string }).type));
    await new Promise((r) => ws.once('open', r));
    return { ws, types };
  };

  it('coalesces a slow client to the latest state with bounded memory, then catches it up with a snapshot', async () => {
    const highWater = 64 * 1024;
    server = await startZoneServer(0, { rateHz: 20, highWaterBytes: highWater, fleetScale: 3 });
    const s = server;
    const slow = await connect(s.port);
    const fast = await connect(s.port);
    for (const c of [slow, fast]) c.ws.send(JSON.stringify({ v: 1, type: 'subscribe', zone: 'jiading' }));
    await waitFor(() => slow.types.includes('delta') && fast.types.includes('delta'), 5000, 'deltas');
    // Stop reading on the slow client's TCP socket: the server's send buffer for it fills up.
    const raw = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    const session = [...s.server.sessions].find((x) => x.id === 1)!;
    let maxBuffered = 0;
    const snapshotBytes = s.zones[0]!.snapshotBytes().length;
    const deltaBytes = () => s.zones[0]!.lastDeltaBytes;
    let maxDelta = 0;
    await waitFor(() => {
      maxBuffered = Math.max(maxBuffered, session.ws.bufferedAmount);
      maxDelta = Math.max(maxDelta, deltaBytes());
      return s.server.counters.deltasCoalesced > 20;
    }, 15_000, 'coalescing');
    for (let i = 0; i < 50; i++) {
      maxBuffered = Math.max(maxBuffered, session.ws.bufferedAmount);
      await new Promise((r) => setTimeout(r, 20));
    }
    // Bounded: never more than the high-water mark plus one message (a delta or a catch-up snapshot).
    expect(maxBuffered).toBeLessThanOrEqual(highWater + Math.max(snapshotBytes, maxDelta) * 1.5);
    const fastTypesBefore = fast.types.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(fast.types.length).toBeGreaterThan(fastTypesBefore);

    const snapshotsBefore = slow.types.filter((t) => t === 'snapshot').length;
    raw.resume();
    await waitFor(() => s.server.counters.snapshotsAfterDrain >= 1, 10_000, 'catch-up snapshot');
    await waitFor(() => slow.types.filter((t) => t === 'snapshot').length > snapshotsBefore, 10_000, 'snapshot delivered to the slow client');
  });

  it('serves GET /health as JSON and 404s elsewhere', async () => {
    server = await startZoneServer(0);
    await connect(server.port);
    const res = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const h = (await res.json()) as { status: string; clients: number; zones: Record<string, { vehicles: number; sensors: number; timeScale: number }> };
    expect(h.status).toBe('ok');
    expect(h.clients).toBe(1);
    expect(h.zones.jiading!.vehicles).toBeGreaterThan(50);
    expect(h.zones.jiading!.timeScale).toBe(5);
    expect((await fetch(`http://127.0.0.1:${server.port}/nope`)).status).toBe(404);
  });

  it('answers bad client messages with errors, refuses control unless enabled, and pongs pings', async () => {
    server = await startZoneServer(0);
    const c = await connect(server.port);
    const replies: Record<string, unknown>[] = [];
    c.ws.on('message', (d) => replies.push(JSON.parse(String(d)) as Record<string, unknown>));
    c.ws.send('not json');
    c.ws.send(JSON.stringify({ v: 1, type: 'subscribe', zone: 'atlantis' }));
    c.ws.send(JSON.stringify({ v: 1, type: 'control', zone: 'jiading', scenario: 'crash' }));
    c.ws.send(JSON.stringify({ v: 1, type: 'ping', clientTs: 123 }));
    await waitFor(() => replies.length >= 4, 3000, 'replies');
    const codes = replies.filter((r) => r.type === 'error').map((r) => r.code);
    expect(codes).toEqual(['bad-request', 'unknown-zone', 'forbidden']);
    expect(replies.find((r) => r.type === 'pong')).toMatchObject({ clientTs: 123 });
  });

  it('disconnects a client that keeps sending garbage', async () => {
    server = await startZoneServer(0);
    const c = await connect(server.port);
    const closed = new Promise<number>((r) => c.ws.once('close', (code) => r(code)));
    for (let i = 0; i < 25; i++) c.ws.send('{');
    expect(await closed).toBe(1008);
  });
});
