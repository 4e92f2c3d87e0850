/**
 * The viewer's video-wall client against a real feed server: two FeedRuntimes over `ws`, a leader
 * driven by the pure WallLeader and a follower by WallFollower, as the app's wall sync drives them.
 * The follower gets the leader's states; after the server is killed and restarted on the same port
 * both sockets reconnect and join again by themselves, and the leader's next state reaches the
 * follower. With --auth, a `wall` token follows, an `operator` token leads, and a `viewer` token's
 * join is refused with an error the sync recognises.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WallEvent } from '../../src/feed/FeedRuntime';
import type { WallState } from '../../src/feed/protocol/messages';
import { WallFollower, WallLeader, wallErrorKind, type WallPicture } from '../../src/modes/wall/wallSync';
import { addToken } from '../../src/server/auth/tokenFile';
import type { RunningFeedServer } from '../../src/server/startFeedServer';
import { startClient, startZoneServer, waitFor, type Client } from './helpers';

const picture = (east: number): WallPicture => ({ zone: 'jiading', pose: { position: [east, -300, 400], target: [east, 0, 0] }, fovDeg: 45, tour: null, simMs: null });

/** A follower as the app runs one: applies wall-joined states and newer wall-states. */
function follow(c: Client) {
  const f = new WallFollower();
  const applied: WallState[] = [];
  const events: WallEvent[] = [];
  c.rt.wall!.listen((e) => {
    events.push(e);
    if (e.type === 'wall-joined') {
      f.leaderIs(e.leader);
      const s = f.joined(e.state);
      if (s) applied.push(s);
    } else if (e.type === 'wall-state') {
      const s = f.accept(e.state);
      if (s) applied.push(s);
    } else if (e.type === 'wall-peers') f.leaderIs(e.leader);
  });
  c.rt.wall!.join('ioc', 'follower');
  return { applied, events };
}

/** A leader: sends once the server made it leader, afresh after every re-join. */
function lead(c: Client) {
  const l = new WallLeader(Date.now());
  let joined = 0;
  const events: WallEvent[] = [];
  c.rt.wall!.listen((e) => {
    events.push(e);
    if (e.type === 'wall-joined') {
      joined++;
      l.rejoined();
    }
  });
  c.rt.wall!.join('ioc', 'leader');
  return {
    events,
    joined: () => joined,
    show(east: number) {
      const s = l.offer(Date.now(), picture(east));
      if (s) c.rt.wall!.publish('ioc', s);
      return s;
    },
  };
}

describe('video-wall client on a real feed server', () => {
  let server: RunningFeedServer | null = null;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.stop();
    await server?.stop('hard');
    server = null;
  });

  it('follows the leader, and both join again by themselves after the server restarts', async () => {
    server = await startZoneServer(0);
    const port = server.port;
    const url = `ws://127.0.0.1:${port}/`;
    const lc = startClient({ kind: 'ws', url });
    const fc = startClient({ kind: 'ws', url });
    clients.push(lc, fc);
    const leader = lead(lc);
    const follower = follow(fc);
    await waitFor(() => leader.joined() === 1 && follower.events.some((e) => e.type === 'wall-joined'), 5000, 'both joined');
    expect(leader.show(100)).not.toBeNull();
    await waitFor(() => follower.applied.some((s) => s.camera.position[0] === 100), 5000, 'first state relayed');
    expect(server.server.walls.health().ioc).toMatchObject({ followers: 1 });

    await server.stop('hard');
    await waitFor(() => lc.last().status === 'reconnecting' && fc.last().status === 'reconnecting', 5000, 'both reconnecting');
    server = await startZoneServer(port);
    const s2 = server;
    // Nobody asked them to: the sources join again on the new connection.
    await waitFor(() => leader.joined() === 2, 10_000, 'leader joined again');
    await waitFor(() => s2.server.walls.health().ioc?.followers === 1, 10_000, 'follower joined again');
    expect(s2.server.walls.health().ioc?.leader).not.toBeNull();
    // The restarted server lost the state; the leader sends its unchanged picture afresh.
    const again = leader.show(100);
    expect(again).not.toBeNull();
    await waitFor(() => follower.applied.some((s) => s.seq === again!.seq), 5000, 'state after the restart relayed');
    // Offered until the 10 Hz throttle lets it through, as the app's 50 ms tick does.
    await waitFor(() => leader.show(250) !== null, 1000, 'a move after the throttle interval');
    await waitFor(() => follower.applied.at(-1)?.camera.position[0] === 250, 5000, 'newest state applied');
    const seqs = follower.applied.map((s) => s.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('a late follower catches up from wall-joined; with --auth: wall follows, operator leads, viewer is refused', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'st-wall-it-')), 'tokens.json');
    const tokens = {
      viewer: await addToken(file, 'lobby-viewer', 'viewer'),
      wall: await addToken(file, 'wall-1', 'wall'),
      operator: await addToken(file, 'duty-operator', 'operator'),
    };
    server = await startZoneServer(0, { authFile: file });
    const url = `ws://127.0.0.1:${server.port}/`;
    const lc = startClient({ kind: 'ws', url, token: tokens.operator });
    clients.push(lc);
    const leader = lead(lc);
    await waitFor(() => leader.joined() === 1, 5000, 'operator leads');
    leader.show(42);
    await waitFor(() => server!.server.walls.health().ioc?.lastStateAgeMs !== null, 5000, 'state held by the server');

    const fc = startClient({ kind: 'ws', url, token: tokens.wall });
    clients.push(fc);
    const follower = follow(fc);
    await waitFor(() => follower.applied.length > 0, 5000, 'late follower caught up');
    expect(follower.applied[0]!.camera.position[0]).toBe(42);
    const joined = follower.events.find((e) => e.type === 'wall-joined');
    expect(joined).toMatchObject({ leader: 'duty-operator', as: 'follower' });

    const vc = startClient({ kind: 'ws', url, token: tokens.viewer });
    clients.push(vc);
    const viewer = follow(vc);
    await waitFor(() => viewer.events.some((e) => e.type === 'error'), 5000, 'viewer refused');
    const refusal = viewer.events.find((e) => e.type === 'error');
    expect(refusal && refusal.type === 'error' && wallErrorKind(refusal.code, refusal.message)).toBe('refused');
    expect(viewer.applied).toEqual([]);
    expect(vc.last().status).toBe('connected');
  });
});
