/**
 * Colours of the planning overlays. Shared by the 3D layers (src/layers) and their legends
 * (src/ui), which is why they live in a pure module both may import.
 */
import type { ControlLineKind, DiffKind } from './types';

/** 城市四线, in the colours planners read them by: red roads, green parks, blue water, purple heritage. */
export const CONTROL_LINE_COLORS: Readonly<Record<ControlLineKind, string>> = {
  red: '#e53935',
  green: '#43a047',
  blue: '#1e88e5',
  purple: '#8e24aa',
};

export const CONTROL_LINE_KINDS: readonly ControlLineKind[] = ['red', 'green', 'blue', 'purple'];

export type ChangedDiffKind = Exclude<DiffKind, 'unchanged'>;

/** The 3D scheme diff: removed buildings are drawn as grey ghosts. */
export const DIFF_COLORS: Readonly<Record<ChangedDiffKind, string>> = {
  added: '#2e7d32',
  removed: '#9e9e9e',
  taller: '#e53935',
  lower: '#1e88e5',
};

export const DIFF_KINDS: readonly ChangedDiffKind[] = ['added', 'removed', 'taller', 'lower'];
