/**
 * The planner tools in 3D (issue 9): routes the view's pointer and keys to the active tool while
 * it owns them (ToolPointer), draws the tool being drawn and every kept result (ToolOverlay), the
 * viewshed grid on the ground (ViewshedGround), the value labels (ToolLabels), and tints the
 * buildings above the selected height-limit result's limit in the buildings' shader. Mount it once
 * per zone at the top level of the zone's scene, outside the tileset group. `snapBuildings` are the
 * analysed state's footprints at full detail, for snapping to corners and edges (null: no snapping).
 * Publishes what it draws as the `tools` diagnostics of the test hook.
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useThree } from '@react-three/fiber';
import { registerDiagnostics } from '../../state/diagnostics';
import { useAppStore } from '../../state/hooks';
import { getToolPayload, LIVE_PAYLOAD, subscribeToolPayloads, toolPayloadsVersion } from '../../tools/compute/payloads';
import type { BuildingPrism } from '../../tools/snapping';
import { heightLimitHighlightState, setHeightLimitHighlight } from '../buildings/highlightMaterial';
import { ToolLabels } from './ToolLabels';
import { ToolOverlay, type OverlayStats } from './ToolOverlay';
import { ToolPointer } from './ToolPointer';
import { ViewshedGround } from './ViewshedGround';

export interface ToolsLayerProps {
  snapBuildings: readonly BuildingPrism[] | null;
}

export function ToolsLayer({ snapBuildings }: ToolsLayerProps) {
  useSyncExternalStore(subscribeToolPayloads, toolPayloadsVersion);
  const invalidate = useThree((s) => s.invalidate);
  const selectedId = useAppStore((s) => s.toolResults.selectedId);
  const editingViewshed = useAppStore((s) => s.tool?.kind === 'viewshed' && s.tool.phase === 'editing');
  const selected = getToolPayload(selectedId);
  const live = editingViewshed ? getToolPayload(LIVE_PAYLOAD) : null;
  // The selected result's grid, else the preview of the viewshed being edited.
  const viewshed = selected?.kind === 'viewshed' ? selected.result : live?.kind === 'viewshed' ? live.result : null;
  const shader = selected?.kind === 'height-limit' ? selected.shader : null;

  useEffect(() => {
    setHeightLimitHighlight(shader);
    invalidate();
    return () => setHeightLimitHighlight(null);
  }, [shader, invalidate]);

  const stats = useRef({ points: 0, lines: 0, labels: 0, viewshedCells: 0, skylineSamples: 0 });
  const onOverlay = useCallback((s: OverlayStats) => {
    stats.current.points = s.points;
    stats.current.lines = s.lines;
    stats.current.skylineSamples = s.skylineSamples;
  }, []);
  const onLabels = useCallback((n: number) => {
    stats.current.labels = n;
  }, []);
  const onCells = useCallback((n: number) => {
    stats.current.viewshedCells = n;
  }, []);

  useEffect(
    () => registerDiagnostics('tools', () => ({ ...stats.current, heightLimitOn: heightLimitHighlightState().on })),
    [],
  );

  return (
    <group name="tools">
      <ToolPointer snapBuildings={snapBuildings} />
      <ToolOverlay onStats={onOverlay} />
      {viewshed && <ViewshedGround result={viewshed} onCells={onCells} />}
      <ToolLabels onCount={onLabels} />
    </group>
  );
}
