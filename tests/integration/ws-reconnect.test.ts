import { afterEach, describe, expect, it } from 'vitest';
import type { RunningFeedServer } from '../../src/server/startFeedServer';
import { startClient, startZoneServer, waitFor, type Client } from './helpers';

describe('WebSocket feed: kill and restart the server on the same port (TESTING.md case 8)', () => {
  let server: RunningFeedServer | null = null;
  let client: Client | null = null;
  afterEach(async () => {
    client?.stop();
    await server?.stop('hard');
  });

  it('reconnects with backoff, resubscribes and gets a fresh snapshot; status goes reconnecting → connected', async () => {
    server = await startZoneServer(0);
    const port = server.port;
    client = startClient({ kind: 'ws', url: `ws://127.0.0.1:${port}/` });
    const c = client;
    await waitFor(() => c.last().status === 'connected' && c.rt.ingest.vehicles.count > 50, 10_000, 'first connection with vehicles');
    const firstCount = c.rt.ingest.vehicles.count;
    expect(c.rt.ingest.sensors.count).toBeGreaterThan(20);
    expect(Math.abs(c.last().serverOffsetMs)).toBeLessThan(100);

    // A crash, not a goodbye: every TCP connection is dropped (the client sees close 1006).
    await server.stop('hard');
    await waitFor(() => c.last().status === 'reconnecting', 5000, 'reconnecting');
    expect(c.last().statusDetail).toMatch(/1006/);
    await new Promise((r) => setTimeout(r, 600));
    expect(c.last().status).toBe('reconnecting');

    const restartedAt = Date.now();
    server = await startZoneServer(port);
    const s2 = server;
    await waitFor(() => c.last().status === 'connected', 10_000, 'reconnected');
    await waitFor(() => [...s2.server.sessions].some((s) => s.zones.has('jiading')), 2000, 'resubscribed on the new server');
    // Fresh data from the new server: a vehicle updated after the restart.
    await waitFor(() => {
      const v = c.rt.ingest.vehicles;
      for (let i = 0; i < v.highWater; i++) if (v.alive[i] && v.updatedAt[i]! > restartedAt) return true;
      return false;
    }, 5000, 'data from the restarted server');
    // The new server's snapshot replaced the old state: as many vehicles as the new server has
    // (give or take the few that entered or left between its count and ours), not old ghosts on
    // top. Not "equal to the first count": both simulators advance by wall time, so a loaded
    // machine's ticks can differ by a vehicle.
    const serverCount = s2.zones[0]!.driver.sim.traffic.byId.size;
    expect(Math.abs(c.rt.ingest.vehicles.count - serverCount)).toBeLessThanOrEqual(3);
    expect(c.rt.ingest.vehicles.count).toBeLessThan(firstCount * 1.5);
    expect(c.last().reconnects).toBe(1);
    const seq = c.statuses.map((s) => s.status);
    const iRe = seq.lastIndexOf('reconnecting');
    expect(seq.indexOf('connected')).toBeLessThan(iRe);
    expect(seq.slice(iRe)).toContain('connected');
    expect(c.errors.some((e) => /feed lost/.test(e))).toBe(true);
    expect(c.last().dropsTotal).toBe(0);
  });
});
