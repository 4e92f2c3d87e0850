import { describe, expect, it } from 'vitest';
import {
  fitDistance, MAX_DISTANCE_M, MIN_DISTANCE_M, MIN_ELEVATION_RAD, poseForTarget, roundPose, samePose, sanitizePose,
} from '../../../src/views/three/cameraModel';

const elevation = (p: { position: number[]; target: number[] }) =>
  Math.atan2(p.position[2]! - p.target[2]!, Math.hypot(p.position[0]! - p.target[0]!, p.position[1]! - p.target[1]!));

describe('sanitizePose', () => {
  it('keeps a reasonable pose unchanged', () => {
    const p = sanitizePose({ position: [100, -300, 250], target: [0, 0, 0] })!;
    expect(p.position[0]).toBeCloseTo(100, 9);
    expect(p.position[1]).toBeCloseTo(-300, 9);
    expect(p.position[2]).toBeCloseTo(250, 9);
  });
  it('rejects NaN, Infinity, wrong shapes and a zero-length pose', () => {
    expect(sanitizePose({ position: [Number.NaN, 0, 10], target: [0, 0, 0] })).toBeNull();
    expect(sanitizePose({ position: [0, 0, Number.POSITIVE_INFINITY], target: [0, 0, 0] })).toBeNull();
    expect(sanitizePose({ position: [0, 0], target: [0, 0, 0] })).toBeNull();
    expect(sanitizePose({ position: [1, 1, 1], target: [1, 1, 1] })).toBeNull();
    expect(sanitizePose(null)).toBeNull();
  });
  it('lifts a camera below the ground plane of its target above the minimum elevation', () => {
    const p = sanitizePose({ position: [500, 0, -100], target: [0, 0, 0] })!;
    expect(elevation(p)).toBeCloseTo(MIN_ELEVATION_RAD, 9);
  });
  it('clamps distance', () => {
    const far = sanitizePose({ position: [0, -1e6, 1e6], target: [0, 0, 0] })!;
    expect(Math.hypot(...far.position)).toBeCloseTo(MAX_DISTANCE_M, 6);
    const near = sanitizePose({ position: [0, -1, 1], target: [0, 0, 0] })!;
    expect(Math.hypot(...near.position)).toBeCloseTo(MIN_DISTANCE_M, 6);
  });
});

describe('poseForTarget', () => {
  it('keeps the bearing and fits the radius', () => {
    const cur = { position: [0, -1000, 1000] as [number, number, number], target: [0, 0, 0] as [number, number, number] };
    const p = poseForTarget(cur, [200, 300, 10], 50)!;
    expect(p.target).toEqual([200, 300, 10]);
    const d = Math.hypot(p.position[0] - 200, p.position[1] - 300, p.position[2] - 10);
    expect(d).toBeCloseTo(fitDistance(50), 6);
    expect(p.position[0]).toBeCloseTo(200, 6); // still looking north
    expect(p.position[1]).toBeLessThan(300);
  });
  it('works without a current pose and rejects a NaN target', () => {
    expect(poseForTarget(null, [0, 0, 0], 100)).not.toBeNull();
    expect(poseForTarget(null, [Number.NaN, 0, 0], 100)).toBeNull();
  });
});

describe('rounding', () => {
  it('rounds to centimetres and compares within rounding', () => {
    const r = roundPose({ position: [1.234567, 2.006, -3.0049], target: [0.001, 0, 0] });
    expect(r.position).toEqual([1.23, 2.01, -3]);
    expect(samePose(r, { position: [1.231, 2.006, -3.001], target: [0, 0, 0] })).toBe(true);
    expect(samePose(r, { position: [1.3, 2, -3], target: [0, 0, 0] })).toBe(false);
    expect(samePose(null, null)).toBe(true);
  });
});
