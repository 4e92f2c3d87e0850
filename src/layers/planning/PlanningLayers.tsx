/**
 * The planner's 3D layers of a zone: 控规 plots, the four control lines, the schemes of the
 * active site (streamed tilesets and imported files), the scheme diff, and the driver that
 * draws each state where the comparison wants it. Everything here reads the plan from the
 * store; nothing is drawn until the zone's plan has loaded.
 */
import { useEffect, useMemo } from 'react';
import { useAppStore } from '../../state/hooks';
import { useTilesRenderer, useZone } from '../../views/three/ZoneContext';
import { ControlLinesLayer } from './ControlLinesLayer';
import { DiffOverlay } from './DiffOverlay';
import { ExistingHider } from './ExistingHider';
import { ImportedSchemeMesh } from './ImportedSchemeMesh';
import { PlanStateDriver } from './PlanStateDriver';
import { PlotsLayer } from './PlotsLayer';
import { SunlightLayer } from '../sunlight/SunlightLayer';
import { SchemeTilesetBinding } from './SchemeTilesetBinding';
import { schemeTilesetRefs, statesInView } from './schemeTilesets';

/** Hides the active site's existing buildings in the city tileset whenever a scheme of it shows. */
function SiteHider({ tilesetId }: { tilesetId: string }) {
  const tiles = useTilesRenderer(tilesetId);
  const { planState } = useZone();
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const siteId = useAppStore((s) => s.activeSiteId);
  const site = plan?.sites.find((s) => s.id === siteId) ?? null;

  useEffect(() => {
    if (!tiles) return;
    const hider = new ExistingHider(tiles);
    planState.setHider(hider);
    return () => {
      planState.setHider(null);
      hider.dispose();
    };
  }, [tiles, planState]);

  useEffect(() => {
    const ids = new Set((site?.existing ?? []).map((b) => b.id));
    const states = new Set([...(plan?.schemes ?? []), ...imported].filter((s) => s.siteId === siteId).map((s) => s.id));
    planState.setHidingStates(states);
    planState.hiderIds(ids);
  }, [site, plan, imported, siteId, planState]);
  return null;
}

export function PlanningLayers() {
  const { scene } = useZone();
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const siteId = useAppStore((s) => s.activeSiteId);
  // Keyed by the shown ids, not the view: dragging the divider must not rebuild tilesets.
  const shown = useAppStore((s) => statesInView(s.planView).join(','));
  const schemeRefs = useMemo(() => schemeTilesetRefs(scene, plan?.schemes ?? [], siteId, shown.split(',')), [scene, plan, siteId, shown]);
  const buildingsTileset = scene.tilesets.find((t) => t.kind === 'buildings')?.id;
  if (!plan) return null;
  return (
    <group name="planning">
      <PlotsLayer plots={plan.plots} />
      <ControlLinesLayer lines={plan.controlLines} />
      {buildingsTileset && <SiteHider tilesetId={buildingsTileset} />}
      {schemeRefs.map((r) => (
        <SchemeTilesetBinding key={r.id} tilesetId={r.id} schemeId={r.id.slice('scheme:'.length)} />
      ))}
      {imported
        .filter((s) => s.siteId === siteId)
        .map((s) => (
          <ImportedSchemeMesh key={s.id} scheme={s} />
        ))}
      <DiffOverlay />
      <SunlightLayer />
      <PlanStateDriver />
    </group>
  );
}
