/**
 * Sensor markers: one InstancedMesh per sensor type (shape by type), coloured by threshold state,
 * alarms pulsing in the vertex shader. Instances are rebuilt at most twice a second when the
 * feed's sensor buffer changed; per frame only uniforms move and close-up labels are placed.
 * A silent sensor keeps its marker in the offline colour and its label says when it was last seen.
 */
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import { Group, type PerspectiveCamera } from 'three';
import { liveConfigOf } from '../../analysis/live/liveConfig';
import { SENSOR_LEVELS, type Thresholds } from '../../analysis/live/thresholds';
import type { Scene } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { cameraFocus, type Focus } from '../live/cameraFocus';
import { LabelOverlay } from '../live/LabelOverlay';
import { clockTime, displayUnit, formatValue } from '../live/labelText';
import { LIVE_LAYER_IDS } from '../live/layerIds';
import type { Clock } from '../live/liveClock';
import type { LiveRegistry } from '../live/LiveRegistry';
import { metresPerPixelPerMetre, nearestIndices, pickNearest } from '../live/model';
import { resolveSlotThresholds } from './model';
import { SensorInstances } from './SensorInstances';
import { sensorStyle } from './style';

const REBUILD_EVERY_MS = 500;
const LABEL_EVERY_MS = 250;
/** Labels show when the camera is this close to what it looks at, for sensors this near that point. */
const LABEL_CAMERA_MAX_M = 1200;
const LABEL_RADIUS_M = 700;
const MAX_LABELS = 24;

interface LayerState {
  instances: SensorInstances;
  thresholds: (Thresholds | null)[];
  catalogueVersion: number;
  version: number;
  buffers: unknown;
  lastBuildMs: number;
  lastLabelMs: number;
  labels: LabelOverlay;
  labelSlots: number[];
  labelText: string[];
  stats: { drawn: number; alarms: number; labels: number };
}

const focus: Focus = { x: 0, y: 0, distance: Infinity };

/** Label priority by level code: alarm, warning, normal, offline. Array.sort is stable, so distance order holds within a rank. */
function labelRank(level: number): number {
  return level === 2 ? 0 : level === 1 ? 1 : level === 0 ? 2 : 3;
}

export function SensorsLayer({ scene, registry, now }: { scene: Scene; registry: LiveRegistry; now: Clock }) {
  const store = useAppStoreApi();
  const { t } = useTranslation();
  const visible = useAppStore((s) => isLayerVisible(s.layerVisible, LIVE_LAYER_IDS.sensors));
  const gl = useThree((s) => s.gl);
  const controls = useThree((s) => s.controls);
  const groupRef = useRef<Group>(null);
  const layer = useRef<LayerState | null>(null);
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    const group = groupRef.current!;
    const instances = new SensorInstances();
    group.add(instances.group);
    const unregister: (() => void)[] = [registry.addMesh(instances.group)];
    const stats = { drawn: 0, alarms: 0, labels: 0 };
    registry.stats.sensors = stats;
    const labels = new LabelOverlay(gl.domElement.parentElement ?? gl.domElement, 'st-live-labels--sensors', registry.labels);
    const L: LayerState = {
      instances, thresholds: [], catalogueVersion: -1, version: -1, buffers: null, lastBuildMs: -Infinity,
      lastLabelMs: -Infinity, labels, labelSlots: [], labelText: [], stats,
    };
    layer.current = L;
    unregister.push(
      registry.addPicker({
        kind: 'sensor',
        pick: (vp, w, h, x, y, r) => {
          const b = store.getState().feedBuffers;
          if (!b || !group.visible) return null;
          const buf = b.sensors;
          const hit = pickNearest(buf.count, (i) => buf.positions[i * 3]! + sensorStyle(buf.types[i]!).offset[0], (i) => buf.positions[i * 3 + 1]! + sensorStyle(buf.types[i]!).offset[1], 6, (i) => buf.hasPosition[i] === 1, vp, w, h, x, y, r);
          const id = hit ? buf.ids[hit.index] : undefined;
          return hit && id ? { ...hit, id } : null;
        },
        locate: (id, out) => {
          const buf = store.getState().feedBuffers?.sensors;
          const i = buf?.slot(id);
          if (!buf || i === undefined || !buf.hasPosition[i]) return false;
          const off = sensorStyle(buf.types[i]!).offset;
          out[0] = buf.positions[i * 3]! + off[0];
          out[1] = buf.positions[i * 3 + 1]! + off[1];
          out[2] = 0;
          return true;
        },
      }),
    );
    return () => {
      for (const u of unregister) u();
      delete registry.stats.sensors;
      labels.dispose();
      group.remove(instances.group);
      instances.dispose();
      layer.current = null;
    };
  }, [registry, store, gl]);

  useFrame((state) => {
    const L = layer.current;
    const group = groupRef.current;
    if (!L || !group) return;
    const s = store.getState();
    const b = s.feedBuffers;
    if (!b || !group.visible) {
      L.instances.clear();
      L.labels.begin(state.clock.elapsedTime);
      L.labels.end();
      return;
    }
    const buf = b.sensors;
    const tNow = now();
    if (b !== L.buffers || buf.catalogueVersion !== L.catalogueVersion) {
      resolveSlotThresholds(buf, liveConfigOf(scene).sensorThresholds, L.thresholds);
      L.catalogueVersion = buf.catalogueVersion;
      L.version = -1;
    }
    if ((buf.version !== L.version || b !== L.buffers) && tNow - L.lastBuildMs >= REBUILD_EVERY_MS) {
      L.buffers = b;
      L.version = buf.version;
      L.lastBuildMs = tNow;
      L.instances.rebuild(buf, L.thresholds);
      L.stats.drawn = L.instances.drawn;
      L.stats.alarms = L.instances.alarms;
    }
    const pxWorld = metresPerPixelPerMetre((state.camera as PerspectiveCamera).fov ?? 45, state.size.height);
    L.instances.frame(pxWorld, state.clock.elapsedTime);
    if (tNow - L.lastLabelMs >= LABEL_EVERY_MS) {
      L.lastLabelMs = tNow;
      cameraFocus(state.camera, controls, focus);
      L.labelText.length = 0;
      if (focus.distance <= LABEL_CAMERA_MAX_M) {
        nearestIndices(buf.count, (i) => buf.positions[i * 3]!, (i) => buf.positions[i * 3 + 1]!, (i) => buf.hasPosition[i] === 1, focus.x, focus.y, LABEL_RADIUS_M, MAX_LABELS, L.labelSlots);
        // Labels are placed in this order and later ones give way: alarms and warnings first.
        L.labelSlots.sort((a, b) => labelRank(L.instances.levels[a] ?? 3) - labelRank(L.instances.levels[b] ?? 3));
        const lang = s.language;
        for (const i of L.labelSlots) {
          const info = buf.infos[i];
          const name = info?.name[lang] || buf.ids[i]!;
          let line: string;
          if (!buf.hasValue[i]) line = tRef.current(buf.pending[i] ? 'live.sensor.pending' : 'live.sensor.neverReported');
          else if (buf.stale[i]) line = tRef.current('live.sensor.lastSeenAt', { time: clockTime(buf.lastSeen[i]!) });
          else line = `${formatValue(buf.values[i]!)} ${displayUnit(buf.units[i] ?? '', tRef.current)}`;
          L.labelText.push(`${name}\n${line}`);
        }
      } else L.labelSlots.length = 0;
    }
    L.labels.begin(state.clock.elapsedTime);
    for (let k = 0; k < L.labelSlots.length; k++) {
      const i = L.labelSlots[k]!;
      const st = sensorStyle(buf.types[i]!);
      L.labels.placeEnu(state.camera, state.size.width, state.size.height, buf.positions[i * 3]! + st.offset[0], buf.positions[i * 3 + 1]! + st.offset[1], st.sizeM * 1.15, L.labelText[k] ?? '', SENSOR_LEVELS[L.instances.levels[i] ?? 3] ?? 'offline');
    }
    L.labels.end();
    L.stats.labels = L.labels.visibleCount;
  });

  return <group ref={groupRef} visible={visible} name="live-sensors" />;
}
