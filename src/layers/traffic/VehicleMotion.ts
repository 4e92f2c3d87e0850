/**
 * Per-slot motion state of every vehicle in the feed's VehicleBuffer, and the poses to draw this
 * frame. Pure (no three.js): the layer calls `update` once per frame and reads px/py/pyaw.
 *
 * Continuity: when a new sample arrives, the pose being drawn becomes the new start (A) and the
 * sample the new end (B), so the drawn position never jumps on arrival. Only an implausible jump
 * (faster than any vehicle, e.g. a respawn) is snapped.
 */
import { MOTION, isFinitePose, poseAt, renderDelayMs, type TrackPoses } from './model';

/** What is read from the feed's VehicleBuffer (structural, so tests can drive it with plain arrays). */
export interface VehicleSource {
  capacity: number;
  highWater: number;
  positions: ArrayLike<number>;
  yaw: ArrayLike<number>;
  speed: ArrayLike<number>;
  updatedAt: ArrayLike<number>;
  alive: ArrayLike<number>;
  ids: readonly (string | null)[];
}

const track: TrackPoses = { hasA: false, ax: 0, ay: 0, ayaw: 0, at: 0, bx: 0, by: 0, byaw: 0, bt: 0, speed: 0 };
const pose = new Float64Array(3);

export class VehicleMotion {
  capacity = 0;
  /** Poses to draw this frame (ENU metres, radians); ok[i] = 1 where the slot has a finite pose. */
  px = new Float32Array(0);
  py = new Float32Array(0);
  pyaw = new Float32Array(0);
  ok = new Uint8Array(0);
  /** Typical interval between updates of a moving vehicle, ms (running mean). */
  intervalMs: number = MOTION.initialIntervalMs;
  highWater = 0;
  private ids: (string | null)[] = [];
  /** 0 no sample, 1 only B, 2 A and B. */
  private state = new Uint8Array(0);
  private ax = new Float64Array(0);
  private ay = new Float64Array(0);
  private ayaw = new Float64Array(0);
  private at = new Float64Array(0);
  private bx = new Float64Array(0);
  private by = new Float64Array(0);
  private byaw = new Float64Array(0);
  private bt = new Float64Array(0);
  private bspeed = new Float64Array(0);
  /** The buffer's timestamp of the sample held as B, to spot new ones. */
  private srcT = new Float64Array(0);

  get delayMs(): number {
    return renderDelayMs(this.intervalMs);
  }

  /** Pulls new samples and computes this frame's poses for server time `serverNowMs`. */
  update(src: VehicleSource, serverNowMs: number, timeScale: number): void {
    if (src.capacity > this.capacity) this.grow(src.capacity);
    const t = serverNowMs - this.delayMs;
    const hw = src.highWater;
    for (let i = hw; i < this.highWater; i++) this.clearSlot(i);
    this.highWater = hw;
    for (let i = 0; i < hw; i++) {
      if (!src.alive[i]) {
        this.clearSlot(i);
        continue;
      }
      const id = src.ids[i] ?? null;
      if (id !== this.ids[i]) {
        this.ids[i] = id;
        this.state[i] = 0;
      }
      const ts = src.updatedAt[i]!;
      if (this.state[i] === 0 || ts > this.srcT[i]!) this.take(src, i, ts, t, timeScale);
      if (this.state[i] === 0) {
        this.ok[i] = 0;
        continue;
      }
      this.load(i);
      poseAt(track, t, timeScale, pose);
      const ok = isFinitePose(pose[0]!, pose[1]!, pose[2]!);
      this.ok[i] = ok ? 1 : 0;
      if (ok) {
        this.px[i] = pose[0]!;
        this.py[i] = pose[1]!;
        this.pyaw[i] = pose[2]!;
      }
    }
  }

  private take(src: VehicleSource, i: number, ts: number, t: number, timeScale: number): void {
    const x = src.positions[i * 3]!, y = src.positions[i * 3 + 1]!, yaw = src.yaw[i]!, speed = src.speed[i]!;
    if (!isFinitePose(x, y, yaw) || !Number.isFinite(speed) || !Number.isFinite(ts)) {
      this.state[i] = 0;
      return;
    }
    if (this.state[i] !== 0) {
      this.load(i);
      poseAt(track, t, timeScale, pose);
      const dtSrc = ts - this.srcT[i]!;
      if (speed > 0.5 && dtSrc > 0 && dtSrc < 5000) this.intervalMs += (dtSrc - this.intervalMs) * 0.01;
      const jump = Math.hypot(x - pose[0]!, y - pose[1]!);
      const plausible = jump <= (MOTION.maxPlausibleSpeedMps * Math.max(1, timeScale) * Math.max(dtSrc, MOTION.minBlendMs)) / 1000 + 5;
      if (plausible && isFinitePose(pose[0]!, pose[1]!, pose[2]!)) {
        this.ax[i] = pose[0]!;
        this.ay[i] = pose[1]!;
        this.ayaw[i] = pose[2]!;
        this.at[i] = t;
        this.setB(i, x, y, yaw, speed, Math.max(ts, t + MOTION.minBlendMs), ts);
        this.state[i] = 2;
        return;
      }
    }
    this.setB(i, x, y, yaw, speed, ts, ts);
    this.state[i] = 1;
  }

  private setB(i: number, x: number, y: number, yaw: number, speed: number, bt: number, srcT: number): void {
    this.bx[i] = x;
    this.by[i] = y;
    this.byaw[i] = yaw;
    this.bspeed[i] = speed;
    this.bt[i] = bt;
    this.srcT[i] = srcT;
  }

  private load(i: number): void {
    track.hasA = this.state[i] === 2;
    track.ax = this.ax[i]!;
    track.ay = this.ay[i]!;
    track.ayaw = this.ayaw[i]!;
    track.at = this.at[i]!;
    track.bx = this.bx[i]!;
    track.by = this.by[i]!;
    track.byaw = this.byaw[i]!;
    track.bt = this.bt[i]!;
    track.speed = this.bspeed[i]!;
  }

  private clearSlot(i: number): void {
    if (i >= this.capacity) return;
    this.ok[i] = 0;
    this.state[i] = 0;
    this.ids[i] = null;
  }

  private grow(cap: number): void {
    const f64 = (a: Float64Array) => { const b = new Float64Array(cap); b.set(a); return b; };
    const f32 = (a: Float32Array) => { const b = new Float32Array(cap); b.set(a); return b; };
    const u8 = (a: Uint8Array) => { const b = new Uint8Array(cap); b.set(a); return b; };
    this.px = f32(this.px);
    this.py = f32(this.py);
    this.pyaw = f32(this.pyaw);
    this.ok = u8(this.ok);
    this.state = u8(this.state);
    this.ax = f64(this.ax);
    this.ay = f64(this.ay);
    this.ayaw = f64(this.ayaw);
    this.at = f64(this.at);
    this.bx = f64(this.bx);
    this.by = f64(this.by);
    this.byaw = f64(this.byaw);
    this.bt = f64(this.bt);
    this.bspeed = f64(this.bspeed);
    this.srcT = f64(this.srcT);
    while (this.ids.length < cap) this.ids.push(null);
    this.capacity = cap;
  }
}
