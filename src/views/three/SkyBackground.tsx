/**
 * Sky behind the city: a vertical gradient from the sun's lighting state (day blue, dusk
 * orange, night navy), drawn as the scene background, with matching distance fog as a depth cue.
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { Color, DataTexture, Fog, LinearFilter, RGBAFormat, SRGBColorSpace } from 'three';
import { useAppStore } from '../../state/hooks';
import { lightingForAltitude, resolveSunTimeMs, skyGradientBytes, sunPosition } from './sunModel';
import { useZone } from './ZoneContext';

const GRADIENT_ROWS = 64;
export const FOG_NEAR_M = 10_000;
export const FOG_FAR_M = 70_000;

export function SkyBackground() {
  const { scene } = useZone();
  const threeScene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  const sunTimeMs = useAppStore((s) => s.sunTimeMs);

  const lighting = useMemo(() => {
    const t = resolveSunTimeMs(sunTimeMs, scene.sunDefault);
    return lightingForAltitude(sunPosition(t, scene.origin.latDeg, scene.origin.lonDeg).altitudeRad);
  }, [sunTimeMs, scene]);

  useEffect(() => {
    const texture = new DataTexture(skyGradientBytes(lighting.skyTop, lighting.skyHorizon, GRADIENT_ROWS), 1, GRADIENT_ROWS, RGBAFormat);
    // Rows run bottom-up, as the background quad's v coordinate does.
    texture.flipY = false;
    texture.colorSpace = SRGBColorSpace;
    texture.magFilter = LinearFilter;
    texture.minFilter = LinearFilter;
    texture.needsUpdate = true;
    const fogColor = new Color().setRGB(lighting.skyHorizon[0], lighting.skyHorizon[1], lighting.skyHorizon[2], SRGBColorSpace);
    const prevBackground = threeScene.background;
    const prevFog = threeScene.fog;
    threeScene.background = texture;
    threeScene.fog = new Fog(fogColor, FOG_NEAR_M, FOG_FAR_M);
    invalidate();
    return () => {
      threeScene.background = prevBackground;
      threeScene.fog = prevFog;
      texture.dispose();
    };
  }, [lighting, threeScene, invalidate]);

  return null;
}
