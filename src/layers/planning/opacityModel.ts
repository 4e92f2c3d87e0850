/**
 * The catalogue's opacity as a tile material sees it: the tileset's own opacity times, for a
 * ground mesh, its sub-layer's (water, road, green, land use). Pure.
 */
import { layerOpacityOf } from '../../state/planningSlice';

/** At or above this a material stays opaque (no sorting, depth writes on). */
export const OPAQUE_AT = 0.999;

export function meshOpacity(opacity: Record<string, number>, tilesetId: string, groundKind: string | null): number {
  const o = layerOpacityOf(opacity, tilesetId) * (groundKind ? layerOpacityOf(opacity, groundKind) : 1);
  return Number.isFinite(o) ? Math.min(1, Math.max(0, o)) : 1;
}
