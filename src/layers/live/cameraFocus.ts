/**
 * Where the camera is looking (the controls' target, in ENU) and how far away it is: close-up
 * labels appear around that point once the camera is near enough to read them.
 */
import { Vector3, type Camera } from 'three';

export interface Focus {
  x: number;
  y: number;
  distance: number;
}

interface TargetSource {
  getTarget?(out: Vector3): Vector3;
}

const target = new Vector3();

export function cameraFocus(camera: Camera, controls: unknown, out: Focus): Focus {
  const c = controls as TargetSource | null;
  if (c && typeof c.getTarget === 'function') c.getTarget(target);
  else target.set(camera.position.x, 0, camera.position.z);
  out.x = target.x;
  out.y = -target.z;
  out.distance = camera.position.distanceTo(target);
  return out;
}
