/**
 * The planner tools in the 3D view: the section (剖切) the store's tool or selected result names,
 * and the BIM floor view on every buildings tileset. Both read plain data from the store and draw
 * nothing when unused (no section: no clipping planes, no cap passes).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_GHOST_OPACITY, NO_FLOOR } from '../../analysis/bim/bimFloorsView';
import type { Section } from '../../analysis/section/types';
import { registerDiagnostics } from '../../state/diagnostics';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { activeSection, BOX_BELOW_M } from '../../tools/compute/activeSection';
import { useZone } from '../../views/three/ZoneContext';
import { BimFloors } from '../bim/BimFloors';
import { SectionLayer } from '../section/SectionLayer';
import { ToolsLayer } from '../tools/ToolsLayer';
import type { BuildingPrism } from '../../tools/snapping';
import { toolStateId } from '../../state/toolsSlice';
// The zone's full-detail footprints and the plan state's buildings, as the sunlight analysis reads them.
import { cityOfState, type CityBuilding } from '../../ui/planning/sunlight/analysisInputs';
import { loadZoneBuildings } from '../../ui/planning/sunlight/zoneBuildings';

/** A handle drag ends: the section tool takes the new box or plane (undoable in the machine's history). */
function commitSection(store: ReturnType<typeof useAppStoreApi>, section: Section): void {
  const s = store.getState();
  const t = s.tool;
  if (!t || t.kind !== 'section' || t.phase !== 'editing') return;
  // The tool keeps a box by the point it stands on (sectionOfInputs: half its height up, BOX_BELOW_M down).
  if (section.kind === 'box') {
    const [x, y, z] = section.centre;
    s.applyToolEdit({ points: [[x, y, z - section.size[2] / 2 + BOX_BELOW_M]], params: { shape: 'box', sizeM: [...section.size], headingDeg: section.headingDeg } });
  } else {
    s.applyToolEdit({ points: [[...section.point]], params: { shape: 'plane', normal: [...section.normal] } });
  }
}

export function ToolLayers() {
  const { scene } = useZone();
  const store = useAppStoreApi();
  const section = useAppStore(activeSection);
  const editing = useAppStore((s) => s.tool?.kind === 'section' && s.tool.phase === 'editing');
  const bim = useAppStore((s) => s.bimView);
  const loaded = useRef(false);
  // Snapping targets: the analysed state's buildings, loaded once a tool is opened.
  const toolOpen = useAppStore((s) => s.tool !== null);
  const [zone, setZone] = useState<CityBuilding[] | null>(null);
  useEffect(() => {
    if (!toolOpen || zone) return;
    let live = true;
    loadZoneBuildings(scene).then((z) => live && setZone(z), () => undefined);
    return () => {
      live = false;
    };
  }, [toolOpen, zone, scene]);
  const stateId = useAppStore((s) => toolStateId(s.toolStateChoice, s.planView));
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const siteId = useAppStore((s) => s.activeSiteId);
  const prisms = useMemo<BuildingPrism[] | null>(() => {
    if (!zone) return null;
    const city = cityOfState(zone, { plan, imported, siteId }, stateId) ?? zone;
    return city.map((b) => ({ id: b.id, footprint: b.footprint, ...(b.holes ? { holes: b.holes } : {}), baseM: b.baseM, heightM: b.heightM }));
  }, [zone, plan, imported, siteId, stateId]);
  const onChange = useCallback((next: Section) => commitSection(store, next), [store]);
  const onTargetLoaded = useCallback((l: boolean) => {
    loaded.current = l;
  }, []);
  useEffect(
    () => registerDiagnostics('bim', () => ({ ...store.getState().bimView, targetLoaded: loaded.current })),
    [store],
  );
  return (
    <>
      <SectionLayer section={section} handles={editing} onChange={onChange} />
      <ToolsLayer snapBuildings={prisms} />
      {scene.tilesets
        .filter((t) => t.kind === 'buildings')
        .map((t) => (
          <BimFloors
            key={t.id}
            tilesetId={t.id}
            buildingId={bim.buildingId}
            isolatedFloor={bim.isolatedFloor ?? NO_FLOOR}
            ghostOpacity={DEFAULT_GHOST_OPACITY}
            explodeGapM={bim.explodeM}
            onTargetLoadedChange={onTargetLoaded}
          />
        ))}
    </>
  );
}
