/**
 * Congestion ribbons with a flow pattern: chevron-like bands moving along each ribbon in the
 * direction of travel at a rate set per vertex (faster on free-flowing roads). One material for
 * all segments, so the whole network is one draw call; `uTime` is the only per-frame update.
 * Ribbons widen with distance to stay at least uMinPx wide on an overview.
 */
import { DoubleSide, ShaderMaterial } from 'three';

export interface FlowUniforms {
  uTime: { value: number };
  uPxWorld: { value: number };
  uMinPx: { value: number };
  uOpacity: { value: number };
}

const vertexShader = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_vertex>
attribute vec2 aSide;
attribute float aLateral;
attribute float aWidth;
attribute float aAlong;
attribute vec3 aColor;
attribute float aFlow;
uniform float uPxWorld;
uniform float uMinPx;
varying vec3 vColor;
varying float vPhase;
varying float vAcross;
varying float vFlow;
uniform float uTime;
void main() {
  vec4 world = modelMatrix * vec4(position, 1.0);
  float dist = distance(world.xyz, cameraPosition);
  float w = max(aWidth, dist * uPxWorld * uMinPx);
  vec3 p = position + vec3(aSide.x, 0.0, aSide.y) * aLateral * w;
  // The pattern period grows with the ribbon so it stays visible from afar.
  float period = max(24.0, w * 6.0);
  vPhase = aAlong / period - uTime * aFlow;
  vAcross = aLateral;
  vColor = aColor;
  vFlow = aFlow;
  gl_Position = projectionMatrix * viewMatrix * modelMatrix * vec4(p, 1.0);
  #include <logdepthbuf_vertex>
}
`;

const fragmentShader = /* glsl */ `
#include <common>
#include <logdepthbuf_pars_fragment>
uniform float uOpacity;
varying vec3 vColor;
varying float vPhase;
varying float vAcross;
varying float vFlow;
void main() {
  #include <logdepthbuf_fragment>
  // A chevron: the band's phase bends with the lateral position, pointing forwards.
  float f = fract(vPhase - abs(vAcross - 0.5) * 0.6);
  float band = smoothstep(0.0, 0.15, f) * (1.0 - smoothstep(0.45, 0.6, f));
  float moving = step(0.001, vFlow);
  vec3 c = vColor * (0.78 + 0.42 * band * moving);
  gl_FragColor = vec4(c, uOpacity);
}
`;

export function createFlowMaterial(minPx: number): { material: ShaderMaterial; uniforms: FlowUniforms } {
  const uniforms: FlowUniforms = { uTime: { value: 0 }, uPxWorld: { value: 0 }, uMinPx: { value: minPx }, uOpacity: { value: 0.88 } };
  const material = new ShaderMaterial({
    uniforms: uniforms as unknown as Record<string, { value: unknown }>,
    vertexShader,
    fragmentShader,
    transparent: true,
    depthWrite: false,
    side: DoubleSide,
  });
  material.name = 'congestion-flow';
  return { material, uniforms };
}
