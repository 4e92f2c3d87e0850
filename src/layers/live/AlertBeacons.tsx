/**
 * Open alerts on the map: a translucent column over each alert's asset, coloured by severity and
 * pulsing while the condition holds (steady once it has recovered). One instanced mesh; rebuilt
 * from the store only when the alert state changes.
 */
import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { CylinderGeometry, Group, InstancedBufferAttribute, type InstancedMesh, type PerspectiveCamera } from 'three';
import type { AlertState } from '../../analysis/alerts/types';
import { ALERT_SEVERITIES } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { writeInstanceMatrix } from '../traffic/model';
import { commitInstances, createInstancedMesh, linearRgb, writeRgb } from './instancing';
import { LIVE_LAYER_IDS } from './layerIds';
import type { LiveRegistry } from './LiveRegistry';
import { metresPerPixelPerMetre } from './model';
import { createScreenSizeMaterial, type ScreenSizeUniforms } from './screenSizeMaterial';
import { SEVERITY_COLORS } from './severity';

const BEACON_RADIUS_M = 14;
const BEACON_HEIGHT_M = 60;
const MIN_BEACON_PX = 36;
const CAPACITY = 512;
const RGB = Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, linearRgb(SEVERITY_COLORS[s])])) as Record<string, [number, number, number]>;

interface LayerState {
  mesh: InstancedMesh;
  pulse: InstancedBufferAttribute;
  uniforms: ScreenSizeUniforms;
  built: AlertState | null;
}

export function AlertBeacons({ registry }: { registry: LiveRegistry }) {
  const store = useAppStoreApi();
  const visible = useAppStore((s) => isLayerVisible(s.layerVisible, LIVE_LAYER_IDS.alerts));
  const groupRef = useRef<Group>(null);
  const layer = useRef<LayerState | null>(null);

  useEffect(() => {
    const group = groupRef.current!;
    const { material, uniforms } = createScreenSizeMaterial({ minPx: MIN_BEACON_PX, sizeM: BEACON_HEIGHT_M, pulse: true, basic: true, transparent: true, opacity: 0.45 });
    const geometry = new CylinderGeometry(BEACON_RADIUS_M, BEACON_RADIUS_M * 0.6, BEACON_HEIGHT_M, 24, 1, true).translate(0, BEACON_HEIGHT_M / 2, 0);
    const pulse = new InstancedBufferAttribute(new Float32Array(CAPACITY), 1);
    geometry.setAttribute('aStPulse', pulse);
    const mesh = createInstancedMesh(geometry, material, CAPACITY, 'alert-beacons');
    mesh.renderOrder = 4;
    group.add(mesh);
    const unregister = registry.addMesh(mesh);
    layer.current = { mesh, pulse, uniforms, built: null };
    return () => {
      unregister();
      delete registry.stats.alerts;
      group.remove(mesh);
      geometry.dispose();
      material.dispose();
      mesh.dispose();
      layer.current = null;
    };
  }, [registry]);

  useFrame((state) => {
    const L = layer.current;
    if (!L || !groupRef.current?.visible) return;
    L.uniforms.uStPxWorld.value = metresPerPixelPerMetre((state.camera as PerspectiveCamera).fov ?? 45, state.size.height);
    L.uniforms.uStTime.value = state.clock.elapsedTime;
    const alerts = store.getState().alertState;
    if (alerts === L.built) return;
    L.built = alerts;
    let n = 0;
    for (const a of alerts.alerts) {
      if (a.status === 'closed' || n >= CAPACITY || !Number.isFinite(a.asset.x) || !Number.isFinite(a.asset.y)) continue;
      writeInstanceMatrix(L.mesh.instanceMatrix.array as Float32Array, n * 16, a.asset.x, a.asset.y, 0, 0, 1, 1, 1);
      writeRgb(L.mesh.instanceColor!.array as Float32Array, n * 3, RGB[a.severity]!);
      (L.pulse.array as Float32Array)[n] = a.active ? 1 : 0;
      n++;
    }
    commitInstances(L.mesh, n, true, L.pulse);
    registry.stats.alerts = { beacons: n };
  });

  return <group ref={groupRef} visible={visible} name="live-alerts" />;
}
