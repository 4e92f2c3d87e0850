/**
 * Applies the catalogue's opacity to a streamed tileset's materials, as tiles load and whenever
 * the planner moves a slider. A translucent building stops writing depth, so what stands behind
 * it shows through; back at full opacity it is an ordinary opaque material again.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { Material, Object3D } from 'three';
import { useAppStoreApi } from '../../state/hooks';
import { useTilesRenderer } from '../../views/three/ZoneContext';
import { meshOpacity, OPAQUE_AT } from './opacityModel';

function setMaterial(m: Material, opacity: number): void {
  // What the tile came with (glass is translucent already): kept, then scaled by the slider.
  const u = m.userData as { shentwinBase?: { opacity: number; transparent: boolean; depthWrite: boolean } };
  const base = (u.shentwinBase ??= { opacity: m.opacity, transparent: m.transparent, depthWrite: m.depthWrite });
  const translucent = opacity < OPAQUE_AT;
  const transparent = translucent || base.transparent;
  if (m.transparent !== transparent) m.needsUpdate = true;
  m.transparent = transparent;
  m.opacity = base.opacity * opacity;
  m.depthWrite = translucent ? false : base.depthWrite;
}

export function TilesetOpacity({ tilesetId }: { tilesetId: string }) {
  const tiles = useTilesRenderer(tilesetId);
  const store = useAppStoreApi();
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    if (!tiles) return;
    const applyTo = (root: Object3D) => {
      const opacity = store.getState().layerOpacity;
      root.traverse((o) => {
        const material = (o as { material?: Material | Material[] }).material;
        if (!material) return;
        const kind = (o.userData.groundKind as string | null | undefined) ?? null;
        const value = meshOpacity(opacity, tilesetId, kind);
        for (const m of Array.isArray(material) ? material : [material]) setMaterial(m, value);
      });
    };
    const onLoad = (e: { scene: Object3D }) => applyTo(e.scene);
    tiles.addEventListener('load-model', onLoad);
    tiles.forEachLoadedModel(applyTo);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.layerOpacity === prev.layerOpacity) return;
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
