import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { startClient, waitFor, type Client } from './helpers';

/** A feed that says hello, sends one snapshot, then goes silent with the socket left open. */
async function silentServer(heartbeatMs: number) {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http });
  const connections: number[] = [];
  wss.on('connection', (ws) => {
    connections.push(Date.now());
    const now = Date.now();
    ws.send(JSON.stringify({ v: 1, type: 'hello', server: 'silent', ts: now, heartbeatMs, zones: ['jiading'] }));
    ws.send(JSON.stringify({
      v: 1, type: 'snapshot', zone: 'jiading', ts: now, seq: 0,
      vehicles: [{ id: 'RT-001', cls: 'robotaxi', lonDeg: 121.1735, latDeg: 31.2910, headingDeg: 90, speedMps: 5 }],
      sensors: [], signals: [], segments: [], incidents: [],
    }));
    // Never answers pings or sends again: a half-open link as seen from the client.
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  return {
    port: (http.address() as AddressInfo).port,
    connections,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise((r) => wss.close(() => r(null)));
      http.closeAllConnections();
      await new Promise((r) => http.close(() => r(null)));
    },
  };
}

describe('half-open server (TESTING.md case 8)', () => {
  let client: Client | null = null;
  let srv: Awaited<ReturnType<typeof silentServer>> | null = null;
  afterEach(async () => {
    client?.stop();
    await srv?.close();
  });

  it('is detected within the heartbeat window, shown as stale first, then reconnected', async () => {
    const heartbeatMs = 300;
    srv = await silentServer(heartbeatMs);
    client = startClient({ kind: 'ws', url: `ws://127.0.0.1:${srv.port}/` }, { ingest: { vehicleStaleMs: 500 } });
    const c = client;
    await waitFor(() => c.rt.ingest.vehicles.count === 1, 5000, 'the snapshot');
    const lastDataAt = c.rt.ingest.lastMessageAtMs!;
    await waitFor(() => c.last().status === 'reconnecting', 5000, 'half-open detection');
    const detectedAfter = Date.now() - lastDataAt;
    const window = 3 * heartbeatMs;
    // Declared dead after the window, checked every window/4, plus one frame of publishing slack.
    expect(detectedAfter).toBeGreaterThanOrEqual(window);
    expect(detectedAfter).toBeLessThan(window + window / 4 + 200);
    expect(c.last().statusDetail).toMatch(/half-open/);
    const seq = c.statuses.map((s) => s.status);
    expect(seq.indexOf('stale')).toBeGreaterThan(seq.indexOf('connected'));
    expect(seq.indexOf('stale')).toBeLessThan(seq.indexOf('reconnecting'));
    // The layer data is kept but marked stale, not dropped or zeroed.
    expect(c.rt.ingest.vehicles.count).toBe(1);
    expect(c.rt.ingest.vehicles.staleCount).toBe(1);
    await waitFor(() => srv!.connections.length >= 2, 3000, 'a new connection attempt');
  });
});
