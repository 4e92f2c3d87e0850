/** Named settings of the globe view: look, cache and camera timing. */

/** Under the imagery until its tiles arrive (or if they cannot be read): a deep sea blue, not grey. */
export const GLOBE_BASE_COLOR = '#16324f';
export const GLOBE_BACKGROUND_COLOR = '#0a0e13';

/**
 * Farthest the camera may pull back from the surface: the whole Earth fits the view from about
 * 11,000 km. Poses out to this distance, anywhere around the Earth, stay inside the share URL's
 * `cam` limits (a test ties the two).
 */
export const GLOBE_MAX_ZOOM_DISTANCE_M = 25_000_000;

/** Tile cache the view may keep, and the head-room allowed when one view needs more. */
export const GLOBE_CACHE_BYTES = 256 * 1024 * 1024;
export const GLOBE_CACHE_OVERFLOW_BYTES = 128 * 1024 * 1024;

export const GLOBE_FLY_DURATION_S = 1.5;

/** Store updates of tile counters are coalesced to this period (UI rate, not per tile or frame). */
export const GLOBE_PUBLISH_INTERVAL_MS = 250;

/** Sun time when the scene names none: local noon, so buildings are lit from above. */
export const GLOBE_DEFAULT_SUN_ISO = '2025-06-21T12:00:00+08:00';

/**
 * Attribute of the slot, in the app's attribution corner, that receives Cesium's logo and data
 * credits: the widget's own corner lies under the status bar, and the credits must stay visible.
 */
export const GLOBE_CREDITS_SLOT_ATTR = 'data-engine-credits';
