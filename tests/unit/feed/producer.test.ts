import { describe, expect, it } from 'vitest';
import { SimFeedProducer } from '../../../src/feed/producer/SimFeedProducer';
import { yawToHeadingDeg } from '../../../src/feed/producer/wireFormat';
import { Simulation } from '../../../src/sim/Simulation';
import { grid, weekdayAt } from '../sim/fixtures';
import { FRAME, T0, makeIngest } from './fixtures';

describe('simulator → protocol → ingest round trip', () => {
  const sim = new Simulation({ graph: grid(), zoneId: 'jiading', seed: 5, startSimMs: weekdayAt(8) });
  const producer = new SimFeedProducer(sim, FRAME, 10);
  const ing = makeIngest();

  it('a snapshot validates entity by entity and lands in ENU within centimetres', () => {
    sim.advance(30_000);
    const snap = producer.snapshot(T0);
    ing.enqueue(JSON.stringify(snap), T0);
    ing.flush(T0);
    expect(ing.dropsTotal).toBe(0);
    expect(ing.vehicles.count).toBe(sim.traffic.count);
    expect(ing.signals.items.size).toBe(sim.signals.junctions.length);
    expect(ing.segments.items.size).toBe(sim.net.links.length);
    expect(ing.sensors.count).toBe(sim.sensors.specs.length);
    expect(ing.lines.size).toBe(sim.busLines.length);
    const pos = [0, 0, 0];
    for (const v of sim.traffic.byId.values()) {
      sim.traffic.position(v, pos);
      const slot = ing.vehicles.slot(v.id)!;
      expect(Math.hypot(ing.vehicles.positions[slot * 3]! - pos[0]!, ing.vehicles.positions[slot * 3 + 1]! - pos[1]!)).toBeLessThan(0.05);
      const yawBack = ing.vehicles.yaw[slot]!;
      expect(Math.abs(((yawBack - pos[2]! + 3 * Math.PI) % (2 * Math.PI)) - Math.PI)).toBeLessThan(0.01);
    }
    expect(snap.timeScale).toBe(10);
  });

  it('deltas carry only changes, apply without drops, and include bus arrival predictions', () => {
    let ts = T0;
    let vehiclesSent = 0, deltas = 0, withEta = 0;
    for (let i = 0; i < 60; i++) {
      sim.advance(1000);
      ts += 200;
      const d = producer.delta(ts);
      if (!d) continue;
      deltas++;
      vehiclesSent += d.vehicles?.length ?? 0;
      withEta += d.vehicles?.filter((v) => v.line && v.line.nextStops.length > 0).length ?? 0;
      ing.enqueue(JSON.stringify(d), ts);
      ing.flush(ts);
    }
    expect(deltas).toBe(60);
    expect(ing.dropsTotal).toBe(0);
    expect(vehiclesSent).toBeLessThan(60 * sim.traffic.count);
    expect(withEta).toBeGreaterThan(0);
    expect(ing.vehicles.count).toBe(sim.traffic.count);
    expect(ing.sensors.view('noise-01')?.value).not.toBeNull();
  });

  it('converts ENU yaw to compass headings', () => {
    expect(yawToHeadingDeg(0)).toBe(90);
    expect(yawToHeadingDeg(Math.PI / 2)).toBe(0);
    expect(yawToHeadingDeg(Math.PI)).toBe(270);
    expect(yawToHeadingDeg(-Math.PI / 2)).toBe(180);
  });
});
