/**
 * Draws the compared panes side by side under a scissor, each with its plan state applied first
 * and the same camera; a split pane gets its own aspect ratio. `width`/`height` are in the
 * renderer's size units (CSS px at the live view; image px for a screenshot at pixel ratio 1).
 * Shared by the live two-pane frame and the screenshot export, so an export shows what the view shows.
 */
import type { PerspectiveCamera, Scene, WebGLRenderer } from 'three';
import type { Pane } from './compareModel';
import type { PlanStateController } from './PlanStateController';

export function drawPanes(
  gl: WebGLRenderer,
  scene: Scene,
  cam: PerspectiveCamera,
  panes: readonly Pane[],
  width: number,
  height: number,
  planState: PlanStateController,
): void {
  const fullAspect = width / height;
  gl.setScissorTest(true);
  for (const p of panes) {
    const x = Math.round(p.x0 * width);
    const pw = Math.round((p.x0 + p.width) * width) - x;
    if (pw <= 0) continue;
    planState.apply(p.stateId);
    if (p.ownAspect) {
      gl.setViewport(x, 0, pw, height);
      cam.aspect = pw / height;
      cam.updateProjectionMatrix();
    } else {
      gl.setViewport(0, 0, width, height);
    }
    gl.setScissor(x, 0, pw, height);
    gl.render(scene, cam);
    if (p.ownAspect) {
      cam.aspect = fullAspect;
      cam.updateProjectionMatrix();
    }
  }
  gl.setScissorTest(false);
  gl.setViewport(0, 0, width, height);
}
