/**
 * The engine on geometry whose answer is known in closed form. Expected hours come from the same
 * solar model sampled finely (10 s, transitions refined by bisection), not from the engine's own
 * minute steps, so the comparison measures the time-step error: it must stay within one step.
 */
import { describe, expect, it } from 'vitest';
import { buildCasterBvh } from '../../../src/analysis/sunlight/casters';
import { RAY_OFFSET_M, runSunlight } from '../../../src/analysis/sunlight/engine';
import { resolveProfile, type Profile } from '../../../src/analysis/sunlight/profiles';
import { sunPosition } from '../../../src/analysis/sunlight/solarPosition';
import { standardDay } from '../../../src/analysis/sunlight/solarTerms';
import { trueSolarToUtc } from '../../../src/analysis/sunlight/solarTime';
import type { Receiver } from '../../../src/analysis/sunlight/types';
import { box, receiver, SH_LAT, SH_LON, YEAR } from './fixtures';

const DAHAN = resolveProfile('gb50180-dahan');

function run(receivers: Receiver[], casters: ReturnType<typeof buildCasterBvh>, profile: Profile = DAHAN) {
  return runSunlight({ receivers, casters, profile, latDeg: SH_LAT, lonDeg: SH_LON, year: YEAR, keepLitMask: true });
}

/** Minutes of the window in which `lit(alt, az)` holds, found on a 10 s grid and refined by bisection. */
function exactLitMinutes(profile: Profile, lit: (altRad: number, azRad: number) => boolean): number {
  const day = standardDay(YEAR, profile.term);
  const at = (tst: number): boolean => {
    const s = sunPosition(trueSolarToUtc(day, tst, SH_LON), SH_LAT, SH_LON);
    return s.altitudeRad > 0 && lit(s.altitudeRad, s.azimuthRad);
  };
  const dt = 10 / 3600;
  let total = 0;
  let prevT = profile.windowStartTst;
  let prev = at(prevT);
  for (let t = prevT + dt; t <= profile.windowEndTst + 1e-12; t += dt) {
    const cur = at(t);
    let edge = t;
    if (cur !== prev) {
      let a = prevT, b = t;
      for (let i = 0; i < 20; i++) {
        const m = (a + b) / 2;
        if (at(m) === prev) a = m;
        else b = m;
      }
      edge = (a + b) / 2;
      if (prev) total += edge - prevT;
      else total += t - edge;
    } else if (cur) {
      total += t - prevT;
    }
    prevT = t;
    prev = cur;
  }
  return total * 60;
}

const SOUTH: [number, number] = [0, -1];
const NORTH: [number, number] = [0, 1];

describe('runSunlight: analytic cases', () => {
  it('an unobstructed south window gets the whole 08–16 TST window on 大寒日 (8 h), its own building notwithstanding', () => {
    // The receiver sits on the south wall of its own 30 m block; the 5 cm offset keeps the wall out.
    const casters = buildCasterBvh([box('self', -10, 0, 10, 12, 30)]);
    const r = run([receiver('s', [0, 0, 0.9], SOUTH), receiver('s-top', [0, 0, 27.9], SOUTH)], casters);
    for (const x of r.receivers) {
      expect(x.hours).toBe(8);
      expect(x.longestContinuousH).toBe(8);
      expect(x.pass).toBe(true);
    }
    expect(r.times).toHaveLength(480);
    expect(r.standardDay).toEqual({ y: 2027, m: 1, d: 20 });
  });

  it('a north window gets 0 h: the 大寒 sun never crosses its facade plane', () => {
    const casters = buildCasterBvh([box('self', -10, -12, 10, 0, 30)]);
    const r = run([receiver('n', [0, 0, 0.9], NORTH)], casters);
    expect(r.receivers[0]!.hours).toBe(0);
    expect(r.receivers[0]!.pass).toBe(false);
    expect(r.failed).toBe(1);
  });

  // A wall of height H whose near face is D south of the window, 4 km long so no ray passes its ends.
  const cases: [number, number, number][] = [
    // [H, D, receiver height]
    [20, 30, 0.9], [30, 60, 0.9], [24, 40, 0.9], [45, 90, 0.9], [15, 20, 0.9], [60, 150, 0.9], [40, 40, 12.9], [30, 30, 0.9],
  ];
  const errors: number[] = [];
  const rows: string[] = [];
  it.each(cases)('a wall H = %d m at D = %d m south of a window at %d m: lit while alt > atan((H − z) / (D / cos(az − 180°)))', (H, D, z) => {
    const casters = buildCasterBvh([box('wall', -2000, -D - 0.5, 2000, -D, H)]);
    const res = run([receiver('w', [0, 0, z], SOUTH)], casters).receivers[0]!;
    // The rays start RAY_OFFSET_M in front of the facade, so that is the distance the sun must clear.
    const d = D - RAY_OFFSET_M;
    const expectedMin = exactLitMinutes(DAHAN, (alt, az) => {
      const cosPsi = -Math.cos(az);
      return cosPsi <= 0 || Math.tan(alt) > ((H - z) * cosPsi) / d;
    });
    const gotMin = res.longestContinuousH * 60;
    errors.push(Math.abs(gotMin - expectedMin));
    rows.push(`H ${H} D ${D} z ${z}: exact ${expectedMin.toFixed(2)} min, engine ${gotMin.toFixed(0)} min`);
    expect(Math.abs(gotMin - expectedMin)).toBeLessThanOrEqual(DAHAN.stepMin);
    // One wall leaves one lit segment around noon (or none): cumulative and continuous agree.
    expect(Math.abs(res.hours - res.longestContinuousH)).toBeLessThan(1e-9);
    if (H === cases.at(-1)![0] && D === cases.at(-1)![1]) console.info(`wall cases: max |error| ${Math.max(...errors).toFixed(3)} min over ${errors.length} cases\n${rows.join('\n')}`);
  });

  it('a tower due south splits the day: cumulative adds both segments, continuous takes the longer', () => {
    const casters = buildCasterBvh([box('tower', -5, -40, 5, -30, 200)]);
    const cum = run([receiver('t', [0, 0, 0.9], SOUTH)], casters).receivers[0]!;
    const cont = run([receiver('t', [0, 0, 0.9], SOUTH)], casters, resolveProfile('gb50180-dahan', { mode: 'continuous' })).receivers[0]!;
    const mask = cum.litMask!;
    const lit = mask.reduce((a, b) => a + b, 0);
    expect(cum.hours).toBeCloseTo(lit / 60, 9);
    expect(cum.hours).toBeGreaterThan(cum.longestContinuousH + 1);
    expect(cont.hours).toBeCloseTo(cum.longestContinuousH, 9);
    // The tower's angular half-width seen from the ray origin is atan(5 / (30 − offset)) at its near corners.
    const expectedMin = exactLitMinutes(DAHAN, (_alt, az) => {
      const psi = az - Math.PI;
      return Math.abs(Math.tan(psi)) > 5 / (30 - RAY_OFFSET_M) || Math.cos(psi) <= 0;
    });
    expect(Math.abs(cum.hours * 60 - expectedMin)).toBeLessThanOrEqual(DAHAN.stepMin);
  });

  it('a short sliver of sun through a gap counts only when it is at least the shortest counted segment', () => {
    // Two 200 m towers 4 m apart leave a slot that the sun crosses around noon for a few minutes.
    const casters = buildCasterBvh([box('a', -60, -30, -2, -20, 200), box('b', 2, -30, 60, -20, 200)]);
    const r = [receiver('g', [0, 0, 0.9], SOUTH)];
    const base = run(r, casters, resolveProfile('gb50180-dahan', { minSegmentMin: 0 })).receivers[0]!;
    const sliverMin = base.longestContinuousH * 60;
    expect(sliverMin).toBeGreaterThan(5);
    expect(sliverMin).toBeLessThan(60);
    expect(base.hours).toBeCloseTo(base.longestContinuousH, 9);
    const shorter = run(r, casters, resolveProfile('gb50180-dahan', { minSegmentMin: Math.floor(sliverMin) })).receivers[0]!;
    expect(shorter.hours).toBeCloseTo(base.hours, 9);
    const longer = run(r, casters, resolveProfile('gb50180-dahan', { minSegmentMin: sliverMin + 1 })).receivers[0]!;
    expect(longer.hours).toBe(0);
    expect(longer.longestContinuousH).toBeCloseTo(base.longestContinuousH, 9);
  });

  it('满窗: a window width never adds hours, and near an obstacle removes some', () => {
    const casters = buildCasterBvh([box('tower', -5, -40, 5, -30, 200), box('wall', -2000, -61, 2000, -60, 35)]);
    const r = [receiver('m', [3, 0, 0.9], SOUTH)];
    const centre = run(r, casters).receivers[0]!;
    const wide = run(r, casters, resolveProfile('gb50180-dahan', { windowWidthM: 3 })).receivers[0]!;
    expect(wide.hours).toBeLessThan(centre.hours);
    for (let k = 0; k < centre.litMask!.length; k++) expect(wide.litMask![k]!).toBeLessThanOrEqual(centre.litMask![k]!);
  });

  it('excludeBuildingId ignores one building’s hits', () => {
    const casters = buildCasterBvh([box('wall', -2000, -31, 2000, -30, 60)]);
    const r = [receiver('x', [0, 0, 0.9], SOUTH)];
    expect(run(r, casters).receivers[0]!.hours).toBe(0);
    const free = runSunlight({ receivers: r, casters, profile: DAHAN, latDeg: SH_LAT, lonDeg: SH_LON, year: YEAR, excludeBuildingId: () => 'wall' });
    expect(free.receivers[0]!.hours).toBe(8);
  });
});
