/**
 * What a story step's highlight selects: a building (the building selection) or a live asset (the
 * live selection, which draws the pulsing ring). Roadside units are sensors of type "rsu" in the
 * feed and are drawn and located by the sensor layer, so they are selected as sensors.
 */
import type { StoryHighlight } from '../../scene/storySchema';
import type { LiveSelection } from '../../state/liveSelectionSlice';

export type HighlightTarget = { kind: 'building'; id: string } | { kind: 'live'; selection: LiveSelection };

export function highlightTarget(h: StoryHighlight | null | undefined): HighlightTarget | null {
  if (!h) return null;
  if (h.building !== undefined) return { kind: 'building', id: h.building };
  if (h.asset) return { kind: 'live', selection: { kind: h.asset.kind === 'rsu' ? 'sensor' : h.asset.kind, id: h.asset.id } };
  return null;
}

export function sameHighlight(a: HighlightTarget | null, b: HighlightTarget | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'building' || b.kind === 'building') return a.kind === b.kind && (a as { id: string }).id === (b as { id: string }).id;
  return a.selection.kind === b.selection.kind && a.selection.id === b.selection.id;
}

/** Whether the store still shows this highlight (the user may have selected something else since). */
export function stillSelected(
  h: HighlightTarget,
  s: { selected: { id: string } | null; liveSelected: LiveSelection | null },
): boolean {
  if (h.kind === 'building') return s.selected?.id === h.id;
  return s.liveSelected?.kind === h.selection.kind && s.liveSelected.id === h.selection.id;
}
