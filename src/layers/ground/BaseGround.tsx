/**
 * Draws the neutral base land under the zone (see baseGround.ts): one plane, receiving shadows,
 * shown with the ground tileset. Not pickable: building picking only raycasts tile groups.
 */
import { useEffect, useMemo } from 'react';
import { Color, MeshLambertMaterial, PlaneGeometry } from 'three';
import { useAppStore } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { enuToThree } from '../../views/three/enuThree';
import { useZone } from '../../views/three/ZoneContext';
import { BASE_GROUND_COLOR, BASE_GROUND_HEIGHT_M, baseGroundRect } from './baseGround';

export function BaseGround({ tilesetId }: { tilesetId: string }) {
  const { scene, frame } = useZone();
  const visible = useAppStore((s) => isLayerVisible(s.layerVisible, tilesetId));
  const rect = useMemo(() => baseGroundRect(frame, scene.bounds), [frame, scene.bounds]);
  const geometry = useMemo(() => {
    const g = new PlaneGeometry(rect.maxE - rect.minE, rect.maxN - rect.minN);
    // PlaneGeometry lies in x/y; three's ground plane is x/z (y up).
    g.rotateX(-Math.PI / 2);
    return g;
  }, [rect]);
  const material = useMemo(() => new MeshLambertMaterial({ color: new Color(BASE_GROUND_COLOR) }), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);
  const centre = enuToThree((rect.minE + rect.maxE) / 2, (rect.minN + rect.maxN) / 2, BASE_GROUND_HEIGHT_M);

  return (
    <mesh
      geometry={geometry}
      material={material}
      position={centre}
      receiveShadow
      visible={visible}
      renderOrder={-1}
      raycast={() => undefined}
      name="base-ground"
    />
  );
}
