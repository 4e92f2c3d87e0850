/**
 * Iso-lines of a scalar grid by marching squares: the 1 h, 2 h and 3 h lines over the ground heat
 * map of sunlight hours. Pure; segments come out in grid coordinates (column, row), which the
 * caller maps to ENU metres. A cell with a corner of no value (NaN: inside a building) is left
 * out, so lines stop at walls instead of bending towards a made-up value.
 */

export interface ScalarGrid {
  cols: number;
  rows: number;
  /** Row-major, row 0 first: value of the point (col, row) at index row · cols + col. */
  values: ArrayLike<number>;
}

/** Segments of one level as [c0, r0, c1, r1] quadruples, flattened. */
export type Segments = number[];

/**
 * Which edges each corner pattern crosses. Corners: 0 = (c, r), 1 = (c+1, r), 2 = (c+1, r+1),
 * 3 = (c, r+1); a bit is set where the value is ≥ the level. Edges: 0 bottom (0–1), 1 right (1–2),
 * 2 top (2–3), 3 left (3–0). Saddles (5 and 10) are resolved by the cell's mean below.
 */
const EDGES: readonly (readonly [number, number][])[] = [
  [], [[3, 0]], [[0, 1]], [[3, 1]], [[1, 2]], [[3, 0], [1, 2]], [[0, 2]], [[3, 2]],
  [[2, 3]], [[0, 2]], [[0, 1], [2, 3]], [[1, 2]], [[1, 3]], [[0, 1]], [[3, 0]], [],
];

/** Where the level crosses between two corner values, 0..1 from the first. */
const cross = (a: number, b: number, level: number): number => (a === b ? 0.5 : Math.min(1, Math.max(0, (level - a) / (b - a))));

function edgePoint(edge: number, c: number, r: number, v: readonly number[], level: number, out: number[]): void {
  switch (edge) {
    case 0:
      out.push(c + cross(v[0]!, v[1]!, level), r);
      return;
    case 1:
      out.push(c + 1, r + cross(v[1]!, v[2]!, level));
      return;
    case 2:
      out.push(c + 1 - cross(v[2]!, v[3]!, level), r + 1);
      return;
    default:
      out.push(c, r + 1 - cross(v[3]!, v[0]!, level));
  }
}

/** The iso-line of `level` as segments in grid coordinates. */
export function isoSegments(grid: ScalarGrid, level: number): Segments {
  const out: Segments = [];
  const { cols, rows, values } = grid;
  if (!Number.isFinite(level) || cols < 2 || rows < 2 || values.length < cols * rows) return out;
  const v = [0, 0, 0, 0];
  for (let r = 0; r + 1 < rows; r++) {
    for (let c = 0; c + 1 < cols; c++) {
      v[0] = values[r * cols + c]!;
      v[1] = values[r * cols + c + 1]!;
      v[2] = values[(r + 1) * cols + c + 1]!;
      v[3] = values[(r + 1) * cols + c]!;
      if (!(Number.isFinite(v[0]) && Number.isFinite(v[1]) && Number.isFinite(v[2]) && Number.isFinite(v[3]))) continue;
      let code = 0;
      for (let k = 0; k < 4; k++) if (v[k]! >= level) code |= 1 << k;
      let pairs = EDGES[code]!;
      if (code === 5 || code === 10) {
        // A saddle: the mean decides whether the two high corners connect through the middle.
        const high = (v[0] + v[1] + v[2] + v[3]) / 4 >= level;
        if (code === 5 && high) pairs = [[3, 2], [0, 1]];
        if (code === 10 && high) pairs = [[0, 3], [1, 2]];
      }
      for (const [a, b] of pairs) {
        edgePoint(a, c, r, v, level, out);
        edgePoint(b, c, r, v, level, out);
      }
    }
  }
  return out;
}

export interface ContourLevel {
  level: number;
  segments: Segments;
}

/** Every level's segments, in the order given. */
export function contours(grid: ScalarGrid, levels: readonly number[]): ContourLevel[] {
  return levels.map((level) => ({ level, segments: isoSegments(grid, level) }));
}
