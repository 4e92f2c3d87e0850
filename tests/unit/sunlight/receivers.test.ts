/** Window points on hand-made footprints: counts, heights, normals, spacing, ids, holes, ground grid. */
import { describe, expect, it } from 'vitest';
import { facadeReceivers, groundReceivers, windowOffsets } from '../../../src/analysis/sunlight/receivers';
import { rect } from './fixtures';

const slab = { id: 'b1', footprint: rect(0, 0, 30, 12), heightM: 18, floors: 6 };

describe('facadeReceivers', () => {
  it('puts evenly spread windows on every edge and floor, with outward normals, at base + (floor − 1)·storey + sill', () => {
    const rs = facadeReceivers([slab], { spacingM: 3, sillHeightM: 0.9 });
    // Edges 30, 12, 30, 12 m → 10, 4, 10, 4 windows per floor, 6 floors.
    expect(rs).toHaveLength(28 * 6);
    const south = rs.filter((r) => r.facade === 0);
    expect(south.every((r) => r.normal[0] === 0 && r.normal[1] === -1 && r.position[1] === 0)).toBe(true);
    expect(rs.filter((r) => r.facade === 1).every((r) => r.normal[0] === 1 && r.position[0] === 30)).toBe(true);
    expect(rs.filter((r) => r.facade === 2).every((r) => r.normal[1] === 1)).toBe(true);
    expect(rs.filter((r) => r.facade === 3).every((r) => r.normal[0] === -1)).toBe(true);
    const f1 = south.filter((r) => r.floor === 1).map((r) => r.position[0]);
    expect(f1).toEqual([1.5, 4.5, 7.5, 10.5, 13.5, 16.5, 19.5, 22.5, 25.5, 28.5]);
    expect(south.find((r) => r.floor === 1)!.position[2]).toBeCloseTo(0.9, 12);
    expect(south.find((r) => r.floor === 6)!.position[2]).toBeCloseTo(15 + 0.9, 12);
    expect(rs[0]!.id).toBe('b1:f0:l1:w0');
    expect(new Set(rs.map((r) => r.id)).size).toBe(rs.length);
    expect(south[0]!.tangent).toEqual([1, 0, 0]);
    expect(south[0]!.halfWidthMaxM).toBeCloseTo(1.5, 12);
  });

  it('gets the normals right for a clockwise ring too, and for a courtyard hole', () => {
    const cw = { ...slab, id: 'cw', footprint: [...slab.footprint].reverse() };
    expect(facadeReceivers([cw], { sillHeightM: 0.9, floors: [1] }).every((r) => {
      const [x, y] = r.position;
      // Outward: one metre along the normal leaves the rectangle.
      const px = x + r.normal[0], py = y + r.normal[1];
      return px < 0 || px > 30 || py < 0 || py > 12;
    })).toBe(true);
    const court = { id: 'c', footprint: rect(0, 0, 40, 40), holes: [rect(10, 10, 30, 30).reverse()], heightM: 9, floors: 3 };
    const inner = facadeReceivers([court], { sillHeightM: 0.9, floors: [1] }).filter((r) => r.facade >= 4);
    expect(inner).toHaveLength(4 * 6);
    // Courtyard walls face into the courtyard.
    for (const r of inner) {
      const px = r.position[0] + r.normal[0], py = r.position[1] + r.normal[1];
      expect(px > 10 && px < 30 && py > 10 && py < 30).toBe(true);
    }
  });

  it('gives a short edge one centre window, skips corner jogs, and honours floors and fallbacks', () => {
    expect(windowOffsets(2, 3)).toEqual([1]);
    expect(windowOffsets(10, 3)).toEqual([2, 5, 8]);
    const jog = { id: 'j', footprint: [[0, 0], [10, 0], [10, 0.2], [10, 5], [0, 5]] as [number, number][], heightM: 3, floors: 1 };
    const rs = facadeReceivers([jog], { spacingM: 3, sillHeightM: 0.9 });
    expect(rs.some((r) => r.facade === 1)).toBe(false);
    expect(rs.filter((r) => r.facade === 2)).toHaveLength(1);
    const unknownFloors = { id: 'u', footprint: rect(0, 0, 6, 6), heightM: 10, floors: 0 };
    const u = facadeReceivers([unknownFloors], { sillHeightM: 0.9, floorHeightM: 3.3 });
    expect(Math.max(...u.map((r) => r.floor))).toBe(3);
    const picked = facadeReceivers([slab], { sillHeightM: 0.9, floors: [1, 6, 9], baseM: 4 });
    expect([...new Set(picked.map((r) => r.floor))]).toEqual([1, 6]);
    expect(picked[0]!.position[2]).toBeCloseTo(4.9, 12);
  });
});

describe('groundReceivers', () => {
  it('covers a rectangle cell-centred, clips to a polygon and leaves out footprints', () => {
    const g = groundReceivers({ minE: 0, minN: 0, maxE: 10, maxN: 6 }, 0, 2);
    expect(g).toHaveLength(15);
    expect(g[0]!.position).toEqual([1, 1, 0]);
    expect(g.every((r) => r.normal[2] === 1 && r.floor === 0 && r.facade === -1)).toBe(true);
    const tri = groundReceivers([[0, 0], [10, 0], [0, 10]], 1.5, 1);
    expect(tri.every((r) => r.position[0] + r.position[1] <= 10 && r.position[2] === 1.5)).toBe(true);
    const holed = groundReceivers({ minE: 0, minN: 0, maxE: 10, maxN: 10 }, 0, 1, [rect(0, 0, 5, 10)]);
    expect(holed).toHaveLength(50);
  });
});
