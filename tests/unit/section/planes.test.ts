import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../../src/core/geodesy';
import { boxAxes, faceNormal, isKept, sectionPlanes, signedDistance } from '../../../src/analysis/section/planes';
import { BOX_FACES, type SectionBox, type SectionPlane } from '../../../src/analysis/section/types';

const box: SectionBox = { kind: 'box', centre: [100, 200, 30], size: [40, 20, 60], headingDeg: 0 };

function expectVec(a: readonly number[], b: readonly number[]) {
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 9));
}

describe('sectionPlanes of a box', () => {
  it('gives six inward planes of an axis-aligned box in +x −x +y −y +z −z order', () => {
    const planes = sectionPlanes(box);
    expect(planes).toHaveLength(6);
    const want: [Vec3, number][] = [
      [[-1, 0, 0], 120], // x ≤ 120
      [[1, 0, 0], -80], // x ≥ 80
      [[0, -1, 0], 210],
      [[0, 1, 0], -190],
      [[0, 0, -1], 60],
      [[0, 0, 1], 0],
    ];
    planes.forEach((p, i) => {
      expectVec(p.normal, want[i]![0]);
      expect(p.constant).toBeCloseTo(want[i]![1], 9);
    });
  });

  it('keeps the centre strictly inside every plane and puts each face centre on its own plane', () => {
    const planes = sectionPlanes(box);
    for (const p of planes) expect(signedDistance(p, box.centre)).toBeGreaterThan(0);
    BOX_FACES.forEach((face, i) => {
      const n = faceNormal(box, face);
      const h = box.size[Math.floor(i / 2)]! / 2;
      const onFace: Vec3 = [box.centre[0] + n[0] * h, box.centre[1] + n[1] * h, box.centre[2] + n[2] * h];
      expect(signedDistance(planes[i]!, onFace)).toBeCloseTo(0, 9);
    });
  });

  it('turns the planes of a box with a 90° heading: its local y (sy) runs east', () => {
    const turned: SectionBox = { ...box, headingDeg: 90 };
    const axes = boxAxes(90);
    expectVec(axes.y, [1, 0, 0]);
    expectVec(axes.x, [0, -1, 0]);
    const planes = sectionPlanes(turned);
    // +y face: east at centre.x + sy/2 = 110.
    expectVec(planes[2]!.normal, [-1, 0, 0]);
    expect(planes[2]!.constant).toBeCloseTo(110, 9);
    // +x face: south at centre.y − sx/2 = 180.
    expectVec(planes[0]!.normal, [0, 1, 0]);
    expect(planes[0]!.constant).toBeCloseTo(-180, 9);
    expect(isKept(turned, [109, 181, 30])).toBe(true);
    expect(isKept(turned, [111, 200, 30])).toBe(false);
    expect(isKept(turned, [100, 179, 30])).toBe(false);
  });

  it('agrees with isKept at 45°: planes and the box test are the same region', () => {
    const turned: SectionBox = { ...box, headingDeg: 45 };
    const planes = sectionPlanes(turned);
    for (let k = 0; k < 200; k++) {
      const p: Vec3 = [100 + ((k * 37) % 61) - 30, 200 + ((k * 53) % 61) - 30, ((k * 17) % 80) - 10];
      const byPlanes = planes.every((pl) => signedDistance(pl, p) >= -1e-6);
      expect(isKept(turned, p)).toBe(byPlanes);
    }
  });
});

describe('isKept', () => {
  it('keeps inside, drops outside and keeps the boundary of a box', () => {
    expect(isKept(box, [100, 200, 30])).toBe(true);
    expect(isKept(box, [119.9, 209.9, 59.9])).toBe(true);
    expect(isKept(box, [120, 200, 30])).toBe(true);
    expect(isKept(box, [100, 200, 0])).toBe(true);
    expect(isKept(box, [120.01, 200, 30])).toBe(false);
    expect(isKept(box, [100, 200, -0.01])).toBe(false);
    expect(isKept(box, [100, 189, 30])).toBe(false);
  });

  it('keeps the side behind a plane normal, its boundary, and everything without a section', () => {
    const cut: SectionPlane = { kind: 'plane', point: [0, 0, 10], normal: [0, 0, 1] };
    expect(sectionPlanes(cut)).toEqual([{ normal: [0, 0, -1], constant: 10 }]);
    expect(isKept(cut, [5, 5, 9])).toBe(true);
    expect(isKept(cut, [5, 5, 10])).toBe(true);
    expect(isKept(cut, [5, 5, 10.01])).toBe(false);
    expect(isKept(null, [1e9, 0, 0])).toBe(true);
  });

  it('never keeps a NaN point', () => {
    expect(isKept(box, [Number.NaN, 200, 30])).toBe(false);
  });
});
