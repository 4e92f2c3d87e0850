/**
 * The shipped schemes of the active site as tileset references the view can stream. Only the
 * active site's schemes are streamed: a zone's other schemes cost nothing until chosen.
 */
import type { Scheme } from '../../analysis/planning/types';
import type { Scene, TilesetRef } from '../../scene/schema';

export const SCHEME_TILESET_PREFIX = 'scheme:';

export function schemeTilesetId(schemeId: string): string {
  return `${SCHEME_TILESET_PREFIX}${schemeId}`;
}

/** tiles/<zone>/ from the scene's building index path; scheme tilesets are relative to it. */
function zoneTileDir(scene: Scene): string {
  return scene.buildingIndexUrl.replace(/[^/]*$/, '');
}

export function schemeTilesetRefs(scene: Scene, schemes: readonly Scheme[], siteId: string | null): TilesetRef[] {
  if (!siteId) return [];
  const dir = zoneTileDir(scene);
  return schemes
    .filter((s) => s.siteId === siteId && s.source === 'shipped' && typeof s.tileset === 'string' && !/^[a-z]+:|^\/|\.\./i.test(s.tileset))
    .map((s) => ({ id: schemeTilesetId(s.id), kind: 'buildings', url: `${dir}${s.tileset}`, name: s.name, errorTarget: 16 }));
}
