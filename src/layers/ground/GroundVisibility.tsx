/** Shows and hides ground sub-layers (water, road, green, land use) by mesh, from the layers slice. */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { Object3D } from 'three';
import { useAppStoreApi } from '../../state/hooks';
import { useTilesRenderer } from '../../views/three/ZoneContext';
import { isGroundKindVisible, type GroundKind } from './model';

export function GroundVisibility({ tilesetId }: { tilesetId: string }) {
  const tiles = useTilesRenderer(tilesetId);
  const store = useAppStoreApi();
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    if (!tiles) return;
    const applyTo = (root: Object3D) => {
      const layerVisible = store.getState().layerVisible;
      root.traverse((o) => {
        if ((o as { isMesh?: boolean }).isMesh) {
          o.visible = isGroundKindVisible(layerVisible, tilesetId, (o.userData.groundKind as GroundKind | null | undefined) ?? null);
        }
      });
    };
    const onLoad = (e: { scene: Object3D }) => applyTo(e.scene);
    tiles.addEventListener('load-model', onLoad);
    tiles.forEachLoadedModel(applyTo);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.layerVisible === prev.layerVisible) return;
      tiles.forEachLoadedModel(applyTo);
      invalidate();
    });
    return () => {
      tiles.removeEventListener('load-model', onLoad);
      unsubscribe();
    };
  }, [tiles, store, tilesetId, invalidate]);

  return null;
}
