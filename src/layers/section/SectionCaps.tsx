/**
 * Caps the section's cut faces (SectionCapRenderer says how and what it costs). Keeps the list
 * of capped roots current: the zone's buildings tilesets, each scheme's streamed tileset and the
 * imported scheme meshes. Tilesets come and go through the registry; imported meshes register
 * with the plan-state controller in their own effects, after the store changes that create them,
 * so while a section is active the list is also refreshed every ROOTS_REFRESH_MS.
 */
import { useEffect, useState } from 'react';
import { useThree } from '@react-three/fiber';
import type { Object3D } from 'three';
import { useAppStoreApi } from '../../state/hooks';
import { allSchemes } from '../../state/planningSlice';
import { useZone } from '../../views/three/ZoneContext';
import { CAP_COLOR, capTilesetIds } from './model';
import { SectionCapRenderer } from './SectionCapRenderer';
import type { SectionController } from './SectionController';

const ROOTS_REFRESH_MS = 1000;

export interface SectionCapsProps {
  controller: SectionController;
  /** Colour of the cut faces. */
  color?: string;
}

export function SectionCaps({ controller, color = CAP_COLOR }: SectionCapsProps) {
  const { scene, registry, planState } = useZone();
  const store = useAppStoreApi();
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const [caps] = useState(() => new SectionCapRenderer(controller, color));

  useEffect(() => () => caps.dispose(), [caps]);
  useEffect(() => caps.setColor(color), [caps, color]);

  useEffect(() => {
    controller.setCapsReady(caps.attach(gl));
    return () => controller.setCapsReady(false);
  }, [caps, controller, gl]);

  useEffect(() => {
    const refresh = () => {
      if (!controller.section) return;
      const schemeIds = allSchemes(store.getState()).map((s) => s.id);
      const roots = new Set<Object3D>();
      for (const id of capTilesetIds(scene.tilesets, schemeIds)) {
        const tiles = registry.get(id);
        if (tiles) roots.add(tiles.group);
      }
      for (const id of schemeIds) for (const o of planState.objectsOf(id)) roots.add(o);
      const before = caps.rootCount;
      caps.setRoots(roots);
      if (roots.size !== before) invalidate();
    };
    refresh();
    // A drag changes the section on every pointer move; the roots only matter when one appears.
    let wasActive = controller.section !== null;
    const onSection = () => {
      const active = controller.section !== null;
      if (active && !wasActive) refresh();
      wasActive = active;
    };
    const unsubscribeRegistry = registry.subscribe(refresh);
    const unsubscribeController = controller.subscribe(onSection);
    const unsubscribeStore = store.subscribe((s, prev) => {
      if (s.plan !== prev.plan || s.importedSchemes !== prev.importedSchemes) refresh();
    });
    const timer = setInterval(refresh, ROOTS_REFRESH_MS);
    return () => {
      unsubscribeRegistry();
      unsubscribeController();
      unsubscribeStore();
      clearInterval(timer);
    };
  }, [caps, controller, scene, registry, planState, store, invalidate]);

  return <primitive object={caps.trigger} />;
}
