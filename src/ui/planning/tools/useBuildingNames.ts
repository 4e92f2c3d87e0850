/**
 * Names of the buildings a result refers to by id (a sight line's blocker): today's from the
 * zone's full-detail buildings (loaded once, only when a view needs them), schemes' from the plan.
 * An unknown id is shown as it is rather than hidden.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Bilingual } from '../../../analysis/planning/types';
import { useAppStore } from '../../../state/hooks';
import type { CityBuilding } from '../sunlight/analysisInputs';

export function useBuildingNames(loadZone: () => Promise<CityBuilding[]>, enabled: boolean): (id: string) => string {
  const lang = useAppStore((s) => s.language);
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  // Kept with the loader they came from: another zone's loader makes them stale.
  const [loaded, setLoaded] = useState<{ from: typeof loadZone; buildings: readonly CityBuilding[] } | null>(null);
  const zone = loaded && loaded.from === loadZone ? loaded.buildings : null;

  useEffect(() => {
    if (!enabled || zone) return;
    let live = true;
    // Without the zone's names the ids still read; the failed load was reported by the run itself.
    loadZone().then((buildings) => live && setLoaded({ from: loadZone, buildings }), () => undefined);
    return () => {
      live = false;
    };
  }, [enabled, zone, loadZone]);

  const names = useMemo(() => {
    const m = new Map<string, Bilingual>();
    for (const b of zone ?? []) m.set(b.id, b.name);
    for (const s of [...(plan?.schemes ?? []), ...imported]) for (const b of s.buildings) if (!m.has(b.id)) m.set(b.id, b.name);
    return m;
  }, [zone, plan, imported]);

  return (id: string) => names.get(id)?.[lang] || id;
}
