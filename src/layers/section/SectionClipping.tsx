/**
 * Clips the whole scene to the section through the renderer's global clipping planes, so every
 * tileset, scheme, overlay and label material is cut without being touched, and tiles that
 * stream in later are cut too. The planes are the controller's own Plane objects, rewritten in
 * place when the section changes; the renderer's previous planes come back when the section goes
 * or this unmounts. Global planes also hold in every pane of a comparison: each pass is an
 * ordinary gl.render of the scene.
 *
 * Not cut: three.js skips global planes when drawing shadow maps, so cut-away buildings still
 * cast shadows; shader materials that do not include three's clipping chunks (the road flow
 * lines) are drawn whole. Sunlight analysis runs on its own geometry and ignores the section.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { Plane } from 'three';
import type { SectionController } from './SectionController';

export function SectionClipping({ controller }: { controller: SectionController }) {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    const previous: Plane[] = gl.clippingPlanes;
    const apply = () => {
      gl.clippingPlanes = controller.section ? controller.planes : previous;
      invalidate();
    };
    apply();
    const unsubscribe = controller.subscribe(apply);
    return () => {
      unsubscribe();
      gl.clippingPlanes = previous;
      invalidate();
    };
  }, [gl, controller, invalidate]);

  return null;
}
