/**
 * Registers the 'three' diagnostics provider (read by the ?test=1 hook and the benchmarks).
 * Values are read on demand from renderer.info and the tile renderers; the only per-frame work
 * is resetting renderer.info, so draw calls cover every render pass of one whole frame.
 */
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';
import { registerDiagnostics } from '../../state/diagnostics';
import { enuToThree } from './enuThree';
import { heldUploadedGeometryCount } from './heldGeometries';
import { internalsOf } from './rendererInternals';
import { useZone } from './ZoneContext';

const scratch = new Vector3();

export function ThreeDiagnostics() {
  const { registry } = useZone();
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  const invalidate = useThree((s) => s.invalidate);
  const frames = useRef(0);

  useFrame(() => {
    gl.info.reset();
    frames.current++;
  }, -100);

  useEffect(() => {
    const prevAutoReset = gl.info.autoReset;
    gl.info.autoReset = false;
    const unregister = registerDiagnostics('three', () => {
      const { camera, size, scene } = get();
      let tilesDownloading = 0;
      let tilesParsing = 0;
      for (const t of registry.all()) {
        const s = internalsOf(t).stats;
        tilesDownloading += s.downloading;
        tilesParsing += s.parsing;
      }
      return {
        drawCalls: gl.info.render.calls,
        triangles: gl.info.render.triangles,
        geometries: gl.info.memory.geometries,
        /**
         * Of `geometries`, those the scene or a cached tile still holds (heldGeometries.ts); a growing
         * gap is a leak. A getter: it walks the scene, and the watchdog's samples do not need it.
         */
        get heldGeometries() {
          return heldUploadedGeometryCount(scene, registry.resources.cachedTiles);
        },
        textures: gl.info.memory.textures,
        programs: gl.info.programs?.length ?? 0,
        frames: frames.current,
        tilesDownloading,
        tilesParsing,
        cacheBytes: registry.resources.cachedBytes,
        cacheBudgetBytes: registry.resources.maxBytes,
        contextLost: gl.getContext().isContextLost(),
        /** Whether the context multisamples (off on software rasterisers, glCapabilities.ts), and the shadow filter (0 basic, 1 PCF). */
        antialias: gl.getContext().getContextAttributes()?.antialias === true,
        shadowMapType: gl.shadowMap.type,
        /** The watchdog's liveness probe: asks for one frame, so a view at rest still shows it is alive. */
        requestFrame: () => invalidate(),
        projectEnu: (e: number, n: number, u: number) => {
          const p = enuToThree(e, n, u);
          scratch.set(p[0], p[1], p[2]).project(camera);
          const x = ((scratch.x + 1) / 2) * size.width;
          const y = ((1 - scratch.y) / 2) * size.height;
          const visible = scratch.z >= -1 && scratch.z <= 1 && x >= 0 && x <= size.width && y >= 0 && y <= size.height;
          return { x, y, visible };
        },
      };
    });
    return () => {
      unregister();
      gl.info.autoReset = prevAutoReset;
    };
  }, [gl, get, registry, invalidate]);

  return null;
}
