import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/sim/network/Network';
import { pm25ToAqi } from '../../../src/sim/sensors/aqi';
import { noiseModel, pm25Model, waterLevelStep } from '../../../src/sim/sensors/models';
import { placeSensors } from '../../../src/sim/sensors/placement';
import { Simulation } from '../../../src/sim/Simulation';
import { zoneProfile } from '../../../src/sim/zones/zoneProfiles';
import { grid, irregularGraph, weekdayAt } from './fixtures';

/** Sensor models do not depend on vehicles; leaving traffic out keeps day-long runs fast. */
const NO_TRAFFIC = { robotaxi: 0, special: 0, bus: 0, backgroundPeak: 0 };

/** Mean reading per sensor type over an hour starting at a given local hour. */
function meanByType(hour: number, seed = 1): Map<string, number> {
  const sim = new Simulation({ graph: grid(), zoneId: 'jiading', seed, startSimMs: weekdayAt(hour), randomIncidents: false, fleet: NO_TRAFFIC });
  const sums = new Map<string, { s: number; n: number }>();
  for (let t = 0; t < 60; t++) {
    sim.advance(60_000);
    for (const r of sim.sensors.pending.splice(0)) {
      const type = sim.sensors.spec(r.id)!.type;
      const e = sums.get(type) ?? { s: 0, n: 0 };
      e.s += r.value;
      e.n++;
      sums.set(type, e);
    }
  }
  return new Map([...sums].map(([k, v]) => [k, v.s / v.n]));
}

describe('sensor daily patterns', () => {
  const rush = meanByType(8);
  const night = meanByType(3);

  it('noise is louder at the 8 am rush than at 3 am, within realistic bounds', () => {
    expect(rush.get('noise')!).toBeGreaterThan(night.get('noise')! + 8);
    expect(rush.get('noise')!).toBeLessThan(85);
    expect(night.get('noise')!).toBeGreaterThan(40);
  });

  it('PM2.5 and AQI are higher at rush hour than at 3 am on average across seeds, and bounded', () => {
    let rushPm = 0, nightPm = 0;
    for (const seed of [1, 2, 3]) {
      rushPm += meanByType(8, seed).get('pm25')!;
      nightPm += meanByType(3, seed).get('pm25')!;
    }
    expect(rushPm).toBeGreaterThan(nightPm);
    expect(rush.get('aqi')!).toBeGreaterThan(0);
    expect(rush.get('aqi')!).toBeLessThan(200);
  });

  it('the model itself: demand raises PM2.5 and noise with the same noise draw', () => {
    const air = { drift: 0 };
    expect(pm25Model(32, weekdayAt(8, 30), air, 0, 0, 0)).toBeGreaterThan(pm25Model(32, weekdayAt(14), air, 0, 0, 0));
    expect(noiseModel(weekdayAt(8), 4, 0, 0)).toBeGreaterThan(noiseModel(weekdayAt(3), 4, 0, 0) + 10);
    for (let h = 0; h < 24; h++) {
      const n = noiseModel(weekdayAt(h), 5, 80, 30);
      expect(n).toBeGreaterThanOrEqual(30);
      expect(n).toBeLessThanOrEqual(100);
    }
  });

  it('AQI follows the HJ 633 PM2.5 breakpoints', () => {
    expect(pm25ToAqi(35)).toBe(50);
    expect(pm25ToAqi(75)).toBe(100);
    expect(pm25ToAqi(55)).toBe(75);
    expect(pm25ToAqi(600)).toBe(500);
    expect(pm25ToAqi(0)).toBe(0);
  });

  it('underpasses stay dry without rain and drain after it', () => {
    let level = 0;
    for (let i = 0; i < 3600; i++) level = waterLevelStep(level, 0, 0.025, 0.6, 1);
    expect(level).toBe(0);
    for (let i = 0; i < 1800; i++) level = waterLevelStep(level, 80, 0.025, 0.6, 1);
    expect(level).toBeGreaterThan(25);
    for (let i = 0; i < 2 * 3600; i++) level = waterLevelStep(level, 0, 0.025, 0.6, 1);
    expect(level).toBe(0);
  });

  it('parking and chargers never exceed capacity; device health stays in 0..100', () => {
    const sim = new Simulation({ graph: grid(), zoneId: 'yangpu', seed: 3, startSimMs: weekdayAt(11), randomIncidents: false, fleet: NO_TRAFFIC });
    for (let t = 0; t < 24 * 6; t++) {
      sim.advance(600_000);
      for (const r of sim.sensors.pending.splice(0)) {
        const spec = sim.sensors.spec(r.id)!;
        expect(Number.isFinite(r.value)).toBe(true);
        if (spec.capacity !== undefined) {
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(spec.capacity);
        }
        if (spec.type === 'rsu' || spec.type === 'pole') expect(r.value).toBeGreaterThanOrEqual(0), expect(r.value).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('sensor placement', () => {
  it('is deterministic and covers every type', () => {
    const a = placeSensors(new Network(grid()), zoneProfile('jiading'));
    const b = placeSensors(new Network(grid()), zoneProfile('jiading'));
    expect(a).toEqual(b);
    const types = new Set(a.map((s) => s.type));
    for (const t of ['pm25', 'aqi', 'noise', 'water_level', 'parking', 'rsu', 'pole', 'ev_charger']) expect(types).toContain(t);
    expect(new Set(a.map((s) => s.id)).size).toBe(a.length);
  });

  it('puts an RSU at every signalised junction', () => {
    const net = new Network(grid());
    const rsus = placeSensors(net, zoneProfile('jiading')).filter((s) => s.type === 'rsu');
    const signalised = net.nodes.filter((n) => n.signalised && n.inLinks.length > 0);
    expect(rsus.map((r) => r.nodeId).sort()).toEqual(signalised.map((n) => n.id).sort());
  });

  it('puts Yangpu riverside parking lots towards the river', () => {
    const net = new Network(grid(8, 8, 250));
    const profile = zoneProfile('yangpu');
    const [rx, ry] = profile.riverward!;
    const lots = placeSensors(net, profile).filter((s) => s.type === 'parking');
    expect(lots.length).toBe(profile.parkingLots);
    const proj = net.nodes.map((n) => n.x * rx + n.y * ry).sort((x, y) => x - y);
    const median = proj[Math.floor(proj.length / 2)]!;
    for (const l of lots) expect(l.x * rx + l.y * ry).toBeGreaterThan(median);
  });

  it('works on an irregular graph with no names', () => {
    const specs = placeSensors(new Network(irregularGraph()), zoneProfile('westbund'));
    expect(specs.filter((s) => s.type === 'water_level').length).toBeGreaterThan(0);
    for (const s of specs) expect(Number.isFinite(s.x) && Number.isFinite(s.y)).toBe(true);
  });
});
