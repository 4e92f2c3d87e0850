/**
 * Binds the BIM floors tool to a buildings tileset: patches each CIM5 tile as it loads and keeps
 * its uniforms in step with the props (bimFloorUniforms of the tool's state). Mount it beside
 * BuildingsHighlight, one per buildings tileset. Props change at UI rate; nothing runs per frame.
 */
import { useEffect, useRef, useState } from 'react';
import { useThree } from '@react-three/fiber';
import type { Object3D } from 'three';
import type { BimFloorUniformValues } from '../../analysis/bim/bimFloorsView';
import { useTilesRenderer } from '../../views/three/ZoneContext';
import { BimTileFloors } from './BimTileFloors';

export interface BimFloorsProps extends BimFloorUniformValues {
  tilesetId: string;
  /** Told whether the CIM5 tile of `buildingId` is loaded, whenever that changes. */
  onTargetLoadedChange?: (loaded: boolean) => void;
}

export function BimFloors({ tilesetId, buildingId, isolatedFloor, ghostOpacity, explodeGapM, onTargetLoadedChange }: BimFloorsProps) {
  const tiles = useTilesRenderer(tilesetId);
  const invalidate = useThree((s) => s.invalidate);
  const [floors] = useState(() => new BimTileFloors());
  const target = useRef(buildingId);
  const onLoaded = useRef(onTargetLoadedChange);
  const reported = useRef<boolean | null>(null);
  target.current = buildingId;
  onLoaded.current = onTargetLoadedChange;

  useEffect(() => {
    const report = () => {
      const loaded = floors.isLoaded(target.current);
      if (loaded === reported.current) return;
      reported.current = loaded;
      onLoaded.current?.(loaded);
    };
    floors.onChange = report;
    return () => {
      floors.onChange = null;
    };
  }, [floors]);

  useEffect(() => {
    if (!tiles) return;
    const onLoad = (e: { scene: Object3D }) => {
      if (floors.addScene(e.scene)) invalidate();
    };
    const onDispose = (e: { scene: Object3D }) => floors.removeScene(e.scene);
    tiles.addEventListener('load-model', onLoad);
    tiles.addEventListener('dispose-model', onDispose);
    tiles.forEachLoadedModel((scene: Object3D) => floors.addScene(scene));
    invalidate();
    return () => {
      tiles.removeEventListener('load-model', onLoad);
      tiles.removeEventListener('dispose-model', onDispose);
      floors.clear();
      invalidate();
    };
  }, [tiles, floors, invalidate]);

  useEffect(() => {
    floors.apply({ buildingId, isolatedFloor, ghostOpacity, explodeGapM });
    invalidate();
  }, [floors, buildingId, isolatedFloor, ghostOpacity, explodeGapM, invalidate]);

  return null;
}
