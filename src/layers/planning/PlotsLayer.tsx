/**
 * 控规 plots on the ground: a translucent fill in the land-use colour with a darker outline,
 * and a bright outline round the selected plot. One draw call each; opacity follows the
 * catalogue. Clicks on plots are resolved by the buildings picker (ground point → plot).
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { DoubleSide, Mesh, MeshBasicMaterial } from 'three';
import { LAND_USE_INFO } from '../../core/landUse';
import type { Plot } from '../../analysis/planning/types';
import { useAppStore } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { layerOpacityOf } from '../../state/planningSlice';
import { flatPolygons, ringRibbons } from './meshModel';
import { overlayGeometry } from './overlayGeometry';

/** Above the stacked ground layers (all within a metre of zero), below any building. */
const FILL_HEIGHT_M = 1.2;
const OUTLINE_WIDTH_M = 1.5;
const SELECTED_WIDTH_M = 4;
const FILL_ALPHA = 0.18;
const SELECTED_COLOR = '#ffeb3b';

function darker(hex: string): string {
  const v = Number.parseInt(hex.slice(1), 16);
  const f = (c: number) => Math.round(c * 0.6).toString(16).padStart(2, '0');
  return `#${f((v >> 16) & 255)}${f((v >> 8) & 255)}${f(v & 255)}`;
}

export function PlotsLayer({ plots }: { plots: readonly Plot[] }) {
  const invalidate = useThree((s) => s.invalidate);
  const visible = useAppStore((s) => isLayerVisible(s.layerVisible, 'plots'));
  const opacity = useAppStore((s) => layerOpacityOf(s.layerOpacity, 'plots'));
  const selectedId = useAppStore((s) => s.selectedPlotId);

  const meshes = useMemo(() => {
    const fill = new Mesh(
      overlayGeometry(flatPolygons(plots.map((p) => ({ ring: p.ring, holes: p.holes, color: LAND_USE_INFO[p.landUse].colorHex })), FILL_HEIGHT_M)),
      new MeshBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false, side: DoubleSide }),
    );
    const outline = new Mesh(
      overlayGeometry(ringRibbons(plots.map((p) => ({ ring: p.ring, color: darker(LAND_USE_INFO[p.landUse].colorHex) })), OUTLINE_WIDTH_M, FILL_HEIGHT_M + 0.05)),
      new MeshBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false, side: DoubleSide }),
    );
    fill.renderOrder = 2;
    outline.renderOrder = 3;
    fill.name = 'plan-plots';
    return { fill, outline };
  }, [plots]);

  const selected = useMemo(() => {
    const plot = plots.find((p) => p.id === selectedId);
    if (!plot) return null;
    const m = new Mesh(
      overlayGeometry(ringRibbons([{ ring: plot.ring, color: SELECTED_COLOR }], SELECTED_WIDTH_M, FILL_HEIGHT_M + 0.1)),
      new MeshBasicMaterial({ vertexColors: true, depthWrite: false, side: DoubleSide, transparent: true }),
    );
    m.renderOrder = 4;
    return m;
  }, [plots, selectedId]);

  useEffect(() => () => {
    for (const m of [meshes.fill, meshes.outline]) {
      m.geometry.dispose();
      (m.material as MeshBasicMaterial).dispose();
    }
  }, [meshes]);
  useEffect(() => () => {
    selected?.geometry.dispose();
    (selected?.material as MeshBasicMaterial | undefined)?.dispose();
  }, [selected]);

  useEffect(() => {
    (meshes.fill.material as MeshBasicMaterial).opacity = FILL_ALPHA * opacity;
    (meshes.outline.material as MeshBasicMaterial).opacity = opacity;
    invalidate();
  }, [meshes, opacity, invalidate]);

  return (
    <group visible={visible} name="plan-plots-layer">
      <primitive object={meshes.fill} />
      <primitive object={meshes.outline} />
      {selected && <primitive object={selected} />}
    </group>
  );
}
