/**
 * The layer ids a story step may switch on or off: the visibility keys of the 规划一张图
 * catalogue's layer rows (ui/planning/catalogueModel). The scene may import only core, so the
 * fixed part is listed here rather than imported from layers/; a unit test
 * (tests/unit/scene/catalogueLayerIds.test.ts) builds the real catalogue and fails when the two
 * drift apart. The heatmap row is absent on purpose: its visibility is a mode (AQI or noise), not
 * an on/off key, so "heatmap on" would not say which.
 */

/** Planning overlays (layers/planning/layerIds) and the live layers (layers/live/layerIds). */
export const FIXED_CATALOGUE_LAYER_IDS = [
  'plots',
  'line-red',
  'line-green',
  'line-blue',
  'line-purple',
  'diff',
  'live.traffic',
  'live.congestion',
  'live.signals',
  'live.rsu',
  'live.stops',
  'live.sensors',
  'live.alerts',
] as const;

interface LayerSource {
  tilesets: readonly { id: string }[];
  groundLayers: readonly { id: string }[];
}

/** Every catalogue layer id of a scene: its tilesets and ground sub-layers, then the fixed ones. */
export function catalogueLayerIds(scene: LayerSource): string[] {
  return [...scene.tilesets.map((t) => t.id), ...scene.groundLayers.map((g) => g.id), ...FIXED_CATALOGUE_LAYER_IDS];
}
