/**
 * Issue 15 item 6: smart poles stand at the kerb of surface roads. A pole spaced along a bridge
 * or tunnel link floated mid-river on the Yangpu Bridge and over the Longyao Road Tunnel.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoadGraph } from '../../../src/core/roadGraph';
import { Network } from '../../../src/sim/network/Network';
import { placeSensors } from '../../../src/sim/sensors/placement';
import { zoneProfile } from '../../../src/sim/zones/zoneProfiles';
import { loadZoneInput, ZONE_IDS } from '../../../src/tiler/zones/index';
import { inside } from '../zones/polygonChecks';

const repoRoot = join(__dirname, '../../..');

/** A 3 km primary road west–east; its middle kilometre is a bridge. */
function roadWithBridge(): RoadGraph {
  const edge = (id: number, from: number, to: number, x0: number, x1: number, structure?: 'bridge') => ({
    id, from, to, points: [[x0, 0], [x1, 0]] as [number, number][], lengthM: x1 - x0, lanes: 2, oneway: false,
    speedLimitKmh: 50, roadClass: 'primary' as const, name: '测试路', nameEn: 'Test Road', source: 'skeleton' as const,
    ...(structure ? { structure } : {}),
  });
  return {
    version: 1, zoneId: 'test',
    nodes: [0, 1000, 2000, 3000].map((x, id) => ({ id, x, y: 0, signalised: false })),
    edges: [edge(0, 0, 1, 0, 1000), edge(1, 1, 2, 1000, 2000, 'bridge'), edge(2, 2, 3, 2000, 3000)],
  };
}

describe('smart pole placement', () => {
  it('spaces poles along surface roads and none along a bridge', () => {
    const poles = placeSensors(new Network(roadWithBridge()), zoneProfile('test')).filter((s) => s.type === 'pole');
    expect(poles.length).toBeGreaterThan(4);
    expect(poles.filter((p) => p.x > 1000 && p.x < 2000)).toEqual([]);
  });

  it.each(ZONE_IDS)('puts no sensor of %s in the water', async (zoneId) => {
    const input = await loadZoneInput(zoneId, repoRoot);
    const water = input.ground.filter((g) => g.kind === 'water');
    const sensors = placeSensors(new Network(input.roads), zoneProfile(zoneId));
    const wet = sensors.filter((s) => water.some((w) => inside([s.x, s.y], w.polygon) && !(w.holes ?? []).some((h) => inside([s.x, s.y], h))));
    expect(wet.map((s) => s.id)).toEqual([]);
    expect(sensors.some((s) => s.type === 'pole')).toBe(true);
  });

  it('knows the Yangpu Bridge and the Longyao Road Tunnel as structures from the tiler', async () => {
    const bridge = (await loadZoneInput('yangpu', repoRoot)).roads.edges.filter((e) => e.name === '杨浦大桥');
    expect(bridge.length).toBeGreaterThan(0);
    for (const e of bridge) expect(e.structure).toBe('bridge');
    const tunnel = (await loadZoneInput('westbund', repoRoot)).roads.edges.filter((e) => e.name === '龙耀路隧道');
    for (const e of tunnel) expect(e.structure).toBe('tunnel');
  });
});
