import { describe, expect, it } from 'vitest';
import type { RoadGraph } from '../../../src/core/roadGraph';
import { roadSurfaces } from '../../../src/tiler/zones/roads/roadSurfaces';
import { area, inside } from './polygonChecks';

const edge = (id: number, from: number, to: number, points: [number, number][], lanes: number, oneway: boolean) => ({
  id, from, to, points, lengthM: 0, lanes, oneway, speedLimitKmh: 40, roadClass: 'secondary' as const, name: '路', nameEn: 'Road', source: 'skeleton' as const,
});

describe('roadSurfaces', () => {
  it('buffers a two-way road by lanes × 3.5 m each side of the centreline', () => {
    const g: RoadGraph = { version: 1, zoneId: 't', nodes: [{ id: 0, x: 0, y: 0, signalised: false }, { id: 1, x: 100, y: 0, signalised: false }], edges: [edge(0, 0, 1, [[0, 0], [100, 0]], 2, false)] };
    const [s] = roadSurfaces(g);
    expect(s).toMatchObject({ kind: 'road', landUse: 'S', name: '路' });
    expect(area(s!.polygon)).toBeCloseTo(100 * 14, 6);
  });

  it('mitres gentle bends, cuts sharp ones, and pads junctions', () => {
    const nodes = [
      { id: 0, x: 0, y: 0, signalised: false }, { id: 1, x: 200, y: 0, signalised: false },
      { id: 2, x: 100, y: 100, signalised: false }, { id: 3, x: 100, y: -100, signalised: false },
    ];
    const g: RoadGraph = {
      version: 1, zoneId: 't', nodes,
      edges: [
        edge(0, 0, 1, [[0, 0], [50, 5], [100, 0], [200, 0]], 1, true),
        edge(1, 2, 3, [[100, 100], [100, 0], [100, -100]], 1, false),
        edge(2, 0, 2, [[0, 0], [0, 100], [100, 100]], 1, false),
      ],
    };
    const out = roadSurfaces(g);
    for (const s of out) expect(area(s.polygon)).toBeGreaterThan(0);
    // The right-angle bend of edge 2 becomes two pieces; edge 0's gentle bend stays one.
    expect(out.filter((s) => s.id.startsWith('road:2:'))).toHaveLength(2);
    expect(out.filter((s) => s.id.startsWith('road:0:'))).toHaveLength(1);
    expect(out.filter((s) => s.id.startsWith('junction:'))).toHaveLength(0);
    const withJunction = roadSurfaces({ ...g, edges: [...g.edges, edge(3, 1, 3, [[200, 0], [100, -100]], 1, false), edge(4, 1, 2, [[200, 0], [100, 100]], 1, false)] });
    const pad = withJunction.find((s) => s.id === 'junction:1')!;
    expect(inside([200, 0], pad.polygon)).toBe(true);
  });
});
