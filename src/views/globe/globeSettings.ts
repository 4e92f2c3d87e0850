/** Named settings of the globe view: look, cache and camera timing. */

/** A plain, dark globe: there is no imagery (the app runs offline), so the ellipsoid gets one colour. */
export const GLOBE_BASE_COLOR = '#1c2733';
export const GLOBE_BACKGROUND_COLOR = '#0a0e13';

/** Tile cache the view may keep, and the head-room allowed when one view needs more. */
export const GLOBE_CACHE_BYTES = 256 * 1024 * 1024;
export const GLOBE_CACHE_OVERFLOW_BYTES = 128 * 1024 * 1024;

export const GLOBE_FLY_DURATION_S = 1.5;

/** Store updates of tile counters are coalesced to this period (UI rate, not per tile or frame). */
export const GLOBE_PUBLISH_INTERVAL_MS = 250;

/** Sun time when the scene names none: local noon, so buildings are lit from above. */
export const GLOBE_DEFAULT_SUN_ISO = '2025-06-21T12:00:00+08:00';
