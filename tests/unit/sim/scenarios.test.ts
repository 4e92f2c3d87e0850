import { describe, expect, it } from 'vitest';
import { parseScenarioList } from '../../../src/sim/scenarios/scenarios';
import { Simulation } from '../../../src/sim/Simulation';
import { grid, weekdayAt } from './fixtures';

const base = (zone = 'jiading', hour = 10) => new Simulation({ graph: grid(), zoneId: zone, seed: 12, startSimMs: weekdayAt(hour), randomIncidents: false });

describe('scenarios', () => {
  it('rainstorm raises underpass water until the alarm, opening a flood incident', () => {
    const sim = base();
    const underpass = sim.sensors.specs.find((s) => s.type === 'water_level')!;
    sim.advance(600_000);
    expect(sim.sensors.waterLevel(underpass.id)).toBe(0);
    sim.trigger('rainstorm');
    let alarmAt = -1;
    for (let min = 1; min <= 60 && alarmAt < 0; min++) {
      sim.advance(60_000);
      if (sim.incidents.list.some((i) => i.type === 'underpass_flood' && i.status === 'active')) alarmAt = min;
    }
    expect(alarmAt).toBeGreaterThan(5);
    expect(sim.sensors.waterLevel(underpass.id) >= underpass.thresholds!.alarm || sim.sensors.specs.some((s) => s.type === 'water_level' && sim.sensors.waterLevel(s.id) >= 25)).toBe(true);
    const reading = sim.sensors.latest.get(underpass.id)!;
    expect(reading.value).toBeGreaterThan(0);
    // After the storm passes, the pumps win and the incident resolves.
    sim.advance(3 * 3600_000);
    expect(sim.incidents.list.filter((i) => i.type === 'underpass_flood' && i.status !== 'resolved')).toHaveLength(0);
  });

  it('crash causes congestion upstream: queue on the crash link spills back into the links feeding it', () => {
    const crashLink = (() => {
      const twin = base('jiading', 8);
      twin.advance(120_000);
      twin.trigger('crash');
      return twin.incidents.list.find((i) => i.type === 'crash')!.link!;
    })();
    const run = (crash: boolean) => {
      const sim = base('jiading', 8);
      sim.advance(120_000);
      if (crash) {
        sim.trigger('crash');
        expect(sim.incidents.list.find((i) => i.type === 'crash')!.link).toBe(crashLink);
      }
      sim.advance(15 * 60_000);
      const L = sim.net.links[crashLink]!;
      const upstream = sim.net.nodes[L.from]!.inLinks.filter((li) => !sim.net.isUTurn(sim.net.links[li]!, L));
      let queued = 0, waitingUpstream = 0;
      for (let lane = 0; lane < L.lanes; lane++) queued += sim.traffic.laneQueue(crashLink, lane).filter((v) => v.v < 1).length;
      for (const li of upstream) {
        for (let lane = 0; lane < sim.net.links[li]!.lanes; lane++) {
          waitingUpstream += sim.traffic.laneQueue(li, lane).filter((v) => v.next === crashLink && v.v < 1).length;
        }
      }
      const upstreamSpeed = upstream.reduce((a, li) => a + sim.segments.speed[li]!, 0) / upstream.length;
      return { speed: sim.segments.speed[crashLink]!, queued, waitingUpstream, upstreamSpeed, level: sim.segments.level[crashLink]! };
    };
    const withCrash = run(true);
    const without = run(false);
    expect(withCrash.speed).toBeLessThan(without.speed * 0.5);
    expect(withCrash.queued).toBeGreaterThan(without.queued + 5);
    expect(withCrash.level).toBeGreaterThanOrEqual(2);
    expect(withCrash.waitingUpstream).toBeGreaterThan(without.waitingUpstream);
    expect(withCrash.upstreamSpeed).toBeLessThan(without.upstreamSpeed);
  });

  it('a crash clears: lanes reopen and the incident goes clearing → resolved', () => {
    const sim = base();
    sim.trigger('crash');
    const inc = sim.incidents.list[0]!;
    const seen = new Set<string>();
    for (let m = 0; m < 60; m++) {
      sim.advance(60_000);
      const now = sim.incidents.list.find((i) => i.id === inc.id);
      if (now) seen.add(now.status);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['active', 'clearing', 'resolved']));
    expect(sim.incidents.obstaclesOn(inc.link!)).toHaveLength(0);
  });

  it('sensor-silent stops a sensor reporting; others carry on', () => {
    const sim = base();
    sim.advance(180_000);
    sim.trigger('sensor-silent', { sensorId: 'noise-01' });
    const before = sim.sensors.latest.get('noise-01')!.simMs;
    sim.sensors.pending.length = 0;
    sim.advance(600_000);
    const ids = new Set(sim.sensors.pending.map((r) => r.id));
    expect(ids.has('noise-01')).toBe(false);
    expect(ids.has('noise-02')).toBe(true);
    expect(sim.sensors.latest.get('noise-01')!.simMs).toBe(before);
  });

  it('rsu-fail reports health 0 with bad quality and raises an RSU fault until it recovers', () => {
    const sim = base();
    sim.trigger('rsu-fail', { sensorId: 'rsu-02', durationS: 600 });
    sim.advance(120_000);
    const r = sim.sensors.latest.get('rsu-02')!;
    expect(r.value).toBe(0);
    expect(r.quality).toBe('bad');
    expect(sim.incidents.list.some((i) => i.type === 'rsu_fault' && i.sensorId === 'rsu-02' && i.status === 'active')).toBe(true);
    expect(sim.sensors.latest.get('rsu-01')!.quality).toBe('good');
    sim.advance(900_000);
    expect(sim.sensors.latest.get('rsu-02')!.quality).toBe('good');
    expect(sim.incidents.list.filter((i) => i.type === 'rsu_fault' && i.status !== 'resolved')).toHaveLength(0);
  });

  it('parses scenario lists with times and rejects unknown names', () => {
    expect(parseScenarioList('rainstorm, crash@300').scheduled).toEqual([
      { name: 'rainstorm', atS: 0, params: {} }, { name: 'crash', atS: 300, params: {} },
    ]);
    expect(parseScenarioList('earthquake').errors[0]).toMatch(/unknown scenario/);
    expect(parseScenarioList('crash@-5').errors[0]).toMatch(/bad time/);
  });

  it('scheduled scenarios fire at their simulated time', () => {
    const sim = base();
    sim.scheduleScenario({ name: 'crash', atS: 90, params: {} });
    sim.advance(89_000);
    expect(sim.incidents.list).toHaveLength(0);
    sim.advance(2_000);
    expect(sim.incidents.list).toHaveLength(1);
    expect(sim.scenarioLog[0]!.name).toBe('crash');
  });
});
