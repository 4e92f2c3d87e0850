/**
 * Catalogue layer ids of the planning overlays, shared by the catalogue (visibility, opacity),
 * the 3D layers and the URL. Plots and the four control lines 城市四线; 'diff' is the scheme diff.
 */
export const PLANNING_LAYER_IDS = ['plots', 'line-red', 'line-green', 'line-blue', 'line-purple', 'diff'] as const;
export type PlanningLayerId = (typeof PLANNING_LAYER_IDS)[number];

export const CONTROL_LINE_LAYER = { red: 'line-red', green: 'line-green', blue: 'line-blue', purple: 'line-purple' } as const;
