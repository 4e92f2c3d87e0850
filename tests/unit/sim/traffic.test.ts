import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/sim/Simulation';
import { STOP_LINE_BACKOFF_M } from '../../../src/sim/traffic/Traffic';
import { LANE_WIDTH_M } from '../../../src/sim/traffic/vehicleClasses';
import { distanceToPolyline, grid, irregularGraph, weekdayAt } from './fixtures';

describe('vehicles stay on roads', () => {
  for (const [name, graph] of [['grid', grid()], ['irregular (curves, one-ways, dead end, fragment)', irregularGraph()]] as const) {
    it(`keeps every vehicle within its lanes of its edge polyline on the ${name} graph`, () => {
      const sim = new Simulation({ graph, zoneId: 'jiading', seed: 3, startSimMs: weekdayAt(8) });
      const pos = [0, 0, 0];
      let checked = 0, worst = 0;
      for (let step = 0; step < 1600; step++) {
        sim.step();
        if (step % 40 !== 0) continue;
        for (const v of sim.traffic.byId.values()) {
          const link = sim.net.links[v.link]!;
          sim.traffic.position(v, pos);
                // The polyline is the road centreline; lanes sit beside it.
          const d = distanceToPolyline(pos[0]!, pos[1]!, link.xs, link.ys);
          worst = Math.max(worst, d - (v.lane + 1) * LANE_WIDTH_M);
          expect(Number.isFinite(pos[0]!) && Number.isFinite(pos[1]!)).toBe(true);
          expect(v.s).toBeGreaterThanOrEqual(0);
          expect(v.s).toBeLessThanOrEqual(link.length);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(1000);
      expect(worst).toBeLessThan(0.01);
    });
  }

  it('only drives in the drivable part of the graph (never onto the isolated fragment)', () => {
    const sim = new Simulation({ graph: irregularGraph(), zoneId: 'jiading', seed: 5, startSimMs: weekdayAt(12) });
    sim.advance(300_000);
    const fragment = sim.net.links.filter((l) => l.edgeId === sim.net.links.find((x) => x.xs[0] === 3000 || x.xs[0] === 3100)?.edgeId);
    for (const v of sim.traffic.byId.values()) expect(fragment.map((l) => l.index)).not.toContain(v.link);
  });

  it('keeps vehicles in a lane ordered with positive gaps (no overlaps)', () => {
    const sim = new Simulation({ graph: grid(), zoneId: 'jiading', seed: 11, startSimMs: weekdayAt(18) });
    for (let i = 0; i < 1200; i++) sim.step();
    for (const l of sim.net.links) {
      for (let lane = 0; lane < l.lanes; lane++) {
        const q = sim.traffic.laneQueue(l.index, lane);
        for (let i = 1; i < q.length; i++) expect(q[i - 1]!.s - q[i - 1]!.profile.idm.lengthM - q[i]!.s).toBeGreaterThan(-1e-6);
      }
    }
  });
});

describe('signals', () => {
  it('never lets a vehicle cross a stop line on red, while plenty cross on green and queue on red', () => {
    const sim = new Simulation({ graph: grid(7, 6, 220), zoneId: 'jiading', seed: 21, startSimMs: weekdayAt(8) });
    const colours = { green: 0, amber: 0, red: 0 };
    sim.traffic.onCrossing = (c) => colours[c.color]++;
    let queuedAtRed = 0;
    for (let i = 0; i < (20 * 60) / sim.stepS; i++) {
      sim.step();
      if (i % 80 !== 0) continue;
      for (const v of sim.traffic.byId.values()) {
        const sig = sim.signals.signalAt(v.link);
        const L = sim.net.links[v.link]!;
        if (sig?.color === 'red' && v.v < 0.1 && L.length - STOP_LINE_BACKOFF_M - v.s < v.profile.idm.minGapM + 1) queuedAtRed++;
      }
    }
    expect(colours.red).toBe(0);
    expect(colours.green).toBeGreaterThan(500);
    expect(queuedAtRed).toBeGreaterThan(10);
  });

  it('never shows green to both movements of a junction, and counts down', () => {
    const sim = new Simulation({ graph: grid(), zoneId: 'jiading', seed: 2, startSimMs: weekdayAt(9) });
    expect(sim.signals.junctions.length).toBeGreaterThan(5);
    let prevRemaining = new Map<number, number>();
    for (let i = 0; i < 240 / sim.stepS; i++) {
      sim.step();
      sim.signals.junctions.forEach((j, ji) => {
        const groups = new Map<0 | 1, string>();
        for (const a of sim.signals.approaches(ji)) groups.set(j.groupOfLink.get(a.link)!, a.state.color);
        if (groups.size === 2) expect(groups.get(0) === 'green' && groups.get(1) === 'green').toBe(false);
        const first = sim.signals.approaches(ji)[0]!.state;
        expect(first.remainingS).toBeGreaterThan(0);
        expect(first.remainingS).toBeLessThanOrEqual(j.cycleS);
        const prev = prevRemaining.get(ji);
        if (prev !== undefined && first.remainingS < prev) expect(prev - first.remainingS).toBeCloseTo(sim.stepS, 6);
      });
      prevRemaining = new Map(sim.signals.junctions.map((_, ji) => [ji, sim.signals.approaches(ji)[0]!.state.remainingS]));
    }
  });
});

describe('time-of-day demand', () => {
  it('runs more background traffic at the morning peak than at 3 am', () => {
    const at = (h: number) => {
      const sim = new Simulation({ graph: grid(), zoneId: 'jiading', seed: 4, startSimMs: weekdayAt(h) });
      sim.advance(60_000);
      const c = sim.vehicleCounts();
      return c.car + c.truck;
    };
    expect(at(8)).toBeGreaterThan(at(3) * 4);
  });

  it('keeps buses on their lines, stopping at stops with arrival predictions', () => {
    const sim = new Simulation({ graph: grid(8, 6, 300), zoneId: 'jiading', seed: 8, startSimMs: weekdayAt(10) });
    expect(sim.busLines.length).toBeGreaterThan(0);
    const buses = [...sim.traffic.byId.values()].filter((v) => v.cls === 'bus');
    expect(buses.length).toBe(sim.fleet.bus);
    const served = new Set<string>();
    for (let i = 0; i < 600 / sim.stepS; i++) {
      sim.step();
      for (const b of buses) {
        const run = b.bus!;
        expect(run.line.path[run.pathIndex]).toBe(b.link);
        if (run.dwellUntilS > 0) served.add(`${b.id}:${run.nextStop}`);
      }
    }
    expect(served.size).toBeGreaterThan(buses.length);
  });
});
