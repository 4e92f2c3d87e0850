import { describe, expect, it } from 'vitest';
import type { Section } from '../../../src/analysis/section/types';
import { dropCutAwayHits, firstKeptHit, isKeptThree } from '../../../src/layers/section/picking';
import { enuToThree } from '../../../src/views/three/enuThree';

/** A hit at an ENU point, shaped like a three.js Intersection (point in the three.js frame). */
function hitAt(name: string, distance: number, e: number, n: number, u: number) {
  const [x, y, z] = enuToThree(e, n, u);
  return { name, distance, point: { x, y, z } };
}

// A section box 0–50 m high around the origin: a ray from above first meets the cut-away roofs.
const box: Section = { kind: 'box', centre: [0, 0, 25], size: [100, 100, 50], headingDeg: 0 };

describe('picking through a section', () => {
  const hits = [
    hitAt('roof above the box', 100, 5, 5, 80),
    hitAt('wall outside the box', 120, 60, 5, 20),
    hitAt('kept wall', 140, 10, -10, 30),
    hitAt('ground', 170, 10, -10, 0),
  ];

  it('skips cut-away hits and continues to the first kept one', () => {
    expect(firstKeptHit(hits, box)?.name).toBe('kept wall');
  });

  it('takes the nearest hit without a section, and none when all are cut away', () => {
    expect(firstKeptHit(hits, null)?.name).toBe('roof above the box');
    expect(firstKeptHit(hits.slice(0, 2), box)).toBeNull();
    expect(firstKeptHit([], box)).toBeNull();
  });

  it('keeps a hit exactly on the cut face', () => {
    expect(firstKeptHit([hitAt('on the top face', 90, 0, 0, 50)], box)?.name).toBe('on the top face');
  });

  it('filters in place, keeping the order', () => {
    const list = [...hits];
    expect(dropCutAwayHits(list, box)).toBe(list);
    expect(list.map((h) => h.name)).toEqual(['kept wall', 'ground']);
  });

  it('reads hit points in the three.js frame (y up, z = −north)', () => {
    const north: Section = { kind: 'plane', point: [0, 100, 0], normal: [0, 1, 0] };
    // ENU north 150 is three.js z = −150: cut away. North 50 (z = −50) is kept.
    expect(isKeptThree(north, 0, 0, -150)).toBe(false);
    expect(isKeptThree(north, 0, 0, -50)).toBe(true);
    expect(isKeptThree(north, 0, 0, 150)).toBe(true);
  });
});
