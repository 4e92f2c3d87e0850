/**
 * Road segments coloured by congestion (measured speed over the edge's free-flow speed) with a
 * flow pattern along the direction of travel: every segment of the zone in one mesh and one draw
 * call. Colours and flow rates are re-written at most twice a second, when the feed's segment
 * table changed, and only the vertex ranges of segments whose paint changed are re-uploaded (a
 * city's ribbons are ~160k vertices: re-sending all of them twice a second stalled SwiftShader and
 * costs bandwidth on a wall's GPU); per frame only the time uniform moves.
 */
import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, DynamicDrawUsage, Group, Mesh, type PerspectiveCamera } from 'three';
import { DirtySpans } from '../../core/dirtySpans';
import type { RoadGraph } from '../../core/roadGraph';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { LIVE_LAYER_IDS } from '../live/layerIds';
import type { Clock } from '../live/liveClock';
import type { LiveRegistry } from '../live/LiveRegistry';
import { metresPerPixelPerMetre } from '../live/model';
import { createFlowMaterial, type FlowUniforms } from './flowMaterial';
import { buildRibbons, paintSegment, type Ribbons, type SegmentReading } from './model';

/** Ribbons float over the ground's road surface (0.6 m) and under the vehicles. */
export const CONGESTION_UP_M = 0.9;
const MIN_RIBBON_PX = 2.5;
const REPAINT_EVERY_MS = 500;
const reading: SegmentReading = { speedKmh: 0, stale: false };
const dirty = new DirtySpans();

interface LayerState {
  mesh: Mesh;
  ribbons: Ribbons;
  color: BufferAttribute;
  flow: BufferAttribute;
  uniforms: FlowUniforms;
  paintedVersion: number;
  paintedBuffers: unknown;
  lastPaintMs: number;
}

export function RoadsLayer({ graph, registry, now }: { graph: RoadGraph; registry: LiveRegistry; now: Clock }) {
  const store = useAppStoreApi();
  const visible = useAppStore((s) => isLayerVisible(s.layerVisible, LIVE_LAYER_IDS.congestion));
  const groupRef = useRef<Group>(null);
  const layer = useRef<LayerState | null>(null);

  useEffect(() => {
    const group = groupRef.current!;
    const ribbons = buildRibbons(graph, CONGESTION_UP_M);
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(ribbons.position, 3));
    geometry.setAttribute('aSide', new BufferAttribute(ribbons.side, 2));
    geometry.setAttribute('aLateral', new BufferAttribute(ribbons.lateral, 1));
    geometry.setAttribute('aWidth', new BufferAttribute(ribbons.width, 1));
    geometry.setAttribute('aAlong', new BufferAttribute(ribbons.along, 1));
    const color = new BufferAttribute(new Float32Array(ribbons.vertexCount * 3), 3).setUsage(DynamicDrawUsage);
    const flow = new BufferAttribute(new Float32Array(ribbons.vertexCount), 1).setUsage(DynamicDrawUsage);
    geometry.setAttribute('aColor', color);
    geometry.setAttribute('aFlow', flow);
    geometry.setIndex(new BufferAttribute(ribbons.index, 1));
    for (const r of ribbons.segments.values()) paintSegment(r, null, color.array as Float32Array, flow.array as Float32Array);
    const { material, uniforms } = createFlowMaterial(MIN_RIBBON_PX);
    const mesh = new Mesh(geometry, material);
    mesh.name = 'congestion';
    mesh.frustumCulled = false;
    // Transparent overlays draw after the opaque city; above the heatmap, below markers.
    mesh.renderOrder = 2;
    group.add(mesh);
    const unregister = registry.addMesh(mesh);
    registry.stats.congestion = { segments: ribbons.segments.size, painted: 0 };
    layer.current = { mesh, ribbons, color, flow, uniforms, paintedVersion: -1, paintedBuffers: null, lastPaintMs: -Infinity };
    return () => {
      unregister();
      delete registry.stats.congestion;
      group.remove(mesh);
      geometry.dispose();
      material.dispose();
      layer.current = null;
    };
  }, [graph, registry]);

  useFrame((state) => {
    const L = layer.current;
    const group = groupRef.current;
    if (!L || !group?.visible) return;
    L.uniforms.uTime.value = state.clock.elapsedTime;
    L.uniforms.uPxWorld.value = metresPerPixelPerMetre((state.camera as PerspectiveCamera).fov ?? 45, state.size.height);
    const b = store.getState().feedBuffers;
    const t = now();
    const version = b ? b.segments.version : -1;
    if ((version === L.paintedVersion && b === L.paintedBuffers) || t - L.lastPaintMs < REPAINT_EVERY_MS) return;
    L.paintedVersion = version;
    L.paintedBuffers = b;
    L.lastPaintMs = t;
    const colors = L.color.array as Float32Array;
    const flows = L.flow.array as Float32Array;
    let painted = 0;
    dirty.clear();
    for (const [id, range] of L.ribbons.segments) {
      const seg = b?.segments.items.get(id);
      if (seg) {
        painted++;
        reading.speedKmh = seg.speedKmh;
        reading.stale = b!.segments.isStale(id);
      }
      if (paintSegment(range, seg ? reading : null, colors, flows)) dirty.add(range.start, range.count);
    }
    const stats = registry.stats.congestion as { painted: number; uploadedVertices?: number; repaints?: number };
    stats.painted = painted;
    stats.repaints = (stats.repaints ?? 0) + 1;
    if (dirty.empty) return;
    L.color.clearUpdateRanges();
    L.flow.clearUpdateRanges();
    let uploaded = 0;
    for (const [start, count] of dirty.spans()) {
      L.color.addUpdateRange(start * 3, count * 3);
      L.flow.addUpdateRange(start, count);
      uploaded += count;
    }
    L.color.needsUpdate = true;
    L.flow.needsUpdate = true;
    stats.uploadedVertices = (stats.uploadedVertices ?? 0) + uploaded;
  });

  return <group ref={groupRef} visible={visible} name="live-congestion" />;
}
