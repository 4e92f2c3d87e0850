/**
 * Live vehicles: mounts TrafficInstances (one InstancedMesh per class, filled every frame from
 * the feed's typed buffers through the interpolating motion model), registers them for picking,
 * and follows a selected vehicle with the camera. No React state or component per vehicle and no
 * allocation per frame; a non-finite pose is skipped, never uploaded.
 */
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type CameraControlsImpl from 'camera-controls';
import { Group, type PerspectiveCamera } from 'three';
import { trackListener } from '../../runtime/tracked';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { LIVE_LAYER_IDS } from '../live/layerIds';
import type { Clock } from '../live/liveClock';
import type { LiveRegistry } from '../live/LiveRegistry';
import { metresPerPixelPerMetre, pickNearest } from '../live/model';
import { VEHICLE_BASE_UP_M } from './style';
import { TrafficInstances } from './TrafficInstances';

export function TrafficLayer({ registry, now }: { registry: LiveRegistry; now: Clock }) {
  const store = useAppStoreApi();
  const visible = useAppStore((s) => isLayerVisible(s.layerVisible, LIVE_LAYER_IDS.traffic));
  const controls = useThree((s) => s.controls) as CameraControlsImpl | null;
  const groupRef = useRef<Group>(null);
  const layer = useRef<TrafficInstances | null>(null);

  useEffect(() => {
    const group = groupRef.current!;
    const t = new TrafficInstances();
    const { motion } = t;
    group.add(t.group);
    layer.current = t;
    const stats = { drawn: 0, stale: 0, byClass: t.drawnByClass, delayMs: 0 };
    registry.stats.traffic = stats;
    const unregister = [
      registry.addMesh(t.group),
      registry.addPicker({
        kind: 'vehicle',
        pick: (vp, w, h, x, y, r) => {
          const b = store.getState().feedBuffers;
          if (!b || !group.visible) return null;
          const hit = pickNearest(motion.highWater, (i) => motion.px[i]!, (i) => motion.py[i]!, VEHICLE_BASE_UP_M + 1, (i) => motion.ok[i] === 1, vp, w, h, x, y, r);
          const id = hit ? b.vehicles.ids[hit.index] : null;
          return hit && id ? { ...hit, id } : null;
        },
        locate: (id, out) => {
          const slot = store.getState().feedBuffers?.vehicles.slot(id);
          if (slot === undefined || !motion.ok[slot]) return false;
          out[0] = motion.px[slot]!;
          out[1] = motion.py[slot]!;
          out[2] = VEHICLE_BASE_UP_M;
          return true;
        },
      }),
    ];
    return () => {
      for (const u of unregister) u();
      delete registry.stats.traffic;
      group.remove(t.group);
      t.dispose();
      layer.current = null;
    };
  }, [registry, store]);

  // The user taking the camera (drag, wheel, touch) ends following; the panel can resume it.
  useEffect(() => {
    if (!controls) return;
    const stop = () => {
      if (store.getState().followVehicle) store.getState().setFollowVehicle(false);
    };
    // camera-controls' own dispatcher takes the same calls as an EventTarget but is typed per event.
    return trackListener(controls as unknown as EventTarget, 'controlstart', stop);
  }, [controls, store]);

  useFrame((state) => {
    const t = layer.current;
    const group = groupRef.current;
    if (!t || !group) return;
    const s = store.getState();
    const b = s.feedBuffers;
    const stats = registry.stats.traffic as { drawn: number; stale: number; delayMs: number } | undefined;
    if (!b || !group.visible) {
      t.clear();
      if (stats) stats.drawn = stats.stale = 0;
      return;
    }
    const v = b.vehicles;
    const sel = s.liveSelected;
    const selSlot = sel?.kind === 'vehicle' ? v.slot(sel.id) ?? -1 : -1;
    const pxWorld = metresPerPixelPerMetre((state.camera as PerspectiveCamera).fov ?? 45, state.size.height);
    t.update(v, b.clock.serverNow(now()), s.feed.timeScale > 0 ? s.feed.timeScale : 1, selSlot, pxWorld);
    if (stats) {
      stats.drawn = t.drawn;
      stats.stale = t.staleDrawn;
      stats.delayMs = t.motion.delayMs;
    }
    if (s.followVehicle && selSlot >= 0 && t.motion.ok[selSlot] && controls) {
      void controls.moveTo(t.motion.px[selSlot]!, VEHICLE_BASE_UP_M, -t.motion.py[selSlot]!, true);
    }
  });

  return <group ref={groupRef} visible={visible} name="live-traffic" />;
}
