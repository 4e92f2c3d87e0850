import { describe, expect, it } from 'vitest';
import { snapHit, type BuildingPrism } from '../../../src/tools/snapping';
import type { PickHit } from '../../../src/tools/toolTypes';

/** A 10 m square block, 20 m tall, with a 2 m square courtyard. */
const block: BuildingPrism = {
  id: 'b1',
  footprint: [[0, 0], [10, 0], [10, 10], [0, 10]],
  holes: [[[4, 4], [4, 6], [6, 6], [6, 4]]],
  baseM: 0,
  heightM: 20,
};
/** On a 5 m podium. */
const tower: BuildingPrism = { id: 'b2', footprint: [[30, 0], [40, 0], [40, 10], [30, 10]], baseM: 5, heightM: 45 };
const near = [block, tower];

const faceHit = (x: number, y: number, z: number, buildingId = 'b1'): PickHit => ({ point: [x, y, z], kind: 'face', buildingId, normal: [1, 0, 0] });
const groundHit = (x: number, y: number): PickHit => ({ point: [x, y, 0], kind: 'ground' });

describe('snapping', () => {
  it('snaps to the nearest roof or base corner within tolerance', () => {
    expect(snapHit(faceHit(9.9, 0.2, 19.9), near, 0.5)).toEqual({ point: [10, 0, 20], kind: 'vertex', buildingId: 'b1' });
    expect(snapHit(groundHit(-0.2, 10.1), near, 0.5)).toEqual({ point: [0, 10, 0], kind: 'vertex', buildingId: 'b1' });
    expect(snapHit(faceHit(30.1, 0.1, 50.2, 'b2'), near, 0.5)).toEqual({ point: [30, 0, 50], kind: 'vertex', buildingId: 'b2' });
    // Courtyard corners count too.
    expect(snapHit(faceHit(5.9, 5.8, 0.1), near, 0.5)).toEqual({ point: [6, 6, 0], kind: 'vertex', buildingId: 'b1' });
  });

  it('prefers a corner within tolerance to a nearer edge', () => {
    // 0.3 m from the roof edge x = 10, 0.32 m from the corner (10, 0, 20).
    expect(snapHit(faceHit(10.3, 0.1, 20), near, 0.5)?.kind).toBe('vertex');
  });

  it('snaps to the nearest point of a roof, base or vertical edge', () => {
    expect(snapHit(faceHit(10, 5, 19.8), near, 0.5)).toEqual({ point: [10, 5, 20], kind: 'edge', buildingId: 'b1' });
    expect(snapHit(groundHit(5, -0.3), near, 0.5)).toEqual({ point: [5, 0, 0], kind: 'edge', buildingId: 'b1' });
    expect(snapHit(faceHit(10, 0.2, 10), near, 0.5)).toEqual({ point: [10, 0, 10], kind: 'edge', buildingId: 'b1' });
    // The tower's base is its podium top, 5 m up.
    expect(snapHit(faceHit(35, 0.1, 5.3, 'b2'), near, 0.5)).toEqual({ point: [35, 0, 5], kind: 'edge', buildingId: 'b2' });
  });

  it('keeps a face point or the ground when nothing is within tolerance', () => {
    const f = faceHit(10, 5, 10);
    expect(snapHit(f, near, 0.5)).toBe(f);
    const g = groundHit(20, 20);
    expect(snapHit(g, near, 0.5)).toBe(g);
    expect(snapHit(g, [], 0.5)).toBe(g);
    // The same face point with a wider tolerance reaches the vertical edge.
    expect(snapHit(faceHit(10, 3, 10), near, 3.5)?.point).toEqual([10, 0, 10]);
  });

  it('passes the sky, handle picks, bad tolerances and non-finite points through untouched', () => {
    expect(snapHit(null, near, 1)).toBeNull();
    const handle: PickHit = { point: [10, 0, 20], kind: 'face', handle: '+x' };
    expect(snapHit(handle, near, 1)).toBe(handle);
    const f = faceHit(9.9, 0.1, 19.9);
    expect(snapHit(f, near, 0)).toBe(f);
    expect(snapHit(f, near, Number.NaN)).toBe(f);
    const nan: PickHit = { point: [Number.NaN, 0, 0], kind: 'ground' };
    expect(snapHit(nan, near, 1)).toBe(nan);
    const broken: BuildingPrism = { ...block, id: 'x', heightM: Number.NaN };
    expect(snapHit(faceHit(9.9, 0.1, 19.9), [broken], 1)?.kind).toBe('face');
  });

  it('is fast enough for pointer moves over a few hundred nearby buildings', () => {
    const many: BuildingPrism[] = [];
    for (let i = 0; i < 300; i++) {
      const ring: [number, number][] = [];
      for (let k = 0; k < 24; k++) ring.push([i * 30 + 10 * Math.cos((k / 24) * 2 * Math.PI), 10 * Math.sin((k / 24) * 2 * Math.PI)]);
      many.push({ id: `m${i}`, footprint: ring, baseM: 0, heightM: 30 });
    }
    const t0 = performance.now();
    let snapped = 0;
    for (let j = 0; j < 200; j++) if (snapHit(faceHit(j * 45 + 10, 0, 15), many, 0.5)?.kind !== 'face') snapped++;
    const perCallMs = (performance.now() - t0) / 200;
    expect(snapped).toBeGreaterThan(0);
    // Generous for a loaded CI machine; a frame is 16 ms.
    expect(perCallMs).toBeLessThan(8);
  });
});
