/** Counts every importer reports, so a bad input is visible in logs and tests instead of vanishing. */
export interface ImportSkips {
  /** Geometry that is not an area (points, lines) where a footprint was expected. */
  notPolygon: number;
  /** Areas that are not buildings (building=no, or untagged when tags are required). */
  notBuilding: number;
  /** Fewer than 3 distinct points, zero area, self-intersecting. */
  degenerate: number;
  /** NaN, out-of-range or missing coordinates. */
  invalidCoordinates: number;
  /** Multipolygon rings that do not close, or members missing from the extract. */
  incomplete: number;
  /** The same element seen twice (e.g. a way and the multipolygon it outlines). */
  duplicate: number;
}

export function emptySkips(): ImportSkips {
  return { notPolygon: 0, notBuilding: 0, degenerate: 0, invalidCoordinates: 0, incomplete: 0, duplicate: 0 };
}
