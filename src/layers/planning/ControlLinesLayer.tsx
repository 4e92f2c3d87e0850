/**
 * 城市四线 as ground ribbons, one draw call per kind (red, green, blue, purple), each with its own
 * catalogue visibility and opacity. Ribbons rather than GL lines, which draw one pixel wide.
 */
import { useEffect, useMemo } from 'react';
import { DoubleSide, Mesh, MeshBasicMaterial } from 'three';
import { CONTROL_LINE_COLORS, CONTROL_LINE_KINDS } from '../../analysis/planning/colors';
import type { ControlLine, ControlLineKind } from '../../analysis/planning/types';
import { useAppStore } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { layerOpacityOf } from '../../state/planningSlice';
import { CONTROL_LINE_LAYER } from './layerIds';
import { ringRibbons } from './meshModel';
import { overlayGeometry } from './overlayGeometry';

const LINE_HEIGHT_M = 1.4;
const LINE_WIDTH_M = 3;

function KindRibbon({ kind, lines }: { kind: ControlLineKind; lines: readonly ControlLine[] }) {
  const layerId = CONTROL_LINE_LAYER[kind];
  const visible = useAppStore((s) => isLayerVisible(s.layerVisible, layerId));
  const opacity = useAppStore((s) => layerOpacityOf(s.layerOpacity, layerId));
  const mesh = useMemo(() => {
    const rings = lines.filter((l) => l.kind === kind).map((l) => ({ ring: l.ring, color: CONTROL_LINE_COLORS[kind] }));
    const m = new Mesh(
      overlayGeometry(ringRibbons(rings, LINE_WIDTH_M, LINE_HEIGHT_M)),
      new MeshBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false, side: DoubleSide }),
    );
    m.renderOrder = 5;
    m.name = `plan-${layerId}`;
    return m;
  }, [lines, kind, layerId]);
  useEffect(() => () => {
    mesh.geometry.dispose();
    (mesh.material as MeshBasicMaterial).dispose();
  }, [mesh]);
  (mesh.material as MeshBasicMaterial).opacity = opacity;
  return <primitive object={mesh} visible={visible} />;
}

export function ControlLinesLayer({ lines }: { lines: readonly ControlLine[] }) {
  return (
    <group name="plan-control-lines">
      {CONTROL_LINE_KINDS.map((k) => (
        <KindRibbon key={k} kind={k} lines={lines} />
      ))}
    </group>
  );
}
