import { describe, expect, it } from 'vitest';
import { vehicleSchema } from '../../../src/feed/protocol/entities';
import { isPlainVehicle, isVehicleCore } from '../../../src/feed/protocol/v2/checks';
import { MAX_EPOCH_MS, MIN_EPOCH_MS } from '../../../src/feed/protocol/limits';

const good = { id: 'veh-1', cls: 'car', lonDeg: 121.17, latDeg: 31.28, headingDeg: 90, speedMps: 12.5, ts: 1_780_000_000_000 };

/** One field changed to each value: what a broken or hostile feed sends. */
const variants: [string, unknown[]][] = [
  ['id', ['', 'x'.repeat(65), 'x'.repeat(64), 'a b', '车', 7, null, undefined, 'A-z_0.9:x']],
  ['cls', ['bus', 'robotaxi', 'plane', '', 3, undefined]],
  ['lonDeg', [-180, 180, 180.0001, -181, Number.NaN, Infinity, -Infinity, '121', null, undefined, 1e308]],
  ['latDeg', [-90, 90, 90.5, Number.NaN, Infinity, '31', undefined]],
  ['headingDeg', [0, 360, 360.01, -0.01, Number.NaN, Infinity, '90', undefined]],
  ['speedMps', [0, 100, 100.1, -1, Number.NaN, Infinity, null, undefined]],
  ['automation', [0, 5, 6, -1, 2.5, Number.NaN, '3', null, undefined]],
  ['ts', [MIN_EPOCH_MS, MAX_EPOCH_MS, MIN_EPOCH_MS - 1, MAX_EPOCH_MS + 1, 1.5e12 + 0.5, Number.NaN, Infinity, '1', null, undefined]],
];

describe('hand-written vehicle checks agree with vehicleSchema', () => {
  it('on every single-field variant of a valid vehicle', () => {
    expect(isPlainVehicle(good)).toBe(true);
    let cases = 0;
    for (const [field, values] of variants) {
      for (const value of values) {
        const v: Record<string, unknown> = { ...good, [field]: value };
        if (value === undefined) delete v[field];
        const zod = vehicleSchema.safeParse(v).success;
        expect(isPlainVehicle(v), `${field} = ${String(value)}`).toBe(zod);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(60);
  });

  it('on values that are not vehicles, and extra keys (zod strips them; the fast path ignores them)', () => {
    for (const x of [null, undefined, 0, 'car', [], [good], { ...good, extra: { deep: true } }]) {
      expect(isPlainVehicle(x), JSON.stringify(x)).toBe(vehicleSchema.safeParse(x).success);
    }
  });

  it('leaves vehicles with route or line to zod, and trusts a known id without its pattern', () => {
    const withRoute = { ...good, route: 'r1' };
    expect(vehicleSchema.safeParse(withRoute).success).toBe(true);
    expect(isPlainVehicle(withRoute)).toBe(false);
    expect(isVehicleCore(withRoute)).toBe(true);
    expect(isVehicleCore({ ...good, id: 'has space' }, (id) => id === 'has space')).toBe(true);
    expect(isVehicleCore({ ...good, id: 'has space' }, () => false)).toBe(false);
  });
});
