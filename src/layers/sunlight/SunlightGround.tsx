/**
 * The ground heat map of sunlight hours at the chosen height: a translucent plane with a data
 * texture (one texel per grid point, like src/layers/sensors/HeatmapSurface.ts), and the 1 h, 2 h
 * and 3 h contour lines over it as flat ribbons. Built once per result; disposed with it.
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { DataTexture, DoubleSide, LinearFilter, Mesh, MeshBasicMaterial, PlaneGeometry, RGBAFormat, SRGBColorSpace } from 'three';
import type { GroundHours } from '../../state/sunlightResults';
import { overlayGeometry } from '../planning/overlayGeometry';
import { contourRibbons, groundTexels, HEATMAP_UP_M } from './model';

const HEATMAP_ALPHA = 0.7;

export interface GroundStats {
  cells: number;
  contourSegments: number;
}

interface Props {
  ground: GroundHours;
  minHours: number;
  windowHours: number;
  onStats: (s: GroundStats) => void;
}

export function SunlightGround({ ground, minHours, windowHours, onStats }: Props) {
  const invalidate = useThree((s) => s.invalidate);
  const built = useMemo(() => {
    const { grid, hours } = ground;
    const data = groundTexels(hours, minHours, windowHours, HEATMAP_ALPHA, new Uint8Array(grid.cols * grid.rows * 4));
    const texture = new DataTexture(data, grid.cols, grid.rows, RGBAFormat);
    texture.magFilter = LinearFilter;
    texture.minFilter = LinearFilter;
    texture.colorSpace = SRGBColorSpace;
    texture.needsUpdate = true;
    // Texel centres on the grid points: the plane reaches half a step beyond the outer ones.
    const w = grid.cols * grid.stepM;
    const h = grid.rows * grid.stepM;
    const plane = new Mesh(
      new PlaneGeometry(w, h).rotateX(-Math.PI / 2),
      new MeshBasicMaterial({ map: texture, transparent: true, depthWrite: false, side: DoubleSide, toneMapped: false }),
    );
    plane.position.set(grid.minE - grid.stepM / 2 + w / 2, HEATMAP_UP_M, -(grid.minN - grid.stepM / 2 + h / 2));
    plane.renderOrder = 4;
    plane.name = 'sunlight-ground';
    const ribbons = contourRibbons(grid, hours);
    // No geometry for no lines: an empty buffer has no bounding sphere (three reports NaN).
    const lines = ribbons.segments > 0
      ? new Mesh(overlayGeometry(ribbons), new MeshBasicMaterial({ vertexColors: true, side: DoubleSide, depthWrite: false, transparent: true }))
      : null;
    if (lines) {
      lines.renderOrder = 5;
      lines.name = 'sunlight-contours';
    }
    let cells = 0;
    for (let i = 0; i < hours.length; i++) if (Number.isFinite(hours[i]!)) cells++;
    return { plane, texture, lines, stats: { cells, contourSegments: ribbons.segments } };
  }, [ground, minHours, windowHours]);

  useEffect(() => {
    onStats(built.stats);
    invalidate();
    return () => {
      built.plane.geometry.dispose();
      (built.plane.material as MeshBasicMaterial).dispose();
      built.texture.dispose();
      built.lines?.geometry.dispose();
      (built.lines?.material as MeshBasicMaterial | undefined)?.dispose();
      onStats({ cells: 0, contourSegments: 0 });
    };
  }, [built, onStats, invalidate]);

  return (
    <>
      <primitive object={built.plane} />
      {built.lines && <primitive object={built.lines} />}
    </>
  );
}
