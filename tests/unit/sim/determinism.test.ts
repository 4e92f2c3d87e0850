import { describe, expect, it } from 'vitest';
import { hashString } from '../../../src/core/rng';
import { Simulation } from '../../../src/sim/Simulation';
import { grid, irregularGraph, weekdayAt } from './fixtures';

function trace(sim: Simulation): string {
  const pos = [0, 0, 0];
  const parts: string[] = [];
  for (const v of sim.traffic.byId.values()) {
    sim.traffic.position(v, pos);
    parts.push(`${v.id}:${pos[0]!.toFixed(3)},${pos[1]!.toFixed(3)},${v.v.toFixed(3)}`);
  }
  for (const r of sim.sensors.latest.values()) parts.push(`${r.id}=${r.value}@${r.simMs}`);
  for (const inc of sim.incidents.list) parts.push(`${inc.id}:${inc.type}:${inc.status}`);
  sim.signals.junctions.forEach((_, ji) => parts.push(sim.signals.approaches(ji).map((a) => a.state.color[0]).join('')));
  return `${parts.length}:${hashString(parts.join('|'))}`;
}

describe('simulator determinism', () => {
  it('replays the same trace for the same seed over 3000 steps (10 simulated minutes)', () => {
    const make = () => new Simulation({ graph: grid(), zoneId: 'jiading', seed: 42, startSimMs: weekdayAt(7, 45) });
    const a = make(), b = make();
    const ta: string[] = [], tb: string[] = [];
    for (let i = 0; i < 3000; i++) {
      a.step();
      b.step();
      if (i % 500 === 499) {
        ta.push(trace(a));
        tb.push(trace(b));
      }
    }
    expect(ta).toEqual(tb);
    expect(a.traffic.count).toBeGreaterThan(50);
  });

  it('produces a different trace for a different seed', () => {
    const a = new Simulation({ graph: grid(), zoneId: 'jiading', seed: 1, startSimMs: weekdayAt(8) });
    const b = new Simulation({ graph: grid(), zoneId: 'jiading', seed: 2, startSimMs: weekdayAt(8) });
    a.advance(60_000);
    b.advance(60_000);
    expect(trace(a)).not.toEqual(trace(b));
  });

  it('does not depend on how the host chunks time (fixed sub-steps)', () => {
    const a = new Simulation({ graph: irregularGraph(), zoneId: 'jiading', seed: 9, startSimMs: weekdayAt(17, 30) });
    const b = new Simulation({ graph: irregularGraph(), zoneId: 'jiading', seed: 9, startSimMs: weekdayAt(17, 30) });
    a.advance(120_000);
    for (let i = 0; i < 1200; i++) b.advance(100);
    expect(a.simMs).toBe(b.simMs);
    expect(trace(a)).toEqual(trace(b));
  });

  it('replays scenarios identically', () => {
    const run = () => {
      const s = new Simulation({ graph: grid(), zoneId: 'yangpu', seed: 'storm', startSimMs: weekdayAt(18) });
      s.scheduleScenario({ name: 'crash', atS: 30, params: {} });
      s.scheduleScenario({ name: 'rainstorm', atS: 10, params: {} });
      s.advance(300_000);
      return trace(s);
    };
    expect(run()).toEqual(run());
  });
});
