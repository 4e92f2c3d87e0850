/**
 * The video wall's sync logic, free of sockets, timers and three.js (docs/feed-protocol.md,
 * "Video-wall sync channel").
 *
 * Leader: offered what it shows as often as the caller likes, it answers with a state to send only
 * when the picture changed and at most every WALL_SEND_MIN_INTERVAL_MS (≤ 10 Hz, well inside the
 * server's per-connection message rate); a change held back by the throttle goes out at the next
 * offer. Sequence numbers start from the wall clock at creation, so a reloaded leader page goes on
 * above its predecessor's numbers instead of being ignored as old.
 *
 * Follower: applies the newest state and ignores older or repeated ones. A `wall-joined` carries
 * the server's latest state, which is current by definition, so it is applied whatever its number;
 * once the wall has no leader the numbering may restart, so the next state is accepted too.
 */
import { wallStateSchema, type WallState } from '../../feed/protocol/messages';
import type { CameraPose } from '../../state/viewSlice';

/** 10 Hz at most. */
export const WALL_SEND_MIN_INTERVAL_MS = 100;
/** Pose changes below this (metres) are not worth a message; matches the view's pose rounding. */
export const WALL_POSE_EPSILON_M = 0.01;
/** With nothing else changing, the simulation clock is refreshed this often. */
export const WALL_CLOCK_REFRESH_MS = 5000;

export type WallTour = NonNullable<WallState['tour']>;

/** What the leader shows now. */
export interface WallPicture {
  zone: string;
  pose: CameraPose;
  fovDeg: number;
  tour: WallTour | null;
  simMs: number | null;
}

function round(v: number, step: number): number {
  return Math.round(v / step);
}

/** Equal keys mean the same picture for the wall (the simulation clock is not part of it). */
function pictureKey(p: WallPicture): string {
  const e = WALL_POSE_EPSILON_M;
  const pos = p.pose.position.map((v) => round(v, e)).join(',');
  const tgt = p.pose.target.map((v) => round(v, e)).join(',');
  const tour = p.tour ? `${p.tour.id}|${p.tour.step}|${p.tour.state}` : '-';
  return `${p.zone}|${pos}|${tgt}|${round(p.fovDeg, 0.01)}|${tour}`;
}

export class WallLeader {
  private nextSeq: number;
  private lastKey: string | null = null;
  private lastSentMs = -Infinity;
  private lastSimMs: number | null = null;

  constructor(seqStart: number) {
    this.nextSeq = Number.isSafeInteger(seqStart) && seqStart >= 0 ? seqStart : 0;
  }

  /** The state to send now, or null: nothing changed, too soon after the last send, or a picture the protocol would refuse. */
  offer(nowMs: number, picture: WallPicture): WallState | null {
    const key = pictureKey(picture);
    const clockDue = picture.simMs !== null && picture.simMs !== this.lastSimMs && nowMs - this.lastSentMs >= WALL_CLOCK_REFRESH_MS;
    if (key === this.lastKey && !clockDue) return null;
    if (nowMs - this.lastSentMs < WALL_SEND_MIN_INTERVAL_MS) return null;
    const candidate: WallState = {
      seq: this.nextSeq,
      zone: picture.zone,
      camera: { position: [...picture.pose.position], target: [...picture.pose.target], fovDeg: picture.fovDeg },
      ...(picture.tour ? { tour: { id: picture.tour.id, step: picture.tour.step, state: picture.tour.state } } : {}),
      ...(picture.simMs !== null ? { simMs: Math.round(picture.simMs) } : {}),
    };
    // The server counts invalid messages and closes after a few; a NaN pose must never leave.
    const checked = wallStateSchema.safeParse(candidate);
    if (!checked.success) return null;
    this.nextSeq++;
    this.lastKey = key;
    this.lastSentMs = nowMs;
    this.lastSimMs = picture.simMs;
    return checked.data;
  }

  /** After a (re)join the server may hold no state (it restarted): the next offer sends whatever is shown. */
  rejoined(): void {
    this.lastKey = null;
    this.lastSentMs = -Infinity;
  }
}

export class WallFollower {
  private lastSeq: number | null = null;

  /** A `wall-state` relayed from the leader: the state to apply, or null when it is not newer. */
  accept(state: WallState): WallState | null {
    if (this.lastSeq !== null && state.seq <= this.lastSeq) return null;
    this.lastSeq = state.seq;
    return state;
  }

  /** A `wall-joined` reply: its state (if the wall has one) is the latest, applied as is. */
  joined(state: WallState | null): WallState | null {
    if (state) this.lastSeq = state.seq;
    return state;
  }

  /** From `wall-joined` / `wall-peers`: with no leader, whoever leads next may number afresh. */
  leaderIs(leader: string | null): void {
    if (leader === null) this.lastSeq = null;
  }
}

/** What a server error means for a wall screen, if anything. */
export type WallErrorKind = 'replaced' | 'refused' | null;

export function wallErrorKind(code: string, message: string): WallErrorKind {
  if (code === 'wall-leader-replaced') return 'replaced';
  // Role refusals name the permission (`wall.follow`, `wall.lead`); wall limits name walls.
  if ((code === 'forbidden' || code === 'limit') && /\bwall/.test(message)) return 'refused';
  return null;
}
