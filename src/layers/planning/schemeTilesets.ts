/**
 * The shipped schemes of the active site as tileset references the view can stream. Only the
 * active site's schemes are streamed: a zone's other schemes cost nothing until chosen.
 */
import type { PlanView, Scheme } from '../../analysis/planning/types';
import type { Scene, TilesetRef } from '../../scene/schema';

export const SCHEME_TILESET_PREFIX = 'scheme:';

/** The states a plan view draws (besides today's city). */
export function statesInView(view: PlanView): string[] {
  if (view.mode === 'existing') return [];
  return view.mode === 'scheme' ? [view.right] : [view.left, view.right];
}

export function schemeTilesetId(schemeId: string): string {
  return `${SCHEME_TILESET_PREFIX}${schemeId}`;
}

/** tiles/<zone>/ from the scene's building index path; scheme tilesets are relative to it. */
function zoneTileDir(scene: Scene): string {
  return scene.buildingIndexUrl.replace(/[^/]*$/, '');
}

/**
 * Tilesets of the shipped schemes the view compares now (nothing while today's city shows), so a
 * zone where nobody compares downloads no scheme tiles.
 */
export function schemeTilesetRefs(scene: Scene, schemes: readonly Scheme[], siteId: string | null, shown: readonly string[]): TilesetRef[] {
  if (!siteId || shown.length === 0) return [];
  const dir = zoneTileDir(scene);
  return schemes
    .filter((s) => shown.includes(s.id) && s.siteId === siteId && s.source === 'shipped' && typeof s.tileset === 'string' && !/^[a-z]+:|^\/|\.\./i.test(s.tileset))
    .map((s) => ({ id: schemeTilesetId(s.id), kind: 'buildings', url: `${dir}${s.tileset}`, name: s.name, errorTarget: 16 }));
}
