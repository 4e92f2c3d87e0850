/**
 * The zone's tilesets, under one group that takes ECEF tile content to local three.js metres
 * (see tilesetRootMatrix). The matrix is set once per zone and never auto-updated.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Group } from 'three';
import { tilesetRootMatrix } from './enuThree';
import { TilesetLayer } from './TilesetLayer';
import { useZone } from './ZoneContext';

export function ZoneTiles() {
  const { scene, frame } = useZone();
  const ref = useRef<Group>(null);

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
    </group>
  );
}
