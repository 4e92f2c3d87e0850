/**
 * Keeps the highlight uniforms of the buildings tiles in step with the store's hovered and
 * selected building ids. A building id maps to (tile mesh, feature id) pairs, maintained as
 * tiles load and unload, so a newly streamed tile of a selected building lights up too.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { Object3D } from 'three';
import { trackListener } from '../../runtime/tracked';
import { useAppStoreApi } from '../../state/hooks';
import { useTilesRenderer } from '../../views/three/ZoneContext';
import { buildingIdsOfMesh } from './featureMetadata';
import { highlightUniformsOf, type HighlightUniforms } from './highlightMaterial';
import { FeatureIndex, NO_FEATURE } from './model';

type Slot = 'uShentwinHoverId' | 'uShentwinSelectId';

export function BuildingsHighlight({ tilesetId }: { tilesetId: string }) {
  const tiles = useTilesRenderer(tilesetId);
  const store = useAppStoreApi();
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    if (!tiles) return;
    const index = new FeatureIndex<Object3D>();
    let hovered = store.getState().hoveredBuildingId;
    let selected = store.getState().selected?.id ?? null;
    const set = (o: Object3D, slot: Slot, featureId: number) => {
      const u: HighlightUniforms | null = highlightUniformsOf(o);
      if (u) u[slot].value = featureId;
    };

    const indexScene = (scene: Object3D) => {
      scene.traverse((o) => {
        if (!highlightUniformsOf(o)) return;
        for (const { featureId, buildingId } of buildingIdsOfMesh(o)) index.add(buildingId, o, featureId);
        set(o, 'uShentwinHoverId', index.featureIn(hovered, o));
        set(o, 'uShentwinSelectId', index.featureIn(selected, o));
      });
    };
    const unindexScene = (scene: Object3D) => scene.traverse((o) => index.removeTarget(o));
    const onLoad = (e: { scene: Object3D }) => indexScene(e.scene);
    const onDispose = (e: { scene: Object3D }) => unindexScene(e.scene);

    const move = (slot: Slot, from: string | null, to: string | null) => {
      for (const r of index.refs(from)) set(r.target, slot, NO_FEATURE);
      for (const r of index.refs(to)) set(r.target, slot, r.featureId);
      invalidate();
    };

    const offLoad = trackListener(tiles, 'load-model', onLoad as (e: unknown) => void);
    const offDispose = trackListener(tiles, 'dispose-model', onDispose as (e: unknown) => void);
    tiles.forEachLoadedModel(indexScene);
    const unsubscribe = store.subscribe((s) => {
      const h = s.hoveredBuildingId;
      const sel = s.selected?.id ?? null;
      if (h !== hovered) {
        move('uShentwinHoverId', hovered, h);
        hovered = h;
      }
      if (sel !== selected) {
        move('uShentwinSelectId', selected, sel);
        selected = sel;
      }
    });
    return () => {
      unsubscribe();
      offLoad();
      offDispose();
      index.clear();
    };
  }, [tiles, store, invalidate]);

  return null;
}
