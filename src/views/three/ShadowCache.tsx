/**
 * Renders the shadow map only when what casts or shapes shadows changed (shadowSignature.ts),
 * not on every render call. Orbiting, zooming within a step, an idle wall with vehicles moving
 * (they do not cast): the shadow pass, the city drawn a second time, is skipped. A tile loading
 * or hiding, the sun, a scheme's index swap or a section plane change the signature, and that
 * render draws it again. The check runs in the scene's onBeforeRender, so it holds for every
 * render call: two compared panes in one frame, report screenshots, exports.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { registerDiagnostics } from '../../state/diagnostics';
import { ShadowSignature } from './shadowSignature';

export function ShadowCache() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);

  useEffect(() => {
    const signature = new ShadowSignature();
    const counts = { rendered: 0, reused: 0 };
    // Always gl.shadowMap, never a saved reference: a restored context replaces the object
    // (three copies autoUpdate and needsUpdate over to the new one).
    const wasAuto = gl.shadowMap.autoUpdate;
    gl.shadowMap.autoUpdate = false;
    gl.shadowMap.needsUpdate = true;
    const previous = scene.onBeforeRender;
    scene.onBeforeRender = function (renderer, s, camera, target, material, group) {
      previous.call(this, renderer, s, camera, target, material, group);
      const shadowMap = gl.shadowMap;
      if (!shadowMap.enabled) return;
      // (needsUpdate can stay set with no shadow-casting light: three clears it only after a
      // pass that had a light to draw, so it is not what is counted.)
      if (signature.update(scene, renderer)) {
        shadowMap.needsUpdate = true;
        counts.rendered++;
      } else {
        counts.reused++;
      }
    };
    // A restored context has lost the shadow map's texture with everything else.
    const onRestored = () => {
      signature.reset();
      gl.shadowMap.needsUpdate = true;
    };
    const canvas = gl.domElement;
    canvas.addEventListener('webglcontextrestored', onRestored);
    const offDiag = registerDiagnostics('shadows', () => ({ ...counts, signatureLength: signature.length }));
    return () => {
      offDiag();
      canvas.removeEventListener('webglcontextrestored', onRestored);
      scene.onBeforeRender = previous;
      gl.shadowMap.autoUpdate = wasAuto;
      gl.shadowMap.needsUpdate = true;
    };
  }, [gl, scene]);

  return null;
}
