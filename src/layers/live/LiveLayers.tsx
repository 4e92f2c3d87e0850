/**
 * Every live layer of a zone's 3D scene, mounted once in ZoneScene: traffic, congestion, signals,
 * RSU coverage, bus stops, sensors, heatmap, alert beacons, the selection ring and click picking.
 * Publishes the 'live' diagnostics (draw calls of the live layers, instances drawn, rendered
 * vehicle poses) for the ?test=1 hook and the benchmarks.
 */
import { useEffect, useState } from 'react';
import { useAppStoreApi } from '../../state/hooks';
import { registerDiagnostics } from '../../state/diagnostics';
import type { RoadGraph } from '../../core/roadGraph';
import type { Scene } from '../../scene/schema';
import { RoadsLayer } from '../roads/RoadsLayer';
import { loadRoadGraph, roadGraphUrlOf } from '../roads/roadGraphCache';
import { RsuLayer } from '../rsu/RsuLayer';
import { HeatmapLayer } from '../sensors/HeatmapLayer';
import { SensorsLayer } from '../sensors/SensorsLayer';
import { SignalsLayer } from '../signals/SignalsLayer';
import { StopsLayer } from '../stops/StopsLayer';
import { TrafficLayer } from '../traffic/TrafficLayer';
import { AlertBeacons } from './AlertBeacons';
import { LabelDeclutter } from './LabelDeclutter';
import { wallClock, type Clock } from './liveClock';
import { LivePicking } from './LivePicking';
import { LiveRegistry } from './LiveRegistry';
import { SelectionMarker } from './SelectionMarker';

const pose = [0, 0, 0];

export function LiveLayers({ scene, now = wallClock }: { scene: Scene; now?: Clock }) {
  const store = useAppStoreApi();
  const [registry] = useState(() => new LiveRegistry());
  const [graph, setGraph] = useState<RoadGraph | null>(null);

  useEffect(() => {
    let cancelled = false;
    void loadRoadGraph(roadGraphUrlOf(scene.roadGraphUrl)).then((r) => {
      if (cancelled) return;
      if (r.ok) setGraph(r.graph);
      else store.getState().reportError('tileset', scene.roadGraphUrl, `road graph for the congestion layer: ${r.error}`);
    });
    return () => {
      cancelled = true;
    };
  }, [scene, store]);

  useEffect(
    () =>
      registerDiagnostics('live', () => ({
        drawCalls: registry.drawCalls(),
        meshes: registry.meshes.size,
        stats: JSON.parse(JSON.stringify(registry.stats)) as unknown,
        /** Rendered (interpolated) poses of up to n vehicles: { id, x, y, yaw }. A function: call it in the page. */
        vehiclePoses: (n: number) => {
          const v = store.getState().feedBuffers?.vehicles;
          const out: { id: string; x: number; y: number }[] = [];
          if (!v) return out;
          for (let i = 0; i < v.highWater && out.length < n; i++) {
            const id = v.ids[i];
            if (!v.alive[i] || !id || !registry.locate('vehicle', id, pose)) continue;
            out.push({ id, x: pose[0]!, y: pose[1]! });
          }
          return out;
        },
      })),
    [registry, store],
  );

  return (
    <group name="live-layers">
      {graph && <RoadsLayer graph={graph} registry={registry} now={now} />}
      <HeatmapLayer registry={registry} now={now} />
      <RsuLayer scene={scene} registry={registry} now={now} />
      {/* Before the labelled layers: it tells them where panels and the selection are this frame. */}
      <LabelDeclutter registry={registry} />
      {/* Labels are placed in this order and later layers give way: sensors, then signals, then stops. */}
      <SensorsLayer scene={scene} registry={registry} now={now} />
      <SignalsLayer registry={registry} now={now} />
      <StopsLayer registry={registry} now={now} />
      <TrafficLayer registry={registry} now={now} />
      <AlertBeacons registry={registry} />
      <SelectionMarker registry={registry} />
      <LivePicking registry={registry} />
    </group>
  );
}
