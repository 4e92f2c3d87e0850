/**
 * Coverage of every roadside unit (RSU): one instanced mesh of translucent discs sized to the
 * radio range and coloured by the unit's health (normal, degraded, failed, silent). Rebuilt when
 * the sensor buffer changes, at most twice a second.
 */
import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, Group, MeshBasicMaterial, type InstancedMesh } from 'three';
import { SENSOR_LEVELS, type Thresholds } from '../../analysis/live/thresholds';
import { liveConfigOf } from '../../analysis/live/liveConfig';
import type { Scene } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { commitInstances, createInstancedMesh, linearRgb, writeRgb } from '../live/instancing';
import { LIVE_LAYER_IDS } from '../live/layerIds';
import type { Clock } from '../live/liveClock';
import type { LiveRegistry } from '../live/LiveRegistry';
import { resolveSlotThresholds, slotLevel } from '../sensors/model';
import { writeInstanceMatrix } from '../traffic/model';
import { coverageGeometryArrays, RSU_COVERAGE_UP_M, RSU_LEVEL_COLORS } from './model';

const REBUILD_EVERY_MS = 500;
const LEVEL_RGB = SENSOR_LEVELS.map((l) => linearRgb(RSU_LEVEL_COLORS[l]));

interface LayerState {
  mesh: InstancedMesh;
  capacity: number;
  thresholds: (Thresholds | null)[];
  version: number;
  buffers: unknown;
  lastBuildMs: number;
}

export function RsuLayer({ scene, registry, now }: { scene: Scene; registry: LiveRegistry; now: Clock }) {
  const store = useAppStoreApi();
  const visible = useAppStore((s) => isLayerVisible(s.layerVisible, LIVE_LAYER_IDS.rsu));
  const groupRef = useRef<Group>(null);
  const layer = useRef<LayerState | null>(null);

  useEffect(() => {
    const group = groupRef.current!;
    const arrays = coverageGeometryArrays(72);
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(arrays.position, 3));
    geometry.setAttribute('color', new BufferAttribute(arrays.color, 4));
    geometry.setIndex(new BufferAttribute(arrays.index, 1));
    const material = new MeshBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false });
    const capacity = 256;
    const mesh = createInstancedMesh(geometry, material, capacity, 'rsu-coverage');
    mesh.renderOrder = 1;
    group.add(mesh);
    const unregister = registry.addMesh(mesh);
    layer.current = { mesh, capacity, thresholds: [], version: -1, buffers: null, lastBuildMs: -Infinity };
    return () => {
      unregister();
      group.remove(mesh);
      geometry.dispose();
      material.dispose();
      mesh.dispose();
      layer.current = null;
    };
  }, [registry]);

  useFrame(() => {
    const L = layer.current;
    const group = groupRef.current;
    if (!L || !group) return;
    const b = store.getState().feedBuffers;
    if (!b || !group.visible) {
      L.mesh.count = 0;
      return;
    }
    const buf = b.sensors;
    const tNow = now();
    if ((buf.version === L.version && b === L.buffers) || tNow - L.lastBuildMs < REBUILD_EVERY_MS) return;
    L.version = buf.version;
    L.buffers = b;
    L.lastBuildMs = tNow;
    resolveSlotThresholds(buf, liveConfigOf(scene).sensorThresholds, L.thresholds);
    const r = liveConfigOf(scene).rsuCoverageM;
    let n = 0;
    for (let i = 0; i < buf.count && n < L.capacity; i++) {
      if (buf.types[i] !== 'rsu' || !buf.hasPosition[i]) continue;
      const x = buf.positions[i * 3]!, y = buf.positions[i * 3 + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      writeInstanceMatrix(L.mesh.instanceMatrix.array as Float32Array, n * 16, x, y, RSU_COVERAGE_UP_M, 0, r, 1, r);
      writeRgb(L.mesh.instanceColor!.array as Float32Array, n * 3, LEVEL_RGB[slotLevel(buf, i, L.thresholds[i] ?? null)]!);
      n++;
    }
    commitInstances(L.mesh, n);
    registry.stats.rsu = { units: n };
  });

  return <group ref={groupRef} visible={visible} name="live-rsu" />;
}
