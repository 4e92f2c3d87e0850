/** The caster mesh, the BVH's hit → building map, and the shadow-reach filter. */
import { DoubleSide, Ray, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { buildCasterBvh, bvhFromArrays, casterArrays, castersWithinReach, minSunAltitudeRad } from '../../../src/analysis/sunlight/casters';
import { PROFILES } from '../../../src/analysis/sunlight/profiles';
import { facadeReceivers } from '../../../src/analysis/sunlight/receivers';
import { box, rect, SH_LAT } from './fixtures';

describe('casters', () => {
  it('extrudes walls and roofs (holes as courtyards) and skips unusable buildings', () => {
    const a = casterArrays([
      box('a', 0, 0, 10, 10, 20),
      { id: 'court', footprint: rect(20, 0, 60, 40), holes: [rect(30, 10, 50, 30).reverse()], heightM: 9 },
      { id: 'flat', footprint: rect(0, 0, 1, 1), heightM: 0 },
      { id: 'nan', footprint: [[0, 0], [NaN, 1], [1, 1]], heightM: 5 },
    ]);
    expect(a.ids).toEqual(['a', 'court']);
    // Box: 4 walls × 2 + roof 2 = 10. Courtyard: 8 walls × 2 + a ring roof of 8 triangles = 24.
    expect(a.index.length / 3).toBe(10 + 24);
    expect(a.triBuilding.length).toBe(34);
    expect(Math.max(...a.positions.filter((_, i) => i % 3 === 2))).toBe(20);
  });

  it('maps a hit back to its building, after the BVH has reordered the triangles, and keeps the caller’s arrays', () => {
    const arrays = casterArrays([box('west', -20, 10, -10, 20, 30), box('east', 10, 10, 20, 20, 30), box('north', -5, 40, 5, 50, 30)]);
    const before = arrays.index.slice();
    const idx = bvhFromArrays(arrays);
    expect(arrays.index).toEqual(before);
    const hitId = (dx: number, dy: number): string | null => {
      const h = idx.bvh.raycastFirst(new Ray(new Vector3(0, 0, 5), new Vector3(dx, dy, 0).normalize()), DoubleSide);
      return h ? idx.ids[idx.triBuilding[h.faceIndex!]!]! : null;
    };
    expect(hitId(-1, 1)).toBe('west');
    expect(hitId(1, 1)).toBe('east');
    expect(hitId(0, 1)).toBe('north');
    expect(hitId(0, -1)).toBeNull();
    // Roof from above.
    const h = idx.bvh.raycastFirst(new Ray(new Vector3(15, 15, 100), new Vector3(0, 0, -1)), DoubleSide);
    expect(h!.point.z).toBeCloseTo(30, 5);
    expect(idx.ids[idx.vertexBuilding[h!.face!.a]!]).toBe('east');
  });

  it('an empty caster set still answers ray casts (with no hits)', () => {
    const idx = buildCasterBvh([]);
    expect(idx.bvh.raycastFirst(new Ray(new Vector3(0, 0, 1), new Vector3(0, 0, 1)), DoubleSide)).toBeNull();
  });
});

describe('castersWithinReach', () => {
  it('uses the lowest sun of the window: ~12.8° at 08:00 TST on 大寒日 in Shanghai, a reach of ~4.4 H', () => {
    const alt = (minSunAltitudeRad(PROFILES['gb50180-dahan'], SH_LAT) * 180) / Math.PI;
    expect(alt).toBeGreaterThan(12.6);
    expect(alt).toBeLessThan(13.0);
    expect(1 / Math.tan((alt * Math.PI) / 180)).toBeCloseTo(4.4, 1);
    // 冬至 09:00–15:00: the sun is higher at the window ends than on 大寒 at 08:00.
    expect(minSunAltitudeRad(PROFILES['shanghai-dongzhi-continuous'], SH_LAT)).toBeGreaterThan((alt * Math.PI) / 180);
  });

  it('keeps buildings within height / tan(min altitude) of any receiver, whatever their direction', () => {
    const receivers = facadeReceivers([{ id: 'r', footprint: rect(0, 0, 20, 10), heightM: 9, floors: 3 }], { sillHeightM: 0.9 });
    const reachOf = (h: number) => (h - 0.9) * 4.4;
    const all = [
      box('r', 0, 0, 20, 10, 9),
      box('near-30', 0, -10 - reachOf(30) + 5, 20, -10 - reachOf(30) + 15, 30),
      box('far-30', 0, -reachOf(30) - 20, 20, -reachOf(30) - 10, 30),
      box('tall-far', 200, 0, 210, 10, 100),
      box('east-low', 30, 0, 40, 10, 3),
      box('under', 60, 0, 70, 10, 0.5),
    ];
    const ids = castersWithinReach(all, receivers, PROFILES['gb50180-dahan'], SH_LAT).map((b) => b.id);
    expect(ids).toEqual(['r', 'near-30', 'tall-far', 'east-low']);
  });
});
