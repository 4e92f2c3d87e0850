/**
 * The vehicle motion model: interpolation between samples, bounded extrapolation past the newest
 * one, continuity when a late or missing update finally arrives, and snapping only real jumps.
 */
import { describe, expect, it } from 'vitest';
import { angleDelta, MOTION, poseAt, renderDelayMs, writeInstanceMatrix, type TrackPoses } from '../../../src/layers/traffic/model';
import { VehicleMotion, type VehicleSource } from '../../../src/layers/traffic/VehicleMotion';

function track(over: Partial<TrackPoses>): TrackPoses {
  return { hasA: true, ax: 0, ay: 0, ayaw: 0, at: 0, bx: 10, by: 0, byaw: 0, bt: 1000, speed: 10, ...over };
}

describe('poseAt', () => {
  const out = [0, 0, 0];
  it('interpolates linearly between A and B', () => {
    poseAt(track({}), 250, 1, out);
    expect(out).toEqual([2.5, 0, 0]);
  });

  it('holds A before its time and with no A shows B', () => {
    poseAt(track({}), -100, 1, out);
    expect(out[0]).toBe(0);
    poseAt(track({ hasA: false }), 500, 1, out);
    expect(out[0]).toBe(10);
  });

  it('turns the short way round (359° → 1° passes 0°, not 180°)', () => {
    const a = (359 * Math.PI) / 180, b = (1 * Math.PI) / 180;
    expect(angleDelta(a, b)).toBeCloseTo((2 * Math.PI) / 180, 12);
    poseAt(track({ ayaw: a, byaw: b }), 500, 1, out);
    expect(Math.cos(out[2]!)).toBeCloseTo(1, 6);
  });

  it('extrapolates along the heading at the reported speed × time scale, for at most maxExtrapolateMs', () => {
    const t = track({ byaw: Math.PI / 2, speed: 10 });
    poseAt(t, 1500, 1, out);
    expect(out[0]).toBeCloseTo(10, 9);
    expect(out[1]).toBeCloseTo(5, 9);
    poseAt(t, 1500, 60, out);
    expect(out[1]).toBeCloseTo(300, 9);
    poseAt(t, 1000 + MOTION.maxExtrapolateMs + 60_000, 1, out);
    expect(out[1]).toBeCloseTo((10 * MOTION.maxExtrapolateMs) / 1000, 9);
  });

  it('the render delay follows the update interval within bounds', () => {
    expect(renderDelayMs(200)).toBe(250);
    expect(renderDelayMs(1)).toBe(MOTION.minDelayMs);
    expect(renderDelayMs(1e6)).toBe(MOTION.maxDelayMs);
  });
});

/** A one-vehicle buffer the test moves by hand, like the feed's VehicleBuffer. */
function buffer(): VehicleSource & { ids: (string | null)[]; alive: Uint8Array; set(x: number, y: number, yaw: number, speed: number, ts: number): void } {
  const b = {
    capacity: 4, highWater: 1, positions: new Float32Array(12), yaw: new Float32Array(4), speed: new Float32Array(4),
    updatedAt: new Float64Array(4), alive: Uint8Array.from([1, 0, 0, 0]), ids: ['RT-1', null, null, null] as (string | null)[],
    set(x: number, y: number, yaw: number, speed: number, ts: number) {
      b.positions[0] = x;
      b.positions[1] = y;
      b.yaw[0] = yaw;
      b.speed[0] = speed;
      b.updatedAt[0] = ts;
    },
  };
  return b;
}

/** Drives the model frame by frame (16 ms) and returns the largest per-frame step of the drawn position. */
function drive(m: VehicleMotion, b: ReturnType<typeof buffer>, fromMs: number, toMs: number, onFrame?: (t: number) => void): { maxStep: number; last: [number, number] } {
  let prev: [number, number] | null = null;
  let maxStep = 0;
  for (let t = fromMs; t <= toMs; t += 16) {
    onFrame?.(t);
    m.update(b, t, 1);
    const p: [number, number] = [m.px[0]!, m.py[0]!];
    if (prev) maxStep = Math.max(maxStep, Math.hypot(p[0] - prev[0], p[1] - prev[1]));
    prev = p;
  }
  return { maxStep, last: prev! };
}

describe('VehicleMotion', () => {
  const V = 10; // m/s east, one sample every 200 ms
  it('moves smoothly with regular updates: no frame jumps more than the vehicle travels in a frame (+ slack)', () => {
    const m = new VehicleMotion();
    const b = buffer();
    b.set(0, 0, 0, V, 0);
    const r = drive(m, b, 0, 4000, (t) => {
      const k = Math.floor(t / 200);
      if (k * 200 > b.updatedAt[0]!) b.set(k * 200 * V / 1000, 0, 0, V, k * 200);
    });
    expect(r.maxStep).toBeLessThan(V * 0.016 * 2);
    // Drawn a render delay behind the newest sample, never ahead of where the vehicle was reported.
    expect(r.last[0]).toBeLessThanOrEqual(40 + 1e-6);
    expect(r.last[0]).toBeGreaterThan(40 - V * (m.delayMs + 250) / 1000);
    expect(m.ok[0]).toBe(1);
  });

  it('a missing update: extrapolation is bounded, then the vehicle holds; the late update blends in without a jump', () => {
    const m = new VehicleMotion();
    const b = buffer();
    for (let k = 0; k <= 5; k++) {
      b.set((k * 200 * V) / 1000, 0, 0, V, k * 200);
      m.update(b, k * 200, 1);
    }
    // Updates stop at 1000 ms (10 m). Well after, the drawn position has stopped at 10 m + bounded extrapolation.
    drive(m, b, 1016, 5000);
    const held = m.px[0]!;
    expect(held).toBeCloseTo(10 + (V * MOTION.maxExtrapolateMs) / 1000, 6);
    // The feed resumes: the vehicle really is at 20 m (it stood in a queue, then moved on).
    const r = drive(m, b, 5016, 7000, (t) => {
      if (t >= 5100 && b.updatedAt[0]! < 5100) b.set(20, 0, 0, V, 5100);
    });
    expect(r.maxStep).toBeLessThan(1.5);
    expect(m.px[0]).toBeGreaterThan(20);
  });

  it('a late update (older than the render time when it arrives) is blended over at least minBlendMs', () => {
    const m = new VehicleMotion();
    const b = buffer();
    b.set(0, 0, 0, 0, 0);
    m.update(b, 0, 1);
    m.update(b, 3000, 1);
    expect(m.px[0]).toBe(0);
    b.set(5, 0, 0, 0, 1000);
    m.update(b, 3000, 1);
    expect(m.px[0]).toBeCloseTo(0, 9);
    m.update(b, 3000 + MOTION.minBlendMs / 2, 1);
    expect(m.px[0]).toBeCloseTo(2.5, 6);
    m.update(b, 3000 + MOTION.minBlendMs, 1);
    expect(m.px[0]).toBeCloseTo(5, 6);
  });

  it('snaps an implausible jump (a respawn far away) instead of sliding across the map', () => {
    const m = new VehicleMotion();
    const b = buffer();
    b.set(0, 0, 0, 10, 0);
    m.update(b, 0, 1);
    b.set(5000, 0, 0, 10, 200);
    m.update(b, 400, 1);
    expect(m.px[0]).toBe(5000);
  });

  it('a reused slot (new id) starts afresh; a dead slot is not drawn', () => {
    const m = new VehicleMotion();
    const b = buffer();
    b.set(0, 0, 0, 10, 0);
    m.update(b, 100, 1);
    b.ids[0] = 'RT-2';
    b.set(300, 0, 0, 10, 150);
    m.update(b, 200, 1);
    expect(m.px[0]).toBe(300);
    b.alive[0] = 0;
    m.update(b, 300, 1);
    expect(m.ok[0]).toBe(0);
  });

  it('never produces a non-finite pose: a non-finite sample is not drawn', () => {
    const m = new VehicleMotion();
    const b = buffer();
    b.set(Number.NaN, 0, 0, 10, 0);
    m.update(b, 100, 1);
    expect(m.ok[0]).toBe(0);
    b.set(1, 2, 0, 10, 50);
    m.update(b, 100, 1);
    expect(m.ok[0]).toBe(1);
    expect(Number.isFinite(m.px[0]!) && Number.isFinite(m.py[0]!)).toBe(true);
  });
});

describe('instance matrix', () => {
  it('places a unit model at ENU (e, n, u) facing its yaw, in three.js axes', () => {
    const m = new Float32Array(16);
    writeInstanceMatrix(m, 0, 100, 200, 3, Math.PI / 2, 2, 1, 1);
    // Forward (+x model) at yaw 90° (north) → three.js −z.
    expect(m[0]).toBeCloseTo(0, 6);
    expect(m[2]).toBeCloseTo(-2, 6);
    expect([m[12], m[13], m[14], m[15]]).toEqual([100, 3, -200, 1]);
  });
});
