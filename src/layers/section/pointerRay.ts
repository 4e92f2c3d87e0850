/**
 * Sets a raycaster from a pointer on the 3D view, through the pane under it: in a side-by-side
 * comparison each pane has its own aspect, so the camera is squeezed for the cast and restored
 * (the same mapping BuildingsPicking uses, through the same pure compareModel functions).
 */
import { Vector2, type PerspectiveCamera, type Raycaster } from 'three';
import { paneAt, paneNdcX, type Pane } from '../planning/compareModel';

const ndc = new Vector2();

/** False when the view has no size or no pane is under the pointer. */
export function pointerRay(
  el: HTMLElement,
  camera: PerspectiveCamera,
  panes: readonly Pane[],
  clientX: number,
  clientY: number,
  raycaster: Raycaster,
): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return false;
  const xShare = (clientX - rect.left) / rect.width;
  const pane = paneAt(panes, xShare);
  if (!pane) return false;
  const aspect = camera.aspect;
  if (pane.ownAspect) {
    camera.aspect = (pane.width * rect.width) / rect.height;
    camera.updateProjectionMatrix();
  }
  try {
    ndc.set(paneNdcX(pane, xShare), -((clientY - rect.top) / rect.height) * 2 + 1);
    raycaster.setFromCamera(ndc, camera);
  } finally {
    if (pane.ownAspect) {
      camera.aspect = aspect;
      camera.updateProjectionMatrix();
    }
  }
  return true;
}
