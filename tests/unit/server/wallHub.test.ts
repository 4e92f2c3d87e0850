import { describe, expect, it } from 'vitest';
import type { WallState } from '../../../src/feed/protocol/messages';
import { WallHub, type WallMember } from '../../../src/server/wall/WallHub';

function member(id: number, name: string): WallMember & { got: Record<string, unknown>[] } {
  const got: Record<string, unknown>[] = [];
  return { id, displayName: name, got, sendJson: (m) => got.push(m as Record<string, unknown>) };
}
const state = (seq: number): WallState => ({ seq, zone: 'jiading', camera: { position: [seq, 100, 0], target: [0, 0, 0], fovDeg: 45 } });

describe('video-wall hub', () => {
  it('relays the leader state to followers only, and a late follower gets the latest at once', () => {
    let t = 1000;
    const hub = new WallHub(() => t);
    const lead = member(1, 'ops');
    const f1 = member(2, 'wall-1');
    hub.join(lead, 'ioc', 'leader');
    hub.join(f1, 'ioc', 'follower');
    expect(hub.publish(lead, 'ioc', state(1))).toBe(true);
    expect(hub.publish(f1, 'ioc', state(99))).toBe(false);
    t = 2000;
    hub.publish(lead, 'ioc', state(2));
    expect(f1.got.filter((m) => m.type === 'wall-state').map((m) => (m.state as WallState).seq)).toEqual([1, 2]);
    expect(lead.got.some((m) => m.type === 'wall-state')).toBe(false);
    const late = member(3, 'wall-2');
    hub.join(late, 'ioc', 'follower');
    expect(late.got[0]).toMatchObject({ type: 'wall-joined', as: 'follower', leader: 'ops', followers: 2, stateTs: 2000, state: { seq: 2 } });
    expect(hub.health().ioc).toEqual({ leader: 'ops', followers: 2, lastStateAgeMs: 0 });
  });
  it('a newer leader takes over and the old one is told; dropping a member updates peers', () => {
    const hub = new WallHub(() => 0);
    const a = member(1, 'ops-a');
    const b = member(2, 'ops-b');
    const f = member(3, 'wall-1');
    hub.join(a, 'ioc', 'leader');
    hub.join(f, 'ioc', 'follower');
    hub.join(b, 'ioc', 'leader');
    expect(a.got.some((m) => m.code === 'wall-leader-replaced')).toBe(true);
    expect(hub.publish(a, 'ioc', state(1))).toBe(false);
    expect(hub.publish(b, 'ioc', state(1))).toBe(true);
    hub.drop(b);
    expect(f.got.at(-1)).toMatchObject({ type: 'wall-peers', leader: null, followers: 1 });
    expect(hub.membership(f)).toEqual([['ioc', 'follower']]);
    hub.drop(f);
    expect(hub.health()).toEqual({});
  });
});
