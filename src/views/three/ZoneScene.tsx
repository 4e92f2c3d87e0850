/**
 * Everything 3D that belongs to one zone. Mounted with `key={scene.id}`, so switching zones
 * unmounts it whole: tile renderers, their cache, listeners, timers and lights are disposed by
 * their own effects before the next zone's are created.
 */
import { useMemo, useState } from 'react';
import { EnuFrame } from '../../core/geodesy';
import type { Scene } from '../../scene/schema';
import { useAppStore } from '../../state/hooks';
import { BuildingsHighlight } from '../../layers/buildings/BuildingsHighlight';
import { BuildingsPicking } from '../../layers/buildings/BuildingsPicking';
import { BaseGround } from '../../layers/ground/BaseGround';
import { GroundVisibility } from '../../layers/ground/GroundVisibility';
import { LiveLayers } from '../../layers/live/LiveLayers';
import { PlanningLayers } from '../../layers/planning/PlanningLayers';
import { PlanStateController } from '../../layers/planning/PlanStateController';
import { TilesetOpacity } from '../../layers/planning/TilesetOpacity';
import { ToolLayers } from '../../layers/planning/ToolLayers';
import { CameraRig } from './CameraRig';
import { ContextLossGuard } from './ContextLossGuard';
import { FirstPictureGate } from './FirstPictureGate';
import { SkyBackground } from './SkyBackground';
import { ShadowCache } from './ShadowCache';
import { SunLight } from './SunLight';
import { ThreeDiagnostics } from './ThreeDiagnostics';
import { TilesRegistry } from './TilesRegistry';
import { ViewExportCapture } from './ViewExportCapture';
import { ZoneContext, type ZoneContextValue } from './ZoneContext';
import { ZoneTileResources } from './ZoneTileResources';
import { ZoneTiles } from './ZoneTiles';

export function ZoneScene({ scene }: { scene: Scene }) {
  // The budget is read once per zone: the cache cannot be resized under loaded tiles without evicting them.
  const budgetMB = useAppStore((s) => s.tileBudgetMB);
  const [registry] = useState(() => new TilesRegistry(new ZoneTileResources(budgetMB)));
  const [planState] = useState(() => new PlanStateController());
  const value = useMemo<ZoneContextValue>(
    () => ({ scene, frame: new EnuFrame(scene.origin), registry, planState }),
    [scene, registry, planState],
  );

  return (
    <ZoneContext.Provider value={value}>
      <FirstPictureGate />
      <SkyBackground />
      <SunLight />
      <ShadowCache />
      <CameraRig />
      <ZoneTiles />
      <BuildingsPicking />
      {scene.tilesets.map((t) =>
        t.kind === 'buildings' ? (
          <group key={t.id}>
            <BuildingsHighlight tilesetId={t.id} />
            <TilesetOpacity tilesetId={t.id} />
          </group>
        ) : (
          <group key={t.id}>
            <BaseGround tilesetId={t.id} />
            <GroundVisibility tilesetId={t.id} />
            <TilesetOpacity tilesetId={t.id} />
          </group>
        ),
      )}
      <PlanningLayers />
      <ToolLayers />
      <LiveLayers scene={scene} />
      <ThreeDiagnostics />
      <ContextLossGuard />
      <ViewExportCapture />
    </ZoneContext.Provider>
  );
}
