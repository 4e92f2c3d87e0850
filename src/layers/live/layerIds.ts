/** Layer-visibility ids of the live layers (keys of the layers slice, beside tileset ids). */
export const LIVE_LAYER_IDS = {
  traffic: 'live.traffic',
  congestion: 'live.congestion',
  signals: 'live.signals',
  rsu: 'live.rsu',
  stops: 'live.stops',
  sensors: 'live.sensors',
  alerts: 'live.alerts',
} as const;

export type LiveLayerKey = keyof typeof LIVE_LAYER_IDS;
export const LIVE_LAYER_KEYS = Object.keys(LIVE_LAYER_IDS) as LiveLayerKey[];
