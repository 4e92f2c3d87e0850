import { describe, expect, it } from 'vitest';
import { MAX_SHADER_VERTICES, heightLimitShaderParams, type HeightLimitShaderParams } from '../../../src/analysis/heightLimit/shaderParams';
import { MAX_SIMPLIFY_INPUT_VERTICES, simplifyRings } from '../../../src/analysis/heightLimit/simplify';
import type { HeightLimit } from '../../../src/analysis/heightLimit/types';
import { pointInPolygon, polygonArea, ringProblem } from '../../../src/analysis/planning/polygon';
import type { Ring } from '../../../src/analysis/planning/types';
import { circle, rect } from './fixtures';

/** The fragment shader's even-odd crossing test, run on the packed float32 edges. */
function shaderInside(p: HeightLimitShaderParams, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0; i < p.edgeCount; i++) {
    const [x0, y0, x1, y1] = p.edges.subarray(4 * i, 4 * i + 4) as unknown as [number, number, number, number];
    if (y0 > y !== y1 > y && x < ((x1 - x0) * (y - y0)) / (y1 - y0) + x0) inside = !inside;
  }
  return inside;
}

function params(limit: HeightLimit, groundM: number, options?: Parameters<typeof heightLimitShaderParams>[2]): HeightLimitShaderParams {
  const r = heightLimitShaderParams(limit, groundM, options);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

describe('heightLimitShaderParams', () => {
  it('a square: plane at ground + limit, four edges, zero padding, bounds', () => {
    const p = params({ ring: rect(10, 20, 110, 70), limitM: 50 }, 4.5);
    expect(p.limitZ).toBe(54.5);
    expect(p.edgeCount).toBe(4);
    expect(p.edges).toHaveLength(4 * MAX_SHADER_VERTICES);
    expect(Array.from(p.edges.subarray(0, 16))).toEqual([10, 20, 110, 20, 110, 20, 110, 70, 110, 70, 10, 70, 10, 70, 10, 20]);
    expect(p.edges.subarray(16).every((v) => v === 0)).toBe(true);
    expect(p.bbox).toEqual([10, 20, 110, 70]);
    expect(p.simplified).toBe(false);
    expect(p.maxDeviationM).toBe(0);
  });

  it('packs holes as edges, so the even-odd test leaves them out', () => {
    const p = params({ ring: rect(0, 0, 100, 100), holes: [rect(40, 40, 60, 60)], limitM: 30 }, 0);
    expect(p.edgeCount).toBe(8);
    expect(shaderInside(p, 20, 20)).toBe(true);
    expect(shaderInside(p, 50, 50)).toBe(false);
    expect(shaderInside(p, 150, 50)).toBe(false);
  });

  it('simplifies a 200-gon to the budget, keeping it simple and close', () => {
    const ring = circle(200, 100, 1000, -500);
    const p = params({ ring, limitM: 24 }, 0);
    expect(p.simplified).toBe(true);
    expect(p.edgeCount).toBeLessThanOrEqual(MAX_SHADER_VERTICES);
    expect(p.maxDeviationM).toBeGreaterThan(0);
    // A regular 64-gon of radius 100 is within 100 (1 − cos(π/64)) ≈ 0.12 m of the circle.
    expect(p.maxDeviationM).toBeLessThan(0.5);
    expect(shaderInside(p, 1000, -500)).toBe(true);
    expect(shaderInside(p, 1000 + 101, -500)).toBe(false);
  });

  it('refuses instead of simplifying when asked to', () => {
    expect(heightLimitShaderParams({ ring: circle(65, 10), limitM: 24 }, 0, { onTooMany: 'refuse' })).toEqual({ ok: false, problem: 'too-many-vertices' });
    expect(params({ ring: circle(64, 10), limitM: 24 }, 0, { onTooMany: 'refuse' }).edgeCount).toBe(64);
  });

  it('refuses a polygon with more holes than three vertices each can fit', () => {
    const holes = Array.from({ length: 21 }, (_, i) => [...rect(i * 4 + 1, 1, i * 4 + 3, 3)].reverse() as Ring);
    expect(heightLimitShaderParams({ ring: rect(0, 0, 100, 10), holes, limitM: 24 }, 0)).toEqual({ ok: false, problem: 'too-many-vertices' });
  });

  it('refuses non-finite ground and an unusable limit', () => {
    expect(heightLimitShaderParams({ ring: rect(0, 0, 1, 1), limitM: 24 }, NaN)).toEqual({ ok: false, problem: 'non-finite' });
    expect(heightLimitShaderParams({ ring: rect(0, 0, 1, 1), limitM: Infinity }, 0)).toEqual({ ok: false, problem: 'invalid-limit' });
    expect(heightLimitShaderParams({ ring: [[0, 0], [NaN, 1], [1, 1]], limitM: 24 }, 0)).toEqual({ ok: false, problem: 'non-finite', ring: 0 });
  });
});

describe('simplifyRings', () => {
  it('never drops a vertex whose shortcut would cut across a hole', () => {
    // The bulge vertex (50, −0.2) has the smallest triangle, but the hole reaches into it.
    const outer: Ring = [[0, 0], [50, -0.2], [100, 0], [100, 100], [0, 100]];
    const hole: Ring = [[50, -0.1], [45, 5], [55, 5]];
    const s = simplifyRings([outer, hole], 7);
    if (!s) throw new Error('refused');
    expect(s.rings[0]).toEqual([[0, 0], [50, -0.2], [100, 0], [0, 100]]);
    expect(s.rings[1]).toEqual(hole);
    for (const p of s.rings[1]!) expect(pointInPolygon(p, s.rings[0]!)).toBe(true);
    expect(s.maxDeviationM).toBeCloseTo(100 / Math.SQRT2, 9);
  });

  it('keeps a 100-gon simple, with a hole near its rim inside it', () => {
    const outer = circle(100, 100);
    const hole: Ring = [[99.9, 0.5], [99.9, -0.5], [95, -0.5], [95, 0.5]];
    const s = simplifyRings([outer, hole], 40);
    if (!s) throw new Error('refused');
    expect(s.rings[0]!.length + s.rings[1]!.length).toBeLessThanOrEqual(40);
    expect(ringProblem(s.rings[0]!)).toBeNull();
    for (const p of s.rings[1]!) expect(pointInPolygon(p, s.rings[0]!)).toBe(true);
  });

  it('refuses an input over the cap rather than stalling', () => {
    expect(simplifyRings([circle(MAX_SIMPLIFY_INPUT_VERTICES + 1, 100)], 64)).toBeNull();
  });

  it('drops collinear vertices first, leaving the shape exact', () => {
    const dense: Ring = [];
    for (let i = 0; i < 10; i++) dense.push([i, 0]);
    for (let i = 0; i < 10; i++) dense.push([10, i]);
    for (let i = 10; i > 0; i--) dense.push([i, 10]);
    for (let i = 10; i > 0; i--) dense.push([0, i]);
    const s = simplifyRings([dense], 4);
    if (!s) throw new Error('refused');
    expect(s.rings[0]).toHaveLength(4);
    expect(polygonArea(s.rings[0]!)).toBe(100);
    expect(s.maxDeviationM).toBe(0);
  });
});
