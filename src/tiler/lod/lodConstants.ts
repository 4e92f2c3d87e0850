/**
 * Level-of-detail policy of the buildings tileset, following CIM grading.
 *
 * Geometric error is "metres of error if this tile is drawn instead of its children"; clients
 * refine when geometricError × screenHeight / (distance × 2·tan(fov/2)) exceeds their target
 * (16 px by default). At 1080p and a 60° field of view that means refining closer than
 * about 58 × geometricError metres. Values, strictly decreasing from parent to child:
 *
 *   tileset                     max(2 × root, 512 m)   the zone never vanishes at city scale
 *   generalised CIM2 overview   max(32 m, largest building it omits, 1.5 × largest child error)
 *   complete CIM2 overview      32 m    boxes instead of footprints, no roofs or floor lines:
 *                                       switches to detail at ≈ 1.9 km
 *   signature CIM3 shell        4 m     the extruded shell hides the BIM detail; CIM5 loads
 *                                       within ≈ 230 m of the building
 *   ordinary CIM3 detail        0       nothing finer exists
 *   signature CIM5 (BIM)        0       nothing finer exists
 */
export const GEOMETRIC_ERROR = {
  overviewM: 32,
  /** Generalised ancestors grow at least this fast so errors strictly decrease downwards. */
  overviewGrowth: 1.5,
  signatureShellM: 4,
  detailM: 0,
  signatureBimM: 0,
  tilesetMinM: 512,
} as const;

/** A detail tile holds at most this many buildings (a few hundred: one fetch, three draw calls). */
export const DETAIL_TILE_CAPACITY = 250;
/**
 * An overview tile holds at most this many blocks. Larger regions keep their most prominent
 * buildings (signatures first) and hand the rest to their children.
 */
export const OVERVIEW_TILE_CAPACITY = 4000;
/** Quadtree depth limit; tiles still over capacity at this depth are chunked instead. */
export const MAX_QUADTREE_DEPTH = 16;
