/**
 * Bus stops: one instanced mesh, and close-up labels with each stop's next arrivals (line and
 * minutes), recomputed a few times per second from the buses' predictions.
 */
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import { BoxGeometry, CylinderGeometry, Group, type InstancedMesh, type PerspectiveCamera } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { cameraFocus, type Focus } from '../live/cameraFocus';
import { commitInstances, createInstancedMesh, linearRgb, writeRgb } from '../live/instancing';
import { LabelOverlay } from '../live/LabelOverlay';
import { etaMinutes } from '../live/labelText';
import { LIVE_LAYER_IDS } from '../live/layerIds';
import type { Clock } from '../live/liveClock';
import type { LiveRegistry } from '../live/LiveRegistry';
import { metresPerPixelPerMetre, pickNearest } from '../live/model';
import { createScreenSizeMaterial, type ScreenSizeUniforms } from '../live/screenSizeMaterial';
import { writeInstanceMatrix } from '../traffic/model';
import { MIN_STOP_PX, STOP_COLOR, STOP_SIZE_M, stopArrivals } from './model';

const REBUILD_EVERY_MS = 500;
const LABEL_CAMERA_MAX_M = 900;
const LABEL_RADIUS_M = 500;
const MAX_LABELS = 12;
const RGB = linearRgb(STOP_COLOR);
const SELECTED_RGB = linearRgb('#fde047');
const focus: Focus = { x: 0, y: 0, distance: Infinity };

interface LayerState {
  mesh: InstancedMesh;
  capacity: number;
  uniforms: ScreenSizeUniforms;
  lastBuildMs: number;
  ids: string[];
  xs: number[];
  ys: number[];
  labels: LabelOverlay;
  labelIdx: number[];
  labelText: string[];
}

function stopGeometry() {
  const post = new CylinderGeometry(0.2, 0.2, STOP_SIZE_M * 0.7, 6).translate(0, STOP_SIZE_M * 0.35, 0);
  const sign = new BoxGeometry(STOP_SIZE_M * 0.5, STOP_SIZE_M * 0.35, 0.3).translate(0, STOP_SIZE_M * 0.8, 0);
  const g = mergeGeometries([post.toNonIndexed(), sign.toNonIndexed()], false)!;
  post.dispose();
  sign.dispose();
  return g;
}

export function StopsLayer({ registry, now }: { registry: LiveRegistry; now: Clock }) {
  const store = useAppStoreApi();
  const { t } = useTranslation();
  const visible = useAppStore((s) => isLayerVisible(s.layerVisible, LIVE_LAYER_IDS.stops));
  const gl = useThree((s) => s.gl);
  const controls = useThree((s) => s.controls);
  const groupRef = useRef<Group>(null);
  const layer = useRef<LayerState | null>(null);
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    const group = groupRef.current!;
    const { material, uniforms } = createScreenSizeMaterial({ minPx: MIN_STOP_PX, sizeM: STOP_SIZE_M });
    const capacity = 2048;
    const mesh = createInstancedMesh(stopGeometry(), material, capacity, 'bus-stops');
    group.add(mesh);
    const unregister = [registry.addMesh(mesh)];
    const labels = new LabelOverlay(gl.domElement.parentElement ?? gl.domElement, 'st-live-labels--stops', registry.labels);
    const L: LayerState = { mesh, capacity, uniforms, lastBuildMs: -Infinity, ids: [], xs: [], ys: [], labels, labelIdx: [], labelText: [] };
    layer.current = L;
    unregister.push(
      registry.addPicker({
        kind: 'stop',
        pick: (vp, w, h, x, y, r) => {
          if (!group.visible) return null;
          const hit = pickNearest(L.ids.length, (i) => L.xs[i]!, (i) => L.ys[i]!, STOP_SIZE_M * 0.6, () => true, vp, w, h, x, y, r);
          return hit ? { ...hit, id: L.ids[hit.index]! } : null;
        },
        locate: (id, out) => {
          const stop = store.getState().feedBuffers?.stops.get(id);
          if (!stop) return false;
          out[0] = stop.x;
          out[1] = stop.y;
          out[2] = 0;
          return true;
        },
      }),
    );
    return () => {
      for (const u of unregister) u();
      labels.dispose();
      group.remove(mesh);
      mesh.geometry.dispose();
      material.dispose();
      mesh.dispose();
      layer.current = null;
    };
  }, [registry, store, gl]);

  useFrame((state) => {
    const L = layer.current;
    const group = groupRef.current;
    if (!L || !group) return;
    const s = store.getState();
    const b = s.feedBuffers;
    L.labels.begin(state.clock.elapsedTime);
    if (!b || !group.visible) {
      L.mesh.count = 0;
      L.labels.end();
      return;
    }
    L.uniforms.uStPxWorld.value = metresPerPixelPerMetre((state.camera as PerspectiveCamera).fov ?? 45, state.size.height);
    const tNow = now();
    if (tNow - L.lastBuildMs >= REBUILD_EVERY_MS) {
      L.lastBuildMs = tNow;
      const sel = s.liveSelected?.kind === 'stop' ? s.liveSelected.id : null;
      L.ids.length = L.xs.length = L.ys.length = 0;
      let n = 0;
      for (const stop of b.stops.values()) {
        if (n >= L.capacity || !Number.isFinite(stop.x) || !Number.isFinite(stop.y)) continue;
        writeInstanceMatrix(L.mesh.instanceMatrix.array as Float32Array, n * 16, stop.x, stop.y, 0, 0, 1, 1, 1);
        writeRgb(L.mesh.instanceColor!.array as Float32Array, n * 3, stop.id === sel ? SELECTED_RGB : RGB);
        L.ids.push(stop.id);
        L.xs.push(stop.x);
        L.ys.push(stop.y);
        n++;
      }
      commitInstances(L.mesh, n);
      registry.stats.stops = { stops: n };
      cameraFocus(state.camera, controls, focus);
      L.labelIdx.length = L.labelText.length = 0;
      if (focus.distance <= LABEL_CAMERA_MAX_M) {
        const arrivals = stopArrivals(b.vehicles, b.clock.serverNow(tNow), s.feed.timeScale > 0 ? s.feed.timeScale : 1);
        const r2 = LABEL_RADIUS_M * LABEL_RADIUS_M;
        for (let i = 0; i < L.ids.length && L.labelIdx.length < MAX_LABELS; i++) {
          if ((L.xs[i]! - focus.x) ** 2 + (L.ys[i]! - focus.y) ** 2 > r2) continue;
          const stop = b.stops.get(L.ids[i]!)!;
          const list = arrivals.get(stop.id) ?? [];
          const line = b.lines.get(stop.lineId);
          const next = list.length > 0 ? list.map((a) => tRef.current('live.stop.minutes', { n: etaMinutes(a.etaS) })).join(' · ') : tRef.current('live.stop.noArrivals');
          L.labelIdx.push(i);
          L.labelText.push(`${stop.name[s.language]}${line ? ` · ${line.name[s.language]}` : ''}\n${next}`);
        }
      }
    }
    for (let k = 0; k < L.labelIdx.length; k++) {
      const i = L.labelIdx[k]!;
      L.labels.placeEnu(state.camera, state.size.width, state.size.height, L.xs[i]!, L.ys[i]!, STOP_SIZE_M * 1.2, L.labelText[k]!, 'stop');
    }
    L.labels.end();
  });

  return <group ref={groupRef} visible={visible} name="live-stops" />;
}
