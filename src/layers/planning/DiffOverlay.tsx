/**
 * The automatic 3D diff of the compared pair, drawn in the "after" pane only: added buildings
 * green, taller red, lower blue (slightly inflated shells over the scheme's own buildings), and
 * removed ones as grey ghosts where they stand today. Two draw calls; rebuilt when the pair changes.
 */
import { useEffect, useMemo } from 'react';
import { DoubleSide, Group, Mesh, MeshBasicMaterial } from 'three';
import { diffStates } from '../../analysis/planning/diff';
import { buildingsOfState, currentPair } from '../../analysis/planning/statePair';
import { useAppStore } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import { layerOpacityOf } from '../../state/planningSlice';
import { useZone } from '../../views/three/ZoneContext';
import { diffShapes } from './diffOverlayModel';
import { extrudedBuildings } from './meshModel';
import { overlayGeometry } from './overlayGeometry';

const SHELL_INFLATE_M = 0.6;
const SHELL_ALPHA = 0.45;
const GHOST_ALPHA = 0.28;

export function DiffOverlay() {
  const { planState } = useZone();
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const view = useAppStore((s) => s.planView);
  const siteId = useAppStore((s) => s.activeSiteId);
  const visible = useAppStore((s) => isLayerVisible(s.layerVisible, 'diff'));
  const opacity = useAppStore((s) => layerOpacityOf(s.layerOpacity, 'diff'));
  const pair = currentPair(view, siteId);
  const a = pair?.a ?? null;
  const b = pair?.b ?? null;

  const group = useMemo(() => {
    const g = new Group();
    g.name = 'plan-diff';
    if (!pair || !a || !b) return g;
    const before = buildingsOfState(plan, imported, pair.siteId, a);
    const after = buildingsOfState(plan, imported, pair.siteId, b);
    const shapes = diffShapes(diffStates(before, after), before, after);
    for (const ghost of [false, true]) {
      const list = shapes.filter((s) => s.ghost === ghost);
      if (list.length === 0) continue;
      const arrays = extrudedBuildings(list.map((s) => s.building), (_, i) => list[i]!.color, ghost ? 0 : SHELL_INFLATE_M);
      const m = new Mesh(
        overlayGeometry(arrays),
        new MeshBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false, side: DoubleSide }),
      );
      m.userData.baseAlpha = ghost ? GHOST_ALPHA : SHELL_ALPHA;
      m.renderOrder = 6;
      g.add(m);
    }
    g.visible = false;
    return g;
    // The pair's ids, not the view object, decide the content: dragging the divider must not rebuild it.
  }, [plan, imported, pair?.siteId, a, b]);

  useEffect(() => {
    planState.setOverlay(visible ? group : null, b);
    if (!visible) group.visible = false;
    return () => planState.setOverlay(null, null);
  }, [group, visible, b, planState]);
  useEffect(() => () => {
    for (const c of group.children) {
      const m = c as Mesh;
      m.geometry.dispose();
      (m.material as MeshBasicMaterial).dispose();
    }
  }, [group]);
  for (const c of group.children) {
    const m = c as Mesh;
    (m.material as MeshBasicMaterial).opacity = (m.userData.baseAlpha as number) * opacity;
  }
  return <primitive object={group} />;
}
