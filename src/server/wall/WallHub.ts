/**
 * Video-wall sync channel: one leader per wall publishes camera pose, tour position and simulated
 * clock; the hub relays each state to the wall's followers and keeps the latest, so a follower that
 * joins late or reconnects gets it in its `wall-joined` reply and catches up at once instead of
 * waiting for the leader's next move. A newer leader takes over (a reloaded leader page must not
 * be locked out by its own stale connection); the previous one is told and becomes a bystander.
 */
import { PROTOCOL_VERSION } from '../../feed/protocol/limits';
import type { WallState } from '../../feed/protocol/messages';

export interface WallMember {
  readonly id: number;
  /** The token's name (or `anonymous` without --auth): shown to peers, never the token. */
  readonly displayName: string;
  sendJson(msg: object): void;
}

interface Wall {
  leader: WallMember | null;
  followers: Set<WallMember>;
  last: { state: WallState; ts: number } | null;
}

export const MAX_WALLS = 64;
export const MAX_FOLLOWERS_PER_WALL = 256;

export type JoinResult = { ok: true } | { ok: false; code: string; message: string };

export class WallHub {
  private readonly walls = new Map<string, Wall>();
  statesRelayed = 0;

  constructor(private readonly now: () => number) {}

  join(m: WallMember, wallId: string, as: 'leader' | 'follower'): JoinResult {
    let w = this.walls.get(wallId);
    if (!w) {
      if (this.walls.size >= MAX_WALLS) return { ok: false, code: 'limit', message: `at most ${MAX_WALLS} walls per server` };
      w = { leader: null, followers: new Set(), last: null };
      this.walls.set(wallId, w);
    }
    if (as === 'leader') {
      w.followers.delete(m);
      const previous = w.leader;
      w.leader = m;
      if (previous && previous !== m) previous.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: 'wall-leader-replaced', message: `wall "${wallId}" is now led by ${m.displayName}` });
    } else {
      if (w.leader === m) w.leader = null;
      if (!w.followers.has(m) && w.followers.size >= MAX_FOLLOWERS_PER_WALL) return { ok: false, code: 'limit', message: `at most ${MAX_FOLLOWERS_PER_WALL} followers per wall` };
      w.followers.add(m);
    }
    m.sendJson({
      v: PROTOCOL_VERSION, type: 'wall-joined', wall: wallId, as, leader: w.leader?.displayName ?? null, followers: w.followers.size,
      state: w.last?.state ?? null, stateTs: w.last?.ts ?? null,
    });
    this.announce(wallId, w, m);
    return { ok: true };
  }

  leave(m: WallMember, wallId: string): void {
    const w = this.walls.get(wallId);
    if (!w) return;
    const was = w.leader === m || w.followers.has(m);
    if (w.leader === m) w.leader = null;
    w.followers.delete(m);
    if (was) this.announce(wallId, w, null);
    // The last state is kept while anyone remains, so a rejoining leader or follower resumes from it.
    if (!w.leader && w.followers.size === 0) this.walls.delete(wallId);
  }

  /** Removes a closed connection from every wall. */
  drop(m: WallMember): void {
    for (const id of [...this.walls.keys()]) this.leave(m, id);
  }

  /** Relays the leader's state; false (nothing sent) when `m` does not lead that wall. */
  publish(m: WallMember, wallId: string, state: WallState): boolean {
    const w = this.walls.get(wallId);
    if (!w || w.leader !== m) return false;
    const ts = this.now();
    w.last = { state, ts };
    const msg = { v: PROTOCOL_VERSION, type: 'wall-state', wall: wallId, ts, state };
    for (const f of w.followers) f.sendJson(msg);
    this.statesRelayed += w.followers.size;
    return true;
  }

  /** The walls a member is in and how (for re-checking roles after a token reload). */
  membership(m: WallMember): [string, 'leader' | 'follower'][] {
    const out: [string, 'leader' | 'follower'][] = [];
    for (const [id, w] of this.walls) {
      if (w.leader === m) out.push([id, 'leader']);
      else if (w.followers.has(m)) out.push([id, 'follower']);
    }
    return out;
  }

  isLeader(m: WallMember, wallId: string): boolean {
    return this.walls.get(wallId)?.leader === m;
  }

  health(): Record<string, { leader: string | null; followers: number; lastStateAgeMs: number | null }> {
    const out: Record<string, { leader: string | null; followers: number; lastStateAgeMs: number | null }> = {};
    for (const [id, w] of this.walls) out[id] = { leader: w.leader?.displayName ?? null, followers: w.followers.size, lastStateAgeMs: w.last ? this.now() - w.last.ts : null };
    return out;
  }

  private announce(wallId: string, w: Wall, except: WallMember | null): void {
    const msg = { v: PROTOCOL_VERSION, type: 'wall-peers', wall: wallId, leader: w.leader?.displayName ?? null, followers: w.followers.size };
    if (w.leader && w.leader !== except) w.leader.sendJson(msg);
    for (const f of w.followers) if (f !== except) f.sendJson(msg);
  }
}
