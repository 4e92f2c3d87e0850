/**
 * Video-wall tiling: one browser per screen, each rendering its part of one large virtual frame
 * through three.js's camera.setViewOffset. The bezels between screens hide real distance, so they
 * count as part of the frame (bezel compensation): a road crossing two screens stays straight,
 * with the part behind the bezel simply not shown. Every screen must have the same CSS size.
 *
 * Columns count from the left and rows from the top, as setViewOffset's x and y do.
 */
import { parsedError, parsedOk, parseInteger, type Parsed } from '../parsed';

export const MAX_WALL_SIDE = 16;
export const MAX_BEZEL_PX = 500;

export interface WallGrid {
  columns: number;
  rows: number;
}

export interface WallPosition {
  column: number;
  row: number;
}

export interface WallConfig extends WallGrid {
  /** The hidden gap between two neighbouring screens' pictures, CSS pixels of a tile; same both ways. */
  bezelPx: number;
  /** One screen's (this browser's viewport's) size, CSS pixels. */
  tileCssW: number;
  tileCssH: number;
}

export interface WallView {
  fullWidth: number;
  fullHeight: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The whole wall's aspect: the camera's `aspect` must be this, not the tile's. */
  aspect: number;
  /** Spread into camera.setViewOffset(...). */
  viewOffset: [fullWidth: number, fullHeight: number, x: number, y: number, width: number, height: number];
}

function gridProblem(g: WallGrid): string | null {
  for (const [name, v] of [['columns', g.columns], ['rows', g.rows]] as const) {
    if (!Number.isInteger(v) || v < 1 || v > MAX_WALL_SIDE) return `${name} must be a whole number from 1 to ${MAX_WALL_SIDE}, got ${v}`;
  }
  return null;
}

function positionProblem(p: WallPosition, g: WallGrid): string | null {
  if (!Number.isInteger(p.column) || !Number.isInteger(p.row)) return `position must be whole numbers, got ${p.column},${p.row}`;
  if (p.column < 0 || p.column >= g.columns || p.row < 0 || p.row >= g.rows) {
    return `position ${p.column},${p.row} is outside a ${g.columns}x${g.rows} wall (columns 0–${g.columns - 1}, rows 0–${g.rows - 1})`;
  }
  return null;
}

function bezelProblem(px: number): string | null {
  return Number.isInteger(px) && px >= 0 && px <= MAX_BEZEL_PX ? null : `bezel must be a whole number of pixels from 0 to ${MAX_BEZEL_PX}, got ${px}`;
}

/** Throws on a config the parsers below would have refused, or a tile without area (skip the frame then). */
export function wallView(config: WallConfig, position: WallPosition): WallView {
  const problem = gridProblem(config) ?? positionProblem(position, config) ?? bezelProblem(config.bezelPx);
  if (problem) throw new RangeError(problem);
  const { columns, rows, bezelPx, tileCssW: w, tileCssH: h } = config;
  if (!(Number.isFinite(w) && Number.isFinite(h) && w > 0 && h > 0)) throw new RangeError(`tile size must be positive, got ${w}×${h}`);
  const fullWidth = columns * w + (columns - 1) * bezelPx;
  const fullHeight = rows * h + (rows - 1) * bezelPx;
  const x = position.column * (w + bezelPx);
  const y = position.row * (h + bezelPx);
  return { fullWidth, fullHeight, x, y, width: w, height: h, aspect: fullWidth / fullHeight, viewOffset: [fullWidth, fullHeight, x, y, w, h] };
}

function splitTwo(text: string, sep: RegExp): [number | null, number | null] | null {
  const parts = text.trim().split(sep);
  if (parts.length !== 2) return null;
  return [parseInteger(parts[0]!), parseInteger(parts[1]!)];
}

/** "2x1": columns × rows. */
export function parseWallLayout(text: string): Parsed<WallGrid> {
  const parts = splitTwo(text, /[xX×]/);
  if (!parts) return parsedError(`wall layout "${text}" should be columns x rows, like 2x1`);
  const [columns, rows] = parts;
  if (columns === null || rows === null) return parsedError(`wall layout "${text}": columns and rows must be whole numbers`);
  const problem = gridProblem({ columns, rows });
  return problem ? parsedError(`wall layout "${text}": ${problem}`) : parsedOk({ columns, rows });
}

/** "1,0": column, row, from 0, within the grid. */
export function parseWallPosition(text: string, grid: WallGrid): Parsed<WallPosition> {
  const parts = splitTwo(text, /,/);
  if (!parts) return parsedError(`wall position "${text}" should be column,row, like 1,0`);
  const [column, row] = parts;
  if (column === null || row === null) return parsedError(`wall position "${text}": column and row must be whole numbers`);
  const problem = positionProblem({ column, row }, grid);
  return problem ? parsedError(`wall position "${text}": ${problem}`) : parsedOk({ column, row });
}

/** "20": the bezel in CSS pixels. */
export function parseBezelPx(text: string): Parsed<number> {
  const px = parseInteger(text);
  if (px === null) return parsedError(`wall bezel "${text}" must be a whole number of pixels`);
  const problem = bezelProblem(px);
  return problem ? parsedError(`wall bezel "${text}": ${problem}`) : parsedOk(px);
}
