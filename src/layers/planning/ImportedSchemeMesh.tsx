/**
 * A scheme the planner brought as a file, drawn straight from its footprints (no tiler, no
 * server): one extruded mesh in land-use colours that casts shadows, is picked like a tile
 * (feature id per building, properties in userData) and is shown only in its scheme's panes.
 */
import { useEffect, useMemo } from 'react';
import { Mesh, MeshStandardMaterial } from 'three';
import { LAND_USE_INFO } from '../../core/landUse';
import type { Scheme } from '../../analysis/planning/types';
import { useAppStoreApi } from '../../state/hooks';
import { installHighlight } from '../buildings/highlightMaterial';
import { NO_FEATURE } from '../buildings/model';
import { useZone } from '../../views/three/ZoneContext';
import { importedProperties } from './importedProperties';
import { extrudedBuildings } from './meshModel';
import { ITEM_ID_ATTRIBUTE, overlayGeometry } from './overlayGeometry';

/** userData key under which picking finds the per-feature properties of a non-tile mesh. */
export const PLAN_PROPERTIES_KEY = 'shentwinPlanProperties';

export function ImportedSchemeMesh({ scheme }: { scheme: Scheme }) {
  const { planState } = useZone();
  const store = useAppStoreApi();
  const mesh = useMemo(() => {
    const arrays = extrudedBuildings(scheme.buildings, (b) => LAND_USE_INFO[b.use].colorHex);
    const material = new MeshStandardMaterial({ vertexColors: true, roughness: 0.85, metalness: 0 });
    const uniforms = installHighlight(material, ITEM_ID_ATTRIBUTE);
    const m = new Mesh(overlayGeometry(arrays, true), material);
    m.castShadow = true;
    m.receiveShadow = true;
    m.name = `imported-scheme:${scheme.id}`;
    m.userData[PLAN_PROPERTIES_KEY] = scheme.buildings.map((b) => importedProperties(scheme, b));
    return { m, uniforms };
  }, [scheme]);

  useEffect(() => planState.register(scheme.id, mesh.m), [planState, scheme.id, mesh]);
  useEffect(() => () => {
    mesh.m.geometry.dispose();
    (mesh.m.material as MeshStandardMaterial).dispose();
  }, [mesh]);

  // Hover and selection highlight by feature index, like the tiles' BuildingsHighlight.
  useEffect(() => {
    const props = mesh.m.userData[PLAN_PROPERTIES_KEY] as { id: string }[];
    const featureOf = (id: string | null) => (id === null ? NO_FEATURE : props.findIndex((p) => p.id === id));
    const sync = () => {
      const s = store.getState();
      mesh.uniforms.uShentwinHoverId.value = featureOf(s.hoveredBuildingId);
      mesh.uniforms.uShentwinSelectId.value = featureOf(s.selected?.id ?? null);
    };
    sync();
    return store.subscribe((s, prev) => {
      if (s.hoveredBuildingId !== prev.hoveredBuildingId || s.selected !== prev.selected) sync();
    });
  }, [mesh, store]);

  return <primitive object={mesh.m} />;
}
