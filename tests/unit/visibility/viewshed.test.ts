/** Viewshed on hand-made walls: a U of three walls, cones, facade points, progress and cancel. */
import { describe, expect, it } from 'vitest';
import { buildCasterBvh } from '../../../src/analysis/sunlight/casters';
import { facadeReceivers } from '../../../src/analysis/sunlight/receivers';
import { sightLine } from '../../../src/analysis/visibility/sightLine';
import {
  CELL_BUILDING, CELL_HIDDEN, CELL_OUTSIDE, CELL_VISIBLE, runViewshed, runViewshedAsync, viewshedGrid, type ViewshedResult,
} from '../../../src/analysis/visibility/viewshed';
import { box, lcg } from './fixtures';

/** The code of the cell whose centre is nearest (x, y). */
function codeAt(r: ViewshedResult, x: number, y: number): number {
  const { originX, originY, cellSizeM, nx } = r.grid;
  const i = Math.floor((x - originX) / cellSizeM), j = Math.floor((y - originY) / cellSizeM);
  return r.cells[j * nx + i]!;
}

// A U open to the south: 30 m walls, 1 m thick, the inner court x, y ∈ [−10, 10] about the eye.
// Everything is shifted 0.25 m east so that no edge of the visible region runs through a row of
// cell centres (which would bias the area by half a cell along it).
const SX = 0.25;
const U = buildCasterBvh([
  box('north', SX - 10, 10, SX + 10, 11, 30),
  box('west', SX - 11, -10, SX - 10, 11, 30),
  box('east', SX + 10, -10, SX + 11, 11, 30),
]);
const EYE: [number, number, number] = [SX, 0, 1.6];

describe('viewshed', () => {
  it('lays a grid on multiples of the cell size that covers the range circle', () => {
    expect(viewshedGrid(3, -7, 10, 2)).toEqual({ originX: -8, originY: -18, cellSizeM: 2, nx: 11, ny: 11, groundZ: 0 });
  });

  it('inside a U of walls: the open side is visible, the ground behind the walls hidden, the area as computed by hand', () => {
    const R = 50, cell = 1;
    const r = runViewshed({ casters: U, observer: EYE, maxDistanceM: R, cellSizeM: cell });
    expect(r.cancelled).toBe(false);
    const at = (x: number, y: number): number => codeAt(r, SX + x, y);
    expect(at(0, -30)).toBe(CELL_VISIBLE);
    expect(at(5, 5)).toBe(CELL_VISIBLE);
    expect(at(0, 25)).toBe(CELL_HIDDEN);
    expect(at(30, 0)).toBe(CELL_HIDDEN);
    expect(at(-30, -5)).toBe(CELL_HIDDEN);
    // Either side of the opening's wedge |x| ≤ −y (through the walls' inner corners).
    expect(at(20, -18)).toBe(CELL_HIDDEN);
    expect(at(18, -20)).toBe(CELL_VISIBLE);
    expect(at(10.5, 0)).toBe(CELL_BUILDING);
    expect(at(40, -40)).toBe(CELL_OUTSIDE);
    // Visible: the 20 × 20 court plus the 90° wedge of the disc beyond it (the wedge's triangle
    // inside the court counted once): 400 + πR²/4 − 100.
    const expected = 300 + (Math.PI * R * R) / 4;
    // Boundary of the visible region: three inner wall faces, two wedge edges, the quarter arc.
    const perimeter = 60 + 2 * (R - 10 * Math.SQRT2) + (Math.PI * R) / 2;
    const bound = (perimeter * cell * Math.SQRT2) / 2;
    expect(Math.abs(r.visibleAreaM2 - expected)).toBeLessThan(bound);
    // In practice the errors along a boundary cancel: well under a tenth of the bound.
    expect(Math.abs(r.visibleAreaM2 - expected)).toBeLessThan(bound / 10);
    // In range: the disc less the walls' 62 m² of footprint.
    const inRange = Math.PI * R * R - 62;
    expect(Math.abs(r.inRangeAreaM2 - inRange)).toBeLessThan(((2 * Math.PI * R + 2 * 62 + 4) * cell * Math.SQRT2) / 2 / 10);
    expect(r.buildingCells).toBe(62);
    expect(r.visiblePercent).toBeCloseTo((100 * r.visibleAreaM2) / r.inRangeAreaM2, 9);
    expect(r.visibleCells + r.hiddenCells + r.buildingCells).toBe(r.cells.reduce((n, c) => n + (c === CELL_OUTSIDE ? 0 : 1), 0));
  });

  it('limits a cone by its heading, and its vertical opening by the depression angle', () => {
    const wall = buildCasterBvh([box('A', 15, -2, 20, 2, 10)]);
    const R = 30;
    const east = runViewshed({ casters: wall, observer: EYE, maxDistanceM: R, cellSizeM: 0.5, cone: { headingDeg: 90, horizontalFovDeg: 90 } });
    expect(codeAt(east, 25, 0)).toBe(CELL_HIDDEN);
    expect(codeAt(east, 25, 10)).toBe(CELL_VISIBLE);
    expect(codeAt(east, 0, 25)).toBe(CELL_OUTSIDE);
    expect(codeAt(east, -25, 0)).toBe(CELL_OUTSIDE);
    // A quarter disc less A's 20 m² of footprint.
    const quarter = (Math.PI * R * R) / 4;
    // The cone's edges run through a diagonal of cell centres, which count as inside: up to the
    // documented bound (perimeter × cell × √2 / 2), not the cancelling of a generic boundary.
    expect(Math.abs(east.inRangeAreaM2 - (quarter - 20))).toBeLessThan(((Math.PI * R) / 2 + 2 * R + 18) * 0.5 * Math.SQRT1_2);
    // The shadow of A: between the rays through (15, ±2), from x = 20 to the arc.
    expect(east.hiddenCells).toBeGreaterThan(0);
    const north = runViewshed({ casters: wall, observer: EYE, maxDistanceM: R, cellSizeM: 0.5, cone: { headingDeg: 0, horizontalFovDeg: 90 } });
    expect(codeAt(north, 0, 25)).toBe(CELL_VISIBLE);
    expect(codeAt(north, 25, 0)).toBe(CELL_OUTSIDE);
    expect(north.hiddenCells).toBe(0);
    expect(north.visiblePercent).toBe(100);
    // ±10° about the horizontal: ground nearer than 1.6 / tan 10° = 9.07 m is below the cone.
    const level = runViewshed({ casters: wall, observer: EYE, maxDistanceM: R, cellSizeM: 0.5, cone: { headingDeg: 0, horizontalFovDeg: 90, pitchDeg: 0, verticalFovDeg: 20 } });
    const r0 = 1.6 / Math.tan((10 * Math.PI) / 180);
    expect(codeAt(level, 0, 5)).toBe(CELL_OUTSIDE);
    expect(Math.abs(level.inRangeAreaM2 - (Math.PI * (R * R - r0 * r0)) / 4)).toBeLessThan(5);
  });

  it('agrees cell by cell with single sight lines in a random block', () => {
    const rnd = lcg(7);
    const boxes = Array.from({ length: 40 }, (_, i) => {
      const x = -80 + rnd() * 160, y = -80 + rnd() * 160;
      return box(`b${i}`, x, y, x + 4 + rnd() * 12, y + 4 + rnd() * 12, 3 + rnd() * 40);
    }).filter((b) => Math.hypot(b.footprint[0]![0] + 5, b.footprint[0]![1] + 5) > 25);
    const casters = buildCasterBvh(boxes);
    const r = runViewshed({ casters, observer: EYE, maxDistanceM: 100, cellSizeM: 2 });
    const { originX, originY, cellSizeM, nx } = r.grid;
    let checked = 0;
    for (let k = 0; k < r.cells.length; k += 37) {
      const c = r.cells[k]!;
      if (c !== CELL_VISIBLE && c !== CELL_HIDDEN) continue;
      const i = k % nx, j = Math.floor(k / nx);
      const line = sightLine(casters, EYE, [originX + (i + 0.5) * cellSizeM, originY + (j + 0.5) * cellSizeM, 0]);
      expect(line.visible).toBe(c === CELL_VISIBLE);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(r.hiddenCells).toBeGreaterThan(0);
  });

  it('flags facade points: faces towards the observer seen, faces away and faces behind other buildings hidden', () => {
    const buildings = [
      { id: 'A', footprint: box('A', 10, -5, 20, 5, 9).footprint, heightM: 9, floors: 3 },
      // A low screen west of A's north half: hides A's lower north-west windows.
      { id: 'S', footprint: box('S', 5, 1, 6, 6, 4).footprint, heightM: 4, floors: 1 },
    ];
    const casters = buildCasterBvh(buildings);
    const points = facadeReceivers([buildings[0]!], { sillHeightM: 0.9, spacingM: 3 });
    const r = runViewshed({ casters, observer: EYE, maxDistanceM: 60, facadePoints: points });
    expect(r.facade).toHaveLength(points.length);
    points.forEach((p, k) => {
      const code = r.facade[k]!;
      const west = p.normal[0] < -0.5;
      if (!west) expect(code).toBe(CELL_HIDDEN);
      else expect(code).toBe(sightLine(casters, EYE, [p.position[0] - 0.05, p.position[1], p.position[2]]).visible ? CELL_VISIBLE : CELL_HIDDEN);
    });
    // West face: 3 windows per storey over 10 m, 3 storeys; the screen hides the low ones at y > 0.
    expect(r.facadeVisible).toBeGreaterThan(0);
    expect(r.facadeVisible).toBeLessThan(9);
    expect(r.facadeVisible + r.facadeHidden).toBe(points.length);
    // Out of range: all CELL_OUTSIDE.
    const near = runViewshed({ casters, observer: EYE, maxDistanceM: 5, facadePoints: points });
    expect(near.facade.every((c) => c === CELL_OUTSIDE)).toBe(true);
  });

  it('reports progress up to the total and stops on cancel with a partial, flagged result', async () => {
    const seen: number[] = [];
    const full = runViewshed({ casters: U, observer: EYE, maxDistanceM: 20, cellSizeM: 1, chunkSize: 100, onProgress: (d, t) => seen.push(d / t) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1]!)).toBe(true);
    let calls = 0;
    const cut = runViewshed({ casters: U, observer: EYE, maxDistanceM: 20, cellSizeM: 1, chunkSize: 100, shouldCancel: () => ++calls >= 2 });
    expect(cut.cancelled).toBe(true);
    expect(cut.cells.subarray(200).every((c) => c === CELL_OUTSIDE)).toBe(true);
    expect(cut.visibleCells).toBeLessThan(full.visibleCells);
    const async = await runViewshedAsync({ casters: U, observer: EYE, maxDistanceM: 20, cellSizeM: 1, chunkSize: 100 }, () => Promise.resolve());
    expect(async.cells).toEqual(full.cells);
  });

  it('counts a courtyard as ground and the ring around it as building', () => {
    const court = buildCasterBvh([{ id: 'C', footprint: box('C', -20, -20, 20, 20, 12).footprint, holes: [box('h', -10, -10, 10, 10, 1).footprint.reverse()], heightM: 12 }]);
    const r = runViewshed({ casters: court, observer: EYE, maxDistanceM: 30, cellSizeM: 1 });
    expect(codeAt(r, 5, 5)).toBe(CELL_VISIBLE);
    expect(codeAt(r, 15, 0)).toBe(CELL_BUILDING);
    expect(codeAt(r, 25, 0)).toBe(CELL_HIDDEN);
    // The court's 400 m² is all that is seen; 1200 m² of ring is roof.
    expect(r.visibleAreaM2).toBe(400);
    expect(r.buildingCells).toBe(1200);
  });

  it('sees all the ground in range of an empty scene, and under a roof nothing of it is in range there', () => {
    const r = runViewshed({ casters: buildCasterBvh([]), observer: EYE, maxDistanceM: 10, cellSizeM: 1 });
    expect(r.hiddenCells).toBe(0);
    expect(r.visiblePercent).toBe(100);
    expect(Math.abs(r.visibleAreaM2 - Math.PI * 100)).toBeLessThan(2 * Math.PI * 10 * 0.1);
    // On a roof (eye 1.6 m above it) the ground next to the building is hidden by the roof's edge.
    const roof = runViewshed({ casters: buildCasterBvh([box('R', -20, -20, 20, 20, 30)]), observer: [0, 0, 31.6], maxDistanceM: 30, cellSizeM: 1 });
    expect(codeAt(roof, 0, 0)).toBe(CELL_BUILDING);
    expect(codeAt(roof, 25, 0)).toBe(CELL_HIDDEN);
  });
});
