/**
 * Hands a streamed scheme tileset to the plan-state controller, so it is drawn only in the
 * panes that show its scheme, and gives it the same hover/selection highlight as the city.
 */
import { useEffect } from 'react';
import { BuildingsHighlight } from '../buildings/BuildingsHighlight';
import { useTilesRenderer, useZone } from '../../views/three/ZoneContext';

export function SchemeTilesetBinding({ tilesetId, schemeId }: { tilesetId: string; schemeId: string }) {
  const tiles = useTilesRenderer(tilesetId);
  const { planState } = useZone();
  useEffect(() => {
    if (!tiles) return;
    return planState.register(schemeId, tiles.group);
  }, [tiles, planState, schemeId]);
  return <BuildingsHighlight tilesetId={tilesetId} />;
}
