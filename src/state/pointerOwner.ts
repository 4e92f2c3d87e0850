/**
 * Who owns a click on the 3D view. While a drawing tool is placing points, a click is the tool's:
 * it must not also select the building or plot under it (a polygon drawn over a block would
 * otherwise keep changing the selection and the attribute panel under the planner's hand).
 */
import type { AppState } from './store';

export type PointerOwner = 'selection' | 'sunlight-draw' | 'tool';

export function pointerOwner(s: Pick<AppState, 'sunlightDraw'> & Partial<Pick<AppState, 'toolOwnsPointer'>>): PointerOwner {
  if (s.sunlightDraw.phase === 'drawing') return 'sunlight-draw';
  if (s.toolOwnsPointer) return 'tool';
  return 'selection';
}
