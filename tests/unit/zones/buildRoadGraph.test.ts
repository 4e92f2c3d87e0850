import { describe, expect, it } from 'vitest';
import { buildRoadGraph, type SignalPoint } from '../../../src/tiler/zones/roads/buildRoadGraph';
import type { RoadLine } from '../../../src/tiler/zones/roads/joinLines';
import { roadAttributes, type RoadTags } from '../../../src/tiler/zones/roads/roadAttributes';

function line(points: [number, number][], tags: Partial<RoadTags> = {}, source: 'osm' | 'skeleton' = 'skeleton', osmWayId?: string): RoadLine {
  const attrs = roadAttributes({ highway: 'tertiary', ...tags })!;
  return { points, attrs, source, ...(osmWayId ? { osmWayId } : {}) };
}

const build = (lines: RoadLine[], signals: SignalPoint[] = []) => buildRoadGraph('test', lines, signals);

describe('buildRoadGraph', () => {
  it('joins lines that share an end point into one junction node', () => {
    const { graph } = build([line([[0, 0], [100, 0]]), line([[100, 0], [100, 100]]), line([[100, 0], [200, 0]])]);
    expect(graph.nodes).toHaveLength(4);
    expect(graph.edges).toHaveLength(3);
    const junction = graph.nodes.find((n) => n.x === 100 && n.y === 0)!;
    expect(graph.edges.filter((e) => e.from === junction.id || e.to === junction.id)).toHaveLength(3);
  });

  it('merges vertices closer than 2 m, but not farther', () => {
    const near = build([line([[0, 0], [100, 0]]), line([[101.5, 0.5], [100, 100]])]);
    expect(near.graph.nodes).toHaveLength(3);
    const far = build([line([[0, 0], [100, 0]]), line([[130, 0], [130, 100]], {}, 'osm', 'way/2')], []);
    expect(far.stats.components).toBe(2);
  });

  it('splits at-grade crossings that involve a skeleton road, and leaves OSM–OSM crossings alone', () => {
    const skeleton = build([line([[0, 0], [200, 0]]), line([[100, -100], [100, 100]])]);
    expect(skeleton.graph.nodes).toHaveLength(5);
    expect(skeleton.graph.edges).toHaveLength(4);
    const osm = build([line([[0, 0], [200, 0]], {}, 'osm', 'way/1'), line([[100, -100], [100, 100]], {}, 'osm', 'way/2')]);
    expect(osm.stats.components).toBe(2);
  });

  it('never joins a bridge or a motorway to the streets it passes over', () => {
    const { stats } = build([line([[0, 0], [200, 0]]), line([[100, -100], [100, 100]], { bridge: 'yes', layer: '1' })]);
    expect(stats.components).toBe(2);
    const mw = build([line([[0, 0], [200, 0]]), line([[100, -100], [100, 100]], { highway: 'motorway', oneway: 'no' })]);
    expect(mw.stats.components).toBe(2);
  });

  it('snaps a skeleton end that stops short of a road onto it', () => {
    const { graph } = build([line([[0, 0], [200, 0]], {}, 'osm', 'way/1'), line([[80, 12], [80, 200]])]);
    expect(graph.edges).toHaveLength(3);
    expect(graph.nodes.some((n) => Math.abs(n.x - 80) < 1e-9 && Math.abs(n.y) < 1e-9)).toBe(true);
    // The OSM way is split at the new junction and keeps its way id on both halves.
    expect(graph.edges.filter((e) => e.osmWayId === 'way/1')).toHaveLength(2);
  });

  it('leaves a skeleton end drawn onto a bridge end where it is, instead of snapping it to a nearby road', () => {
    const bridge = line([[0, 0], [0, 300]], { bridge: 'yes', layer: '1' }, 'osm', 'way/7');
    const connector = line([[10, -200], [0, 0]]);
    // A street 16 m away, within snapping range of the connector's end.
    const parallel = line([[-16, -200], [-16, 0], [-16, 300]], {}, 'osm', 'way/8');
    const { graph } = build([bridge, connector, parallel]);
    const end = graph.nodes.find((n) => n.x === 0 && n.y === 0)!;
    expect(end).toBeDefined();
    expect(graph.edges.filter((e) => e.from === end.id || e.to === end.id)).toHaveLength(2);
    expect(graph.nodes.some((n) => n.x === -16)).toBe(false);
  });

  it('keeps only the largest connected component', () => {
    const { graph, stats } = build([
      line([[0, 0], [100, 0]]), line([[100, 0], [200, 0]]),
      line([[1000, 1000], [1100, 1000]], {}, 'osm', 'way/9'),
    ]);
    expect(graph.nodes).toHaveLength(3);
    expect(stats).toMatchObject({ components: 2, droppedNodes: 2, droppedEdges: 1 });
  });

  it('signalises junctions within 25 m of a signal and keeps the OSM id', () => {
    const lines = [line([[0, 0], [200, 0]]), line([[100, -100], [100, 100]])];
    const { graph, stats } = build(lines, [{ x: 110, y: 12, osmId: 'node/42' }]);
    const j = graph.nodes.find((n) => n.x === 100 && n.y === 0)!;
    expect(j).toMatchObject({ signalised: true, osmSignalId: 'node/42' });
    expect(graph.nodes.filter((n) => n.signalised)).toHaveLength(1);
    expect(stats.osmSignalNodes).toBe(1);
    const far = build(lines, [{ x: 140, y: 0 }]);
    expect(far.graph.nodes.some((n) => n.signalised)).toBe(false);
  });

  it('reverses oneway=-1 ways so edges run in the travel direction', () => {
    const { graph } = build([line([[0, 0], [100, 0]], { oneway: '-1' })]);
    const e = graph.edges[0]!;
    expect(e.oneway).toBe(true);
    expect(graph.nodes[e.from]!.x).toBe(100);
    expect(graph.nodes[e.to]!.x).toBe(0);
  });

  it('cuts a closed loop so no edge starts and ends at the same node', () => {
    const { graph } = build([line([[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]])]);
    expect(graph.edges.length).toBe(2);
    for (const e of graph.edges) expect(e.from).not.toBe(e.to);
  });
});

describe('roadAttributes', () => {
  it('reads OSM lanes as both directions on two-way roads and one direction on oneways', () => {
    expect(roadAttributes({ highway: 'primary', lanes: '4' })).toMatchObject({ lanesPerDirection: 2, oneway: false });
    expect(roadAttributes({ highway: 'primary', lanes: '3', oneway: 'yes' })).toMatchObject({ lanesPerDirection: 3, oneway: true });
  });

  it('falls back to class defaults for missing or odd tags', () => {
    expect(roadAttributes({ highway: 'secondary' })).toMatchObject({ lanesPerDirection: 2, speedLimitKmh: 40, roadClass: 'secondary' });
    expect(roadAttributes({ highway: 'unclassified', maxspeed: 'signals' })).toMatchObject({ roadClass: 'residential', speedLimitKmh: 30 });
    expect(roadAttributes({ highway: 'trunk', maxspeed: '80 km/h' })!.speedLimitKmh).toBe(80);
    expect(roadAttributes({ highway: 'motorway_link' })).toMatchObject({ oneway: true, gradeSeparated: true });
    expect(roadAttributes({ highway: 'tertiary', tunnel: 'yes', layer: '-1' })!.gradeSeparated).toBe(true);
  });

  it('rejects non-drivable ways', () => {
    expect(roadAttributes({ highway: 'footway' })).toBeNull();
  });
});
