import { describe, expect, it } from 'vitest';
import { parseRoadGraph } from '../../../src/sim/graph/roadGraphSchema';
import { Network } from '../../../src/sim/network/Network';
import { idmAcceleration } from '../../../src/sim/traffic/idm';
import { FULL_SCALE_NETWORK_KM, planFleet } from '../../../src/sim/traffic/fleetSizing';
import { CLASS_PROFILES } from '../../../src/sim/traffic/vehicleClasses';
import { zoneProfile } from '../../../src/sim/zones/zoneProfiles';
import { grid, irregularGraph } from './fixtures';

describe('network', () => {
  it('makes two links per two-way edge and one per one-way edge', () => {
    const g = irregularGraph();
    const net = new Network(g);
    const expected = g.edges.reduce((a, e) => a + (e.oneway ? 1 : 2), 0);
    expect(net.links.length).toBe(expected);
  });

  it('allows U-turns only at dead ends', () => {
    const net = new Network(irregularGraph());
    for (const l of net.links) {
      const uturns = l.successors.filter((s) => net.isUTurn(l, net.links[s]!));
      if (uturns.length > 0) expect(l.successors).toHaveLength(uturns.length);
    }
    const spurOut = net.links.find((l) => net.nodes[l.to]!.id === 900)!;
    expect(spurOut.successors.map((s) => net.isUTurn(spurOut, net.links[s]!))).toEqual([true]);
  });

  it('excludes the one-way sink and the isolated fragment from drivable links', () => {
    const net = new Network(irregularGraph());
    const drivableNodes = new Set(net.drivable.flatMap((i) => [net.nodes[net.links[i]!.from]!.id, net.nodes[net.links[i]!.to]!.id]));
    expect(drivableNodes.has(901)).toBe(false);
    expect(drivableNodes.has(950)).toBe(false);
    expect(drivableNodes.has(900)).toBe(true);
  });

  it('interpolates along polylines and offsets lanes to the right of travel', () => {
    const net = new Network(grid(2, 1, 100));
    const east = net.links.find((l) => !l.reverse)!;
    const out = [0, 0, 0];
    net.pointAt(east, 25, 0, out);
    expect(out[0]).toBeCloseTo(east.xs[0]! + 25, 6);
    expect(out[2]).toBeCloseTo(0, 6);
    net.pointAt(east, 25, 3, out);
    expect(out[1]).toBeCloseTo(east.ys[0]! - 3, 6);
  });

  it('validates roads.json and drops edges with missing nodes', () => {
    expect(parseRoadGraph({ version: 1, zoneId: 'x', nodes: [], edges: 'no' }).ok).toBe(false);
    expect(parseRoadGraph(null).ok).toBe(false);
    const g = grid(3, 2);
    const bad = { ...g, edges: [...g.edges, { ...g.edges[0]!, id: 999, to: 12345 }] };
    const r = parseRoadGraph(bad);
    expect(r.ok && r.graph.edges.length).toBe(g.edges.length);
    expect(r.ok && r.warnings[0]).toMatch(/edge 999/);
    const nan = JSON.parse(JSON.stringify(g)) as { nodes: { x: unknown }[] };
    nan.nodes[0]!.x = 1e308;
    expect(parseRoadGraph(nan).ok).toBe(false);
  });
});

describe('fleet sizing (plan 004 lines 151–153)', () => {
  it('gives Jiading the full plan fleet at full network length and scales down with road length', () => {
    const full = planFleet(zoneProfile('jiading'), FULL_SCALE_NETWORK_KM, 400);
    expect([full.robotaxi, full.special, full.bus]).toEqual([150, 100, 200]);
    const quarter = planFleet(zoneProfile('jiading'), FULL_SCALE_NETWORK_KM / 4, 100);
    expect([quarter.robotaxi, quarter.special, quarter.bus]).toEqual([38, 25, 50]);
    expect(planFleet(zoneProfile('jiading'), FULL_SCALE_NETWORK_KM * 3, 900).robotaxi).toBe(150);
  });

  it('keeps at least one of each class on a small network, and none on an empty one', () => {
    const tiny = planFleet(zoneProfile('yangpu'), 2, 4);
    expect(tiny.robotaxi).toBe(1);
    expect(planFleet(zoneProfile('yangpu'), 0, 0).bus).toBe(0);
  });
});

describe('IDM', () => {
  const p = CLASS_PROFILES.car.idm;
  it('accelerates on a free road and stops accelerating at the desired speed', () => {
    expect(idmAcceleration(p, 0, 14, Infinity, 0)).toBeCloseTo(p.accel, 6);
    expect(idmAcceleration(p, 14, 14, Infinity, 0)).toBeCloseTo(0, 6);
  });
  it('brakes hard for a standing obstacle close ahead', () => {
    expect(idmAcceleration(p, 14, 14, 10, 14)).toBeLessThan(-p.decel);
  });
});
