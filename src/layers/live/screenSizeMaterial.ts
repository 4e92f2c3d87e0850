/**
 * Lambert material for instanced live markers that keeps each marker at least a few pixels tall
 * however far the camera is, and can pulse (alarms). The enlargement happens in the vertex shader
 * from the instance's distance to the camera, so no per-instance CPU work depends on the camera.
 * The returned uniforms are updated by the owning layer once per frame (viewport scale, time).
 */
import { Color, DoubleSide, MeshBasicMaterial, MeshLambertMaterial } from 'three';

export interface ScreenSizeUniforms {
  /** metresPerPixelPerMetre × device pixel ratio correction; see layers/live/model.ts. */
  uStPxWorld: { value: number };
  uStMinPx: { value: number };
  /** The model's nominal size, metres: the scale is chosen so this spans uStMinPx. */
  uStSizeM: { value: number };
  uStTime: { value: number };
}

export interface ScreenSizeOptions {
  minPx: number;
  sizeM: number;
  /** Adds a per-instance `aStPulse` attribute (0 or 1) that makes an instance throb. */
  pulse?: boolean;
  transparent?: boolean;
  opacity?: number;
  emissive?: string;
  /** Unlit (beacons, rings) instead of Lambert-shaded solids. */
  basic?: boolean;
}

export function createScreenSizeMaterial(o: ScreenSizeOptions): { material: MeshLambertMaterial | MeshBasicMaterial; uniforms: ScreenSizeUniforms } {
  const uniforms: ScreenSizeUniforms = {
    uStPxWorld: { value: 0 },
    uStMinPx: { value: o.minPx },
    uStSizeM: { value: o.sizeM },
    uStTime: { value: 0 },
  };
  const common = { color: 0xffffff, transparent: o.transparent ?? false, opacity: o.opacity ?? 1 };
  const material = o.basic
    ? new MeshBasicMaterial({ ...common, side: DoubleSide, depthWrite: !(o.transparent ?? false) })
    : new MeshLambertMaterial(common);
  if (o.emissive && material instanceof MeshLambertMaterial) material.emissive = new Color(o.emissive);
  if (o.pulse) material.defines = { ST_PULSE: '' };
  material.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, uniforms);
    shader.vertexShader = shader.vertexShader
      .replace(
        '#include <common>',
        `#include <common>
uniform float uStPxWorld;
uniform float uStMinPx;
uniform float uStSizeM;
uniform float uStTime;
#ifdef ST_PULSE
attribute float aStPulse;
#endif`,
      )
      .replace(
        '#include <begin_vertex>',
        `#include <begin_vertex>
#ifdef USE_INSTANCING
vec4 stOrigin = modelMatrix * instanceMatrix * vec4(0.0, 0.0, 0.0, 1.0);
#else
vec4 stOrigin = modelMatrix * vec4(0.0, 0.0, 0.0, 1.0);
#endif
float stScale = max(1.0, distance(stOrigin.xyz, cameraPosition) * uStPxWorld * uStMinPx / uStSizeM);
#ifdef ST_PULSE
stScale *= 1.0 + aStPulse * 0.45 * (0.5 + 0.5 * sin(uStTime * 6.2831853));
#endif
transformed *= stScale;`,
      );
  };
  material.customProgramCacheKey = () => `st-screen-size${o.pulse ? '-pulse' : ''}${o.basic ? '-basic' : ''}`;
  return { material, uniforms };
}
