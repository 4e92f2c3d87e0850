import { describe, expect, it } from 'vitest';
import type { Section } from '../../../src/analysis/section/types';
import { formatSection, parseSection } from '../../../src/analysis/section/url';
import { describeProblem, validateSection } from '../../../src/analysis/section/validate';

describe('section URL values', () => {
  it('writes a box and a plane compactly, rounded to centimetres', () => {
    expect(formatSection({ kind: 'box', centre: [12.3456, -7.891, 30], size: [40, 20.004, 60], headingDeg: 30.123 })).toBe(
      'box:12.35_-7.89_30_40_20_60_30.12',
    );
    expect(formatSection({ kind: 'plane', point: [0, -0.001, 10], normal: [0, 0, 1] })).toBe('plane:0_0_10_0_0_1');
  });

  it('round-trips boxes and planes to within the rounding', () => {
    const cases: Section[] = [
      { kind: 'box', centre: [1234.567, -987.654, 45.5], size: [120.25, 80, 90.01], headingDeg: 359.996 },
      { kind: 'box', centre: [0, 0, 0], size: [1, 1, 1], headingDeg: -90 },
      { kind: 'plane', point: [-50.5, 20.25, 0], normal: [Math.SQRT1_2, Math.SQRT1_2, 0] },
      { kind: 'plane', point: [3, 4, 5], normal: [0.6, 0, -0.8] },
    ];
    for (const s of cases) {
      const text = formatSection(s);
      const r = parseSection(text);
      expect(r.ok, text).toBe(true);
      if (!r.ok) continue;
      // Parsing a formatted value and formatting again is stable.
      expect(formatSection(r.section)).toBe(text);
      if (s.kind === 'box' && r.section.kind === 'box') {
        r.section.centre.forEach((v, i) => expect(Math.abs(v - s.centre[i]!)).toBeLessThanOrEqual(0.005));
        r.section.size.forEach((v, i) => expect(Math.abs(v - s.size[i]!)).toBeLessThanOrEqual(0.005));
        expect(r.section.headingDeg).toBeGreaterThanOrEqual(0);
        expect(r.section.headingDeg).toBeLessThan(360);
      }
      if (s.kind === 'plane' && r.section.kind === 'plane') {
        expect(Math.hypot(...r.section.normal)).toBeCloseTo(1, 12);
        r.section.normal.forEach((v, i) => expect(v).toBeCloseTo(s.normal[i]!, 4));
      }
    }
    const wrapped = parseSection(formatSection(cases[0]!));
    expect(wrapped.ok && wrapped.section.kind === 'box' && wrapped.section.headingDeg).toBe(0);
  });

  it.each([
    ['', 'empty'],
    ['box', 'expected "box:" or "plane:"'],
    ['cube:1_2_3_4_5_6_7', 'unknown section kind "cube"'],
    ['box:1_2_3_4_5_6', 'box needs 7 numbers, got 6'],
    ['plane:1_2_3_0_0_1_9', 'plane needs 6 numbers, got 7'],
    ['box:1_2_3_4_5_x_0', 'value 6 ("x") is not a number'],
    ['box:1_2_3_4_5_1e3_0', 'value 6 ("1e3") is not a number'],
    ['box:1_2_Infinity_4_5_6_0', 'value 3 ("Infinity") is not a number'],
    ['box:1_2_3__5_6_0', 'value 4 ("") is not a number'],
    ['box:1_2_3_0_5_6_0', 'size[0] = 0 must be greater than 0'],
    ['box:1_2_3_-4_5_6_0', 'size[0] = -4 must be greater than 0'],
    ['box:1_2_3_4_5_60000_0', 'size[2] = 60000 is over 50000 m'],
    ['box:1_200000_3_4_5_6_0', 'centre[1] = 200000 is more than 100000 m from the zone origin'],
    ['plane:0_0_10_0_0_0', 'the normal has length 0, not 1'],
    ['plane:0_0_10_0_0_2', 'the normal has length 2, not 1'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseSection(text)).toEqual({ ok: false, reason });
  });

  it('refuses very long input before reading it', () => {
    const r = parseSection(`box:${'1_'.repeat(200)}1`);
    expect(r.ok).toBe(false);
  });
});

describe('validateSection', () => {
  it('accepts good sections and names each bad field', () => {
    expect(validateSection({ kind: 'box', centre: [0, 0, 0], size: [1, 2, 3], headingDeg: 10 })).toEqual([]);
    expect(validateSection({ kind: 'plane', point: [0, 0, 0], normal: [0, 1, 0] })).toEqual([]);
    expect(validateSection({ kind: 'box', centre: [Number.NaN, 0, 0], size: [1, 0, 3], headingDeg: Infinity })).toEqual([
      { code: 'not-finite', field: 'centre[0]' },
      { code: 'size-not-positive', field: 'size[1]', value: 0 },
      { code: 'not-finite', field: 'headingDeg' },
    ]);
    expect(validateSection({ kind: 'plane', point: [0, 0, 0], normal: [0, Number.NaN, 1] })).toEqual([{ code: 'not-finite', field: 'normal[1]' }]);
    expect(validateSection({ kind: 'plane', point: [0, 0, 0], normal: [0, 0.5, 0] })).toEqual([{ code: 'normal-not-unit', length: 0.5 }]);
    expect(validateSection({ kind: 'sphere' } as unknown as Section)).toEqual([{ code: 'unknown-kind' }]);
    expect(validateSection(null as unknown as Section)).toEqual([{ code: 'unknown-kind' }]);
    expect(describeProblem({ code: 'not-finite', field: 'size[2]' })).toBe('size[2] is not a finite number');
  });
});
