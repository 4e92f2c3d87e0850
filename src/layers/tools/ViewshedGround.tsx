/**
 * A viewshed's ground grid as a translucent texture: one texel per cell, visible green, hidden red,
 * outside the range (and under roofs) clear. Nearest filtering keeps the cells the analysis
 * computed rather than blending them. The plane lies VIEWSHED_UP_M above the grid's ground: with
 * the logarithmic depth buffer that clears the ground tiles by far more than the depth precision
 * at any viewing distance (as the sunlight heat map does at its height), and it writes no depth,
 * so it never hides what stands on it. Built once per result; disposed with it.
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { DataTexture, DoubleSide, Mesh, MeshBasicMaterial, NearestFilter, PlaneGeometry, RGBAFormat, SRGBColorSpace } from 'three';
import type { ViewshedResult } from '../../analysis/visibility';
import { viewshedPlane, viewshedTexels } from './model';

/** Above the ground overlays, below the tools' lines. */
const VIEWSHED_RENDER_ORDER = 6;

export function ViewshedGround({ result, onCells }: { result: ViewshedResult; onCells: (cells: number) => void }) {
  const invalidate = useThree((s) => s.invalidate);
  const maxTexture = useThree((s) => s.gl.capabilities.maxTextureSize);

  const built = useMemo(() => {
    const { grid, cells } = result;
    // A grid the GPU cannot hold is not drawn; the numbers stay in the results list.
    if (grid.nx > maxTexture || grid.ny > maxTexture || cells.length !== grid.nx * grid.ny) return null;
    const texture = new DataTexture(viewshedTexels(cells), grid.nx, grid.ny, RGBAFormat);
    texture.magFilter = NearestFilter;
    texture.minFilter = NearestFilter;
    texture.colorSpace = SRGBColorSpace;
    texture.needsUpdate = true;
    const { widthM, depthM, centre } = viewshedPlane(grid);
    const plane = new Mesh(
      new PlaneGeometry(widthM, depthM).rotateX(-Math.PI / 2),
      new MeshBasicMaterial({ map: texture, transparent: true, depthWrite: false, side: DoubleSide, toneMapped: false }),
    );
    plane.position.set(centre[0], centre[2], -centre[1]);
    plane.renderOrder = VIEWSHED_RENDER_ORDER;
    plane.name = 'tools-viewshed';
    return { plane, texture, drawn: result.visibleCells + result.hiddenCells };
  }, [result, maxTexture]);

  useEffect(() => {
    onCells(built?.drawn ?? 0);
    invalidate();
    return () => {
      if (built) {
        built.plane.geometry.dispose();
        (built.plane.material as MeshBasicMaterial).dispose();
        built.texture.dispose();
      }
      onCells(0);
    };
  }, [built, onCells, invalidate]);

  return built ? <primitive object={built.plane} /> : null;
}
