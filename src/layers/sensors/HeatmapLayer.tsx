/**
 * AQI or noise as a translucent ground texture, interpolated between the reporting stations of
 * that type and faded away from them (see model.ts). Re-rendered once a second while shown; with
 * the heatmap off, its GPU objects are released and nothing runs.
 */
import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Group } from 'three';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import type { Clock } from '../live/liveClock';
import type { LiveRegistry } from '../live/LiveRegistry';
import { HeatmapSurface } from './HeatmapSurface';
import { AQI_SCALE, heatExtent, NOISE_SCALE, type HeatPoint } from './model';

const RENDER_EVERY_MS = 1000;
const CELLS = 96;
/** How far from a station the map still shows a value, m. */
export const HEATMAP_FADE_RADIUS_M = 1500;
const MAX_ALPHA = 0.72;

export function HeatmapLayer({ registry, now }: { registry: LiveRegistry; now: Clock }) {
  const store = useAppStoreApi();
  const mode = useAppStore((s) => s.heatmap);
  const opacity = useAppStore((s) => s.layerOpacity.heatmap ?? 1);
  const groupRef = useRef<Group>(null);
  const surface = useRef<HeatmapSurface | null>(null);
  const last = useRef({ ms: -Infinity, mode: 'off' as string });

  useEffect(() => {
    const s = new HeatmapSurface(groupRef.current!, registry);
    surface.current = s;
    return () => {
      s.dispose();
      surface.current = null;
      delete registry.stats.heatmap;
    };
  }, [registry]);

  useEffect(() => {
    surface.current?.setOpacity(opacity);
  }, [opacity]);

  useFrame(() => {
    const S = surface.current;
    if (!S) return;
    const b = store.getState().feedBuffers;
    if (mode === 'off' || !b) {
      if (last.current.mode !== 'off') S.dispose();
      last.current.mode = 'off';
      return;
    }
    const tNow = now();
    if (mode === last.current.mode && tNow - last.current.ms < RENDER_EVERY_MS) return;
    last.current.mode = mode;
    last.current.ms = tNow;
    const buf = b.sensors;
    const points: HeatPoint[] = [];
    for (let i = 0; i < buf.count; i++) {
      if (buf.types[i] !== mode || !buf.hasPosition[i] || !buf.hasValue[i] || buf.stale[i]) continue;
      const v = buf.values[i]!;
      if (Number.isFinite(v)) points.push({ x: buf.positions[i * 3]!, y: buf.positions[i * 3 + 1]!, v });
    }
    registry.stats.heatmap = { mode, stations: points.length };
    const grid = heatExtent(points, HEATMAP_FADE_RADIUS_M, CELLS);
    if (!grid) S.hide();
    else S.update(points, grid, mode === 'aqi' ? AQI_SCALE : NOISE_SCALE, HEATMAP_FADE_RADIUS_M, MAX_ALPHA);
  });

  return <group ref={groupRef} name="live-heatmap" />;
}
