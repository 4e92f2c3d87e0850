/**
 * Signal heads at signalised junctions: one instanced mesh for every approach of every junction,
 * coloured by its current phase (grey when the controller's reports are stale), with close-up
 * countdown labels that run down between messages at the signal's own time scale.
 */
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Group, IcosahedronGeometry, type InstancedMesh, type PerspectiveCamera } from 'three';
import { remainingAt } from '../../feed/ingest/entities';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { cameraFocus, type Focus } from '../live/cameraFocus';
import { commitInstances, createInstancedMesh, linearRgb, writeRgb } from '../live/instancing';
import { LabelOverlay } from '../live/LabelOverlay';
import { LIVE_LAYER_IDS } from '../live/layerIds';
import type { Clock } from '../live/liveClock';
import type { LiveRegistry } from '../live/LiveRegistry';
import { metresPerPixelPerMetre } from '../live/model';
import { createScreenSizeMaterial, type ScreenSizeUniforms } from '../live/screenSizeMaterial';
import { writeInstanceMatrix } from '../traffic/model';
import { countdownText, headPosition, MIN_SIGNAL_PX, SIGNAL_HEAD_UP_M, SIGNAL_STATE_COLORS, type SignalTone } from './model';

const REBUILD_EVERY_MS = 250;
const LABEL_CAMERA_MAX_M = 700;
const LABEL_RADIUS_M = 400;
const MAX_LABELS = 32;
const HEAD_RADIUS_M = 1.6;
const RGB: Record<SignalTone, [number, number, number]> = {
  green: linearRgb(SIGNAL_STATE_COLORS.green), amber: linearRgb(SIGNAL_STATE_COLORS.amber),
  red: linearRgb(SIGNAL_STATE_COLORS.red), stale: linearRgb(SIGNAL_STATE_COLORS.stale),
};
const pos = [0, 0];
const focus: Focus = { x: 0, y: 0, distance: Infinity };

interface Label {
  x: number;
  y: number;
  text: string;
  tone: SignalTone;
  d2: number;
}

interface LayerState {
  mesh: InstancedMesh;
  capacity: number;
  uniforms: ScreenSizeUniforms;
  lastBuildMs: number;
  labels: LabelOverlay;
  items: Label[];
  shown: number;
  stats: { heads: number; labels: number };
}

export function SignalsLayer({ registry, now }: { registry: LiveRegistry; now: Clock }) {
  const store = useAppStoreApi();
  const visible = useAppStore((s) => isLayerVisible(s.layerVisible, LIVE_LAYER_IDS.signals));
  const gl = useThree((s) => s.gl);
  const controls = useThree((s) => s.controls);
  const groupRef = useRef<Group>(null);
  const layer = useRef<LayerState | null>(null);

  useEffect(() => {
    const group = groupRef.current!;
    const { material, uniforms } = createScreenSizeMaterial({ minPx: MIN_SIGNAL_PX, sizeM: HEAD_RADIUS_M * 2, emissive: '#111111' });
    const capacity = 1024;
    const mesh = createInstancedMesh(new IcosahedronGeometry(HEAD_RADIUS_M, 1), material, capacity, 'signal-heads');
    group.add(mesh);
    const unregister = registry.addMesh(mesh);
    const stats = { heads: 0, labels: 0 };
    registry.stats.signals = stats;
    const labels = new LabelOverlay(gl.domElement.parentElement ?? gl.domElement, 'st-live-labels--signals', registry.labels);
    layer.current = { mesh, capacity, uniforms, lastBuildMs: -Infinity, labels, items: [], shown: 0, stats };
    return () => {
      unregister();
      delete registry.stats.signals;
      labels.dispose();
      group.remove(mesh);
      mesh.geometry.dispose();
      material.dispose();
      mesh.dispose();
      layer.current = null;
    };
  }, [registry, gl]);

  useFrame((state) => {
    const L = layer.current;
    const group = groupRef.current;
    if (!L || !group) return;
    const b = store.getState().feedBuffers;
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
      const serverNow = b.clock.serverNow(tNow);
      cameraFocus(state.camera, controls, focus);
      const near = focus.distance <= LABEL_CAMERA_MAX_M;
      const r2 = LABEL_RADIUS_M * LABEL_RADIUS_M;
      let n = 0;
      L.shown = 0;
      const matrices = L.mesh.instanceMatrix.array as Float32Array;
      const colors = L.mesh.instanceColor!.array as Float32Array;
      for (const [id, sig] of b.signals.items) {
        const stale = b.signals.isStale(id);
        for (const a of sig.approaches) {
          if (n >= L.capacity) break;
          headPosition(sig.x, sig.y, a.bearingDeg, pos);
          if (!Number.isFinite(pos[0]!) || !Number.isFinite(pos[1]!)) continue;
          const tone: SignalTone = stale ? 'stale' : a.state;
          writeInstanceMatrix(matrices, n * 16, pos[0]!, pos[1]!, SIGNAL_HEAD_UP_M, 0, 1, 1, 1);
          writeRgb(colors, n * 3, RGB[tone]);
          n++;
          if (!near || stale) continue;
          const d2 = (pos[0]! - focus.x) ** 2 + (pos[1]! - focus.y) ** 2;
          if (d2 > r2) continue;
          const item = L.items[L.shown] ?? (L.items[L.shown] = { x: 0, y: 0, text: '', tone: 'green', d2: 0 });
          item.x = pos[0]!;
          item.y = pos[1]!;
          item.text = countdownText(remainingAt(sig, a, serverNow));
          item.tone = tone;
          item.d2 = d2;
          L.shown++;
        }
      }
      commitInstances(L.mesh, n);
      L.stats.heads = n;
    }
    let placed = 0;
    for (let k = 0; k < L.shown && placed < MAX_LABELS; k++) {
      const it = L.items[k]!;
      if (L.labels.placeEnu(state.camera, state.size.width, state.size.height, it.x, it.y, SIGNAL_HEAD_UP_M + 3, it.text, it.tone)) placed++;
    }
    L.labels.end();
    L.stats.labels = placed;
  });

  return <group ref={groupRef} visible={visible} name="live-signals" />;
}
