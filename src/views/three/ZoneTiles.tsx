/**
 * The zone's tilesets, under one group that takes ECEF tile content to local three.js metres
 * (see tilesetRootMatrix). The matrix is set once per zone and never auto-updated.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Group } from 'three';
import { schemeTilesetRefs, statesInView } from '../../layers/planning/schemeTilesets';
import { useAppStore } from '../../state/hooks';
import { tilesetRootMatrix } from './enuThree';
import { TilesetLayer } from './TilesetLayer';
import { useZone } from './ZoneContext';

export function ZoneTiles() {
  const { scene, frame } = useZone();
  const ref = useRef<Group>(null);
  const plan = useAppStore((s) => s.plan);
  const siteId = useAppStore((s) => s.activeSiteId);
  // Keyed by the shown ids, not the view: dragging the divider must not rebuild tilesets.
  const shown = useAppStore((s) => statesInView(s.planView).join(','));
  // Scheme tilesets share the zone's frame, cache and queues; the plan-state controller shows them.
  const schemeRefs = useMemo(() => schemeTilesetRefs(scene, plan?.schemes ?? [], siteId, shown.split(',')), [scene, plan, siteId, shown]);

  useLayoutEffect(() => {
    const g = ref.current;
    if (!g) return;
    g.matrix.fromArray(tilesetRootMatrix(frame));
    g.matrixWorldNeedsUpdate = true;
  }, [frame]);

  return (
    <group ref={ref} matrixAutoUpdate={false} name="zone-tilesets">
      {scene.tilesets.map((t) => (
        <TilesetLayer key={t.id} tileset={t} />
      ))}
      {schemeRefs.map((t) => (
        <TilesetLayer key={t.id} tileset={t} managedVisibility />
      ))}
    </group>
  );
}
