/**
 * A pulsing ring under the selected live thing (vehicle, sensor, stop, incident), following it as
 * it moves: the highlight for clicks in the map and in the alert list alike.
 */
import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Group, Mesh, RingGeometry, type PerspectiveCamera } from 'three';
import { useAppStoreApi } from '../../state/hooks';
import type { LiveRegistry } from './LiveRegistry';
import { metresPerPixelPerMetre } from './model';
import { createScreenSizeMaterial, type ScreenSizeUniforms } from './screenSizeMaterial';

const RING_RADIUS_M = 12;
const MIN_RING_PX = 30;
const SELECTION_COLOR = '#fde047';
const at = [0, 0, 0];

export function SelectionMarker({ registry }: { registry: LiveRegistry }) {
  const store = useAppStoreApi();
  const groupRef = useRef<Group>(null);
  const ref = useRef<{ mesh: Mesh; uniforms: ScreenSizeUniforms } | null>(null);

  useEffect(() => {
    const group = groupRef.current!;
    const { material, uniforms } = createScreenSizeMaterial({ minPx: MIN_RING_PX, sizeM: RING_RADIUS_M * 2, basic: true, pulse: false, transparent: true, opacity: 0.95 });
    material.color.set(SELECTION_COLOR);
    const geometry = new RingGeometry(RING_RADIUS_M * 0.75, RING_RADIUS_M, 48).rotateX(-Math.PI / 2);
    const mesh = new Mesh(geometry, material);
    mesh.name = 'live-selection';
    mesh.renderOrder = 5;
    mesh.visible = false;
    mesh.frustumCulled = false;
    group.add(mesh);
    const unregister = registry.addMesh(mesh);
    ref.current = { mesh, uniforms };
    return () => {
      unregister();
      group.remove(mesh);
      geometry.dispose();
      material.dispose();
      ref.current = null;
    };
  }, [registry]);

  useFrame((state) => {
    const r = ref.current;
    if (!r) return;
    const s = store.getState();
    const sel = s.liveSelected;
    let found = false;
    if (sel) {
      if (sel.kind === 'incident') {
        const inc = s.feedBuffers?.incidents.items.get(sel.id);
        const alert = inc ? null : s.alertState.alerts.find((a) => a.asset.kind === 'incident' && a.asset.id === sel.id);
        const x = inc?.x ?? alert?.asset.x, y = inc?.y ?? alert?.asset.y;
        if (x !== undefined && y !== undefined) {
          at[0] = x;
          at[1] = y;
          at[2] = 0;
          found = true;
        }
      } else found = registry.locate(sel.kind, sel.id, at);
    }
    r.mesh.visible = found;
    if (!found) return;
    r.mesh.position.set(at[0]!, 1.5, -at[1]!);
    r.uniforms.uStPxWorld.value = metresPerPixelPerMetre((state.camera as PerspectiveCamera).fov ?? 45, state.size.height);
    // Breathing opacity draws the eye without the ring changing size under the cursor.
    (r.mesh.material as { opacity: number }).opacity = 0.6 + 0.35 * Math.sin(state.clock.elapsedTime * 4);
  });

  return <group ref={groupRef} name="live-selection" />;
}
