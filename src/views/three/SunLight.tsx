/**
 * Sunlight for the zone origin at the store's sun time (or the scene default): a directional
 * light placed along the suncalc direction, with a shadow camera that follows the camera target
 * and is sized to the view (a few km at most), plus a hemisphere fill. Below the horizon the sun
 * switches off and the fill dims to night.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Color, SRGBColorSpace, Vector3, type DirectionalLight, type HemisphereLight } from 'three';
import type CameraControlsImpl from 'camera-controls';
import { useAppStore } from '../../state/hooks';
import { enuToThree } from './enuThree';
import { lightingForAltitude, resolveSunTimeMs, shadowHalfSize, SHADOW_MAP_SIZE, sunPosition, type Rgb } from './sunModel';
import { useZone } from './ZoneContext';

/** Distance of the light from its target: beyond the tallest building, inside the shadow camera's far plane. */
const SUN_DISTANCE_M = 4000;
/** Resize the shadow camera only on real zoom changes: each resize shifts shadow texels. */
const SHADOW_RESIZE_RATIO = 1.15;

const scratchTarget = new Vector3();
const scratchCamPos = new Vector3();

const toColor = (c: Color, rgb: Rgb) => c.setRGB(rgb[0], rgb[1], rgb[2], SRGBColorSpace);

export function SunLight() {
  const { scene } = useZone();
  const sunTimeMs = useAppStore((s) => s.sunTimeMs);
  const shadowsOn = useAppStore((s) => s.shadows);
  const controls = useThree((s) => s.controls) as CameraControlsImpl | null;
  const invalidate = useThree((s) => s.invalidate);
  const lightRef = useRef<DirectionalLight>(null);
  const hemiRef = useRef<HemisphereLight>(null);
  const halfSize = useRef(0);

  const sun = useMemo(() => {
    const t = resolveSunTimeMs(sunTimeMs, scene.sunDefault);
    const pos = sunPosition(t, scene.origin.latDeg, scene.origin.lonDeg);
    return { dir: enuToThree(...pos.dirEnu), lighting: lightingForAltitude(pos.altitudeRad) };
  }, [sunTimeMs, scene]);

  useEffect(() => {
    const light = lightRef.current;
    const hemi = hemiRef.current;
    if (!light || !hemi) return;
    const L = sun.lighting;
    light.intensity = L.sunIntensity;
    toColor(light.color, L.sunColor);
    light.castShadow = shadowsOn && L.castShadows;
    hemi.intensity = L.hemiIntensity;
    toColor(hemi.color, L.hemiSky);
    toColor(hemi.groundColor, L.hemiGround);
    invalidate();
  }, [sun, shadowsOn, invalidate]);

  useFrame(({ camera }) => {
    const light = lightRef.current;
    if (!light) return;
    if (controls) controls.getTarget(scratchTarget);
    else scratchTarget.set(0, 0, 0);
    const d = sun.dir;
    light.target.position.copy(scratchTarget);
    light.position.set(scratchTarget.x + d[0] * SUN_DISTANCE_M, scratchTarget.y + d[1] * SUN_DISTANCE_M, scratchTarget.z + d[2] * SUN_DISTANCE_M);
    light.target.updateMatrixWorld();
    const half = shadowHalfSize(scratchCamPos.copy(camera.position).distanceTo(scratchTarget));
    const prev = halfSize.current;
    if (prev === 0 || half > prev * SHADOW_RESIZE_RATIO || half < prev / SHADOW_RESIZE_RATIO) {
      halfSize.current = half;
      const cam = light.shadow.camera;
      cam.left = -half;
      cam.right = half;
      cam.top = half;
      cam.bottom = -half;
      cam.near = 1;
      cam.far = SUN_DISTANCE_M * 2;
      cam.updateProjectionMatrix();
      // Bias scales with texel size so large views do not acne and close views do not peter-pan.
      const texel = (2 * half) / SHADOW_MAP_SIZE;
      light.shadow.normalBias = texel * 1.5;
      light.shadow.bias = -0.0002;
    }
  });

  return (
    <>
      <hemisphereLight ref={hemiRef} />
      <directionalLight ref={lightRef} shadow-mapSize-width={SHADOW_MAP_SIZE} shadow-mapSize-height={SHADOW_MAP_SIZE} />
    </>
  );
}
