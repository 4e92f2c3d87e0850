import { describe, expect, it } from 'vitest';
import { axisParamUnderRay, dragFace, dragHandle, dragPlane, sectionHandles } from '../../../src/analysis/section/handles';
import { SECTION_MIN_SIZE_M, type SectionBox, type SectionPlane } from '../../../src/analysis/section/types';

const box: SectionBox = { kind: 'box', centre: [0, 0, 30], size: [40, 20, 60], headingDeg: 0 };

describe('section handles', () => {
  it('puts six handles at the face centres with outward normals', () => {
    const h = sectionHandles(box);
    expect(h.map((x) => x.face)).toEqual(['+x', '-x', '+y', '-y', '+z', '-z']);
    expect(h[0]!.position).toEqual([20, 0, 30]);
    expect(h[1]!.position).toEqual([-20, 0, 30]);
    expect(h[3]!.position).toEqual([0, -10, 30]);
    expect(h[4]!.position).toEqual([0, 0, 60]);
    expect(h[5]!.normal).toEqual([0, 0, -1]);
  });

  it('gives a plane one handle at its point along its normal', () => {
    const p: SectionPlane = { kind: 'plane', point: [1, 2, 3], normal: [0, 1, 0] };
    expect(sectionHandles(p)).toEqual([{ face: 'plane', position: [1, 2, 3], normal: [0, 1, 0] }]);
  });
});

describe('dragging a face', () => {
  it('grows sx by 5 and moves the centre by 2.5 when +x is dragged out 5 m', () => {
    const r = dragFace(box, '+x', 5);
    expect(r.size).toEqual([45, 20, 60]);
    expect(r.centre).toEqual([2.5, 0, 30]);
    // The opposite face stays where it was.
    expect(sectionHandles(r)[1]!.position[0]).toBeCloseTo(-20, 9);
    // The input is untouched.
    expect(box.size).toEqual([40, 20, 60]);
  });

  it('moves the −x and −z faces outward along their own normals', () => {
    const r = dragFace(box, '-x', 5);
    expect(r.size[0]).toBe(45);
    expect(r.centre[0]).toBe(-2.5);
    const down = dragFace(box, '-z', -10);
    expect(down.size[2]).toBe(50);
    expect(down.centre[2]).toBe(35);
  });

  it('drags along the turned axis of a rotated box', () => {
    const turned: SectionBox = { ...box, headingDeg: 90 };
    const r = dragFace(turned, '+y', 4);
    expect(r.size[1]).toBe(24);
    // Local +y points east at heading 90°.
    expect(r.centre[0]).toBeCloseTo(2, 9);
    expect(r.centre[1]).toBeCloseTo(0, 9);
  });

  it('clamps at the minimum size and moves the centre only by what the size really changed', () => {
    const r = dragFace(box, '+x', -100);
    expect(r.size[0]).toBe(SECTION_MIN_SIZE_M);
    expect(r.centre[0]).toBeCloseTo(-(40 - SECTION_MIN_SIZE_M) / 2, 9);
    expect(sectionHandles(r)[1]!.position[0]).toBeCloseTo(-20, 9);
    expect(dragFace(box, '+z', -100, 5).size[2]).toBe(5);
  });

  it('treats a NaN distance as no drag and can reuse an output object', () => {
    const out: SectionBox = { kind: 'box', centre: [0, 0, 0], size: [0, 0, 0], headingDeg: 0 };
    expect(dragFace(box, '+y', Number.NaN, SECTION_MIN_SIZE_M, out)).toBe(out);
    expect(out).toEqual(box);
  });

  it('moves a plane along its normal', () => {
    const p: SectionPlane = { kind: 'plane', point: [0, 0, 10], normal: [0, 0, 1] };
    expect(dragPlane(p, -3).point).toEqual([0, 0, 7]);
    expect(dragHandle(p, 'plane', 2)).toEqual({ kind: 'plane', point: [0, 0, 12], normal: [0, 0, 1] });
    expect(dragHandle(box, '+x', 5)).toEqual(dragFace(box, '+x', 5));
  });
});

describe('axisParamUnderRay', () => {
  it('finds where a ray passes closest to the drag axis', () => {
    // Axis: x through (0, 0, 0). A ray straight down through x = 7.
    expect(axisParamUnderRay([7, 0, 100], [0, 0, -1], [0, 0, 0], [1, 0, 0])).toBeCloseTo(7, 9);
    // A slanted ray passing above x = −3.
    const d = [0, 0.6, -0.8] as [number, number, number];
    expect(axisParamUnderRay([-3, -60, 80], d, [0, 0, 0], [1, 0, 0])).toBeCloseTo(-3, 9);
  });

  it('refuses a ray that runs along the axis', () => {
    expect(axisParamUnderRay([0, 0, 100], [0, 0, -1], [0, 0, 0], [0, 0, 1])).toBeNull();
  });
});
