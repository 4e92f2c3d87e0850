/**
 * The video wall's sync logic with an injected clock: the leader sends a changed picture at most
 * every 100 ms (≤ 10 Hz) and sends what was held back at the next offer, never an unchanged one,
 * never an invalid one, and afresh after a re-join; sequence numbers continue above a previous
 * page's. The follower applies the newest state, ignores older and repeated ones, takes a
 * wall-joined state whatever its number, and accepts a new numbering once the wall had no leader.
 */
import { describe, expect, it } from 'vitest';
import { wallStateSchema, type WallState } from '../../../../src/feed/protocol/messages';
import {
  WALL_CLOCK_REFRESH_MS, WALL_SEND_MIN_INTERVAL_MS, WallFollower, WallLeader, wallErrorKind, type WallPicture,
} from '../../../../src/modes/wall/wallSync';

const T0 = 1_763_600_000_000;

function picture(east = 100, extra: Partial<WallPicture> = {}): WallPicture {
  return { zone: 'jiading', pose: { position: [east, -200, 300], target: [east, 0, 0] }, fovDeg: 45, tour: null, simMs: null, ...extra };
}

function state(seq: number, east = 0): WallState {
  return { seq, zone: 'jiading', camera: { position: [east, -200, 300], target: [east, 0, 0], fovDeg: 45 } };
}

describe('WallLeader', () => {
  it('sends the first picture at once, with the pose, fov, tour and clock the protocol carries', () => {
    const l = new WallLeader(T0);
    const s = l.offer(T0, picture(100, { tour: { id: 'ops-tour', step: 2, state: 'playing' }, simMs: T0 + 0.4 }));
    expect(s).toEqual({
      seq: T0, zone: 'jiading', camera: { position: [100, -200, 300], target: [100, 0, 0], fovDeg: 45 },
      tour: { id: 'ops-tour', step: 2, state: 'playing' }, simMs: T0,
    });
    expect(wallStateSchema.safeParse(s).success).toBe(true);
  });

  it('never sends an unchanged picture, nor a change below a centimetre', () => {
    const l = new WallLeader(0);
    expect(l.offer(T0, picture(100))).not.toBeNull();
    for (let i = 1; i <= 50; i++) expect(l.offer(T0 + i * 100, picture(100 + 0.001))).toBeNull();
  });

  it('throttles a continuous flight to at most 10 Hz, and sends a held-back change at the next offer', () => {
    const l = new WallLeader(0);
    const sentAt: number[] = [];
    // A camera moving every 16 ms frame for 2 s, offered at every frame.
    for (let t = 0; t <= 2000; t += 16) if (l.offer(T0 + t, picture(100 + t))) sentAt.push(t);
    for (let i = 1; i < sentAt.length; i++) expect(sentAt[i]! - sentAt[i - 1]!).toBeGreaterThanOrEqual(WALL_SEND_MIN_INTERVAL_MS);
    expect(sentAt.length).toBeLessThanOrEqual(21);
    expect(sentAt.length).toBeGreaterThanOrEqual(15);

    // A move 30 ms after a send is held back; the next offer after the interval carries it.
    const l2 = new WallLeader(0);
    l2.offer(T0, picture(0));
    expect(l2.offer(T0 + 30, picture(50))).toBeNull();
    const late = l2.offer(T0 + 100, picture(50));
    expect(late?.camera.position[0]).toBe(50);
  });

  it('numbers states one after another from the start value, so a reloaded page (started later) goes on above', () => {
    const first = new WallLeader(T0);
    const a = first.offer(T0, picture(1))!;
    const b = first.offer(T0 + 100, picture(2))!;
    expect(b.seq).toBe(a.seq + 1);
    // Ten minutes of continuous sending use 6000 numbers; the clock moved 600 000 ms meanwhile.
    const reloaded = new WallLeader(T0 + 600_000);
    expect(reloaded.offer(T0 + 600_000, picture(3))!.seq).toBeGreaterThan(T0 + 6000);
  });

  it('refreshes the simulation clock every few seconds when nothing else changes', () => {
    const l = new WallLeader(0);
    expect(l.offer(T0, picture(0, { simMs: T0 }))).not.toBeNull();
    expect(l.offer(T0 + 1000, picture(0, { simMs: T0 + 10_000 }))).toBeNull();
    const s = l.offer(T0 + WALL_CLOCK_REFRESH_MS, picture(0, { simMs: T0 + 50_000 }));
    expect(s?.simMs).toBe(T0 + 50_000);
  });

  it('a tour step or a zone change is a change even when the pose is the same', () => {
    const l = new WallLeader(0);
    l.offer(T0, picture(0, { tour: { id: 't', step: 0, state: 'playing' } }));
    expect(l.offer(T0 + 100, picture(0, { tour: { id: 't', step: 0, state: 'paused' } }))).not.toBeNull();
    expect(l.offer(T0 + 200, picture(0, { tour: { id: 't', step: 0, state: 'paused' }, zone: 'yangpu' }))?.zone).toBe('yangpu');
  });

  it('never sends a picture the protocol would refuse (NaN, a wild fov), and sends the next good one', () => {
    const l = new WallLeader(0);
    expect(l.offer(T0, { ...picture(), pose: { position: [Number.NaN, 0, 300], target: [0, 0, 0] } })).toBeNull();
    expect(l.offer(T0 + 10, picture(0, { fovDeg: 0 }))).toBeNull();
    expect(l.offer(T0 + 20, picture(0, { zone: 'Not A Zone' }))).toBeNull();
    const ok = l.offer(T0 + 30, picture(0));
    expect(ok?.seq).toBe(0);
  });

  it('after a re-join sends the unchanged picture again at once (the server may have restarted and lost it)', () => {
    const l = new WallLeader(0);
    l.offer(T0, picture(5));
    expect(l.offer(T0 + 500, picture(5))).toBeNull();
    l.rejoined();
    expect(l.offer(T0 + 510, picture(5))?.seq).toBe(1);
  });
});

describe('WallFollower', () => {
  it('applies newer states and ignores older and repeated ones', () => {
    const f = new WallFollower();
    expect(f.accept(state(10))).not.toBeNull();
    expect(f.accept(state(12, 5))?.camera.position[0]).toBe(5);
    expect(f.accept(state(11))).toBeNull();
    expect(f.accept(state(12))).toBeNull();
    expect(f.accept(state(13))).not.toBeNull();
  });

  it('takes the state of a wall-joined reply whatever its number (it is the latest), and later ones above it', () => {
    const f = new WallFollower();
    f.accept(state(500));
    expect(f.joined(state(40, 9))?.camera.position[0]).toBe(9);
    expect(f.accept(state(41))).not.toBeNull();
    expect(f.joined(null)).toBeNull();
  });

  it('once the wall has no leader, the next leader may number afresh', () => {
    const f = new WallFollower();
    f.accept(state(T0));
    f.leaderIs('anonymous');
    expect(f.accept(state(5))).toBeNull();
    f.leaderIs(null);
    expect(f.accept(state(5))).not.toBeNull();
    expect(f.accept(state(4))).toBeNull();
  });
});

describe('wallErrorKind', () => {
  it('tells a takeover and a refused join from other server errors', () => {
    expect(wallErrorKind('wall-leader-replaced', 'wall "ioc" is now led by b')).toBe('replaced');
    expect(wallErrorKind('forbidden', 'role viewer may not wall.follow (needs wall or above)')).toBe('refused');
    expect(wallErrorKind('limit', 'at most 64 walls per server')).toBe('refused');
    expect(wallErrorKind('limit', 'at most 8 subscriptions per connection')).toBeNull();
    expect(wallErrorKind('forbidden', 'control is disabled (start the server with --allow-control)')).toBeNull();
    expect(wallErrorKind('unknown-zone', 'no zone "x"')).toBeNull();
  });
});
