/**
 * Checks a tileset.json before 3d-tiles-renderer sees it. The renderer trusts its input: a
 * missing `asset` throws deep inside, a NaN geometric error or bounding volume silently breaks
 * screen-space error (tiles never refine, or refine forever), and external tilesets that point
 * back at an ancestor recurse until memory runs out. A rejected tileset gets one readable message.
 */

/** Guards against a tileset that would take seconds to preprocess or blow the renderer's recursion. */
export const MAX_TILES_PER_TILESET = 200_000;
export const MAX_TILE_DEPTH = 64;
/** External tileset nesting (tileset → external tileset → …) deeper than this is treated as runaway. */
export const MAX_EXTERNAL_TILESET_DEPTH = 16;
/** Only the first few problems are listed in a message; one is enough to reject. */
export const MAX_ISSUES_REPORTED = 5;

export type ParsedTileset = { ok: true; json: unknown } | { ok: false; message: string };

export interface TilesetCheck {
  ok: boolean;
  tileCount: number;
  issues: string[];
}

/** Parses response text, naming the usual suspects (an HTML error page, an empty body). */
export function parseTilesetText(text: string): ParsedTileset {
  const head = text.trimStart().slice(0, 64);
  if (head.length === 0) return { ok: false, message: 'tileset is empty' };
  if (head.startsWith('<')) {
    return { ok: false, message: `tileset is not JSON but looks like an HTML page ("${oneLine(head.slice(0, 24))}…")` };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: `tileset is not valid JSON: ${(e as Error).message}` };
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFiniteArray(v: unknown, length: number): v is number[] {
  return Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function checkBoundingVolume(bv: unknown, path: string, issues: string[]): void {
  if (!isObject(bv)) {
    issues.push(`${path}.boundingVolume is missing`);
    return;
  }
  const has = (k: string) => k in bv;
  if (!has('box') && !has('sphere') && !has('region')) {
    issues.push(`${path}.boundingVolume has no box, sphere or region`);
    return;
  }
  if (has('box') && !isFiniteArray(bv.box, 12)) issues.push(`${path}.boundingVolume.box must be 12 finite numbers`);
  if (has('sphere')) {
    if (!isFiniteArray(bv.sphere, 4)) issues.push(`${path}.boundingVolume.sphere must be 4 finite numbers`);
    else if ((bv.sphere[3] ?? -1) < 0) issues.push(`${path}.boundingVolume.sphere radius must not be negative`);
  }
  if (has('region')) {
    if (!isFiniteArray(bv.region, 6)) issues.push(`${path}.boundingVolume.region must be 6 finite numbers`);
    else {
      const [w, s, e, n, lo, hi] = bv.region as [number, number, number, number, number, number];
      if (Math.abs(w) > Math.PI || Math.abs(e) > Math.PI || Math.abs(s) > Math.PI / 2 || Math.abs(n) > Math.PI / 2 || s > n || lo > hi) {
        issues.push(`${path}.boundingVolume.region is out of range (radians: west, south, east, north, minHeight, maxHeight)`);
      }
    }
  }
}

function checkGeometricError(v: unknown, path: string, issues: string[]): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) issues.push(`${path}.geometricError must be a finite number (got ${JSON.stringify(v) ?? 'nothing'})`);
  else if (v < 0) issues.push(`${path}.geometricError must not be negative (got ${v})`);
}

function checkTile(tile: Record<string, unknown>, path: string, issues: string[]): void {
  checkBoundingVolume(tile.boundingVolume, path, issues);
  checkGeometricError(tile.geometricError, path, issues);
  if ('transform' in tile && !isFiniteArray(tile.transform, 16)) issues.push(`${path}.transform must be 16 finite numbers`);
  if ('refine' in tile && tile.refine !== 'ADD' && tile.refine !== 'REPLACE') issues.push(`${path}.refine must be "ADD" or "REPLACE"`);
  if ('content' in tile) {
    const c = tile.content;
    const uri = isObject(c) ? (c.uri ?? c.url) : undefined;
    if (typeof uri !== 'string' || uri.length === 0) issues.push(`${path}.content.uri must be a non-empty string`);
  }
  if ('children' in tile && !Array.isArray(tile.children)) issues.push(`${path}.children must be an array`);
}

/** Structural check of a parsed tileset. Iterative, so a hostile depth cannot overflow the stack. */
export function validateTileset(json: unknown): TilesetCheck {
  const issues: string[] = [];
  if (!isObject(json)) return { ok: false, tileCount: 0, issues: ['tileset must be a JSON object'] };
  const asset = json.asset;
  if (!isObject(asset) || typeof asset.version !== 'string' || !/^\d+\.\d+/.test(asset.version)) {
    issues.push('asset.version must be a version string such as "1.1"');
  } else if (!asset.version.startsWith('1.')) {
    issues.push(`asset.version "${asset.version}" is not a 3D Tiles 1.x tileset`);
  }
  if ('geometricError' in json || !isObject(json.root)) checkGeometricError(json.geometricError, 'tileset', issues);
  if (!isObject(json.root)) {
    issues.push('tileset has no root tile');
    return { ok: false, tileCount: 0, issues };
  }
  let tileCount = 0;
  const stack: { tile: unknown; path: string; depth: number }[] = [{ tile: json.root, path: 'root', depth: 0 }];
  while (stack.length > 0 && issues.length < MAX_ISSUES_REPORTED) {
    const { tile, path, depth } = stack.pop()!;
    if (!isObject(tile)) {
      issues.push(`${path} must be an object`);
      continue;
    }
    tileCount++;
    if (tileCount > MAX_TILES_PER_TILESET) {
      issues.push(`tileset has more than ${MAX_TILES_PER_TILESET} tiles`);
      break;
    }
    if (depth > MAX_TILE_DEPTH) {
      issues.push(`${path} is nested deeper than ${MAX_TILE_DEPTH} levels`);
      break;
    }
    checkTile(tile, path, issues);
    if (Array.isArray(tile.children)) {
      tile.children.forEach((child, i) => stack.push({ tile: child, path: `${path}.children[${i}]`, depth: depth + 1 }));
    }
  }
  return { ok: issues.length === 0, tileCount, issues: issues.slice(0, MAX_ISSUES_REPORTED) };
}

/** One message for a rejected tileset. */
export function describeTilesetIssues(issues: readonly string[]): string {
  return `invalid tileset: ${issues.slice(0, MAX_ISSUES_REPORTED).join('; ')}`;
}

/**
 * Cycle check for external tilesets. `ancestorUrls` are the tileset files above the one being
 * attached, nearest first. Returns a message when `url` is already among them or nesting runs
 * away, otherwise null. URLs are compared without their fragment.
 */
export function externalTilesetProblem(ancestorUrls: readonly string[], url: string): string | null {
  const norm = (u: string) => u.replace(/#.*$/, '');
  const target = norm(url);
  const i = ancestorUrls.findIndex((u) => norm(u) === target);
  if (i >= 0) {
    const loop = [...ancestorUrls.slice(0, i + 1)].reverse().concat(target).map(shortName);
    return `external tilesets form a cycle: ${loop.join(' → ')}`;
  }
  if (ancestorUrls.length >= MAX_EXTERNAL_TILESET_DEPTH) {
    return `external tilesets are nested deeper than ${MAX_EXTERNAL_TILESET_DEPTH} levels`;
  }
  return null;
}

function shortName(url: string): string {
  const clean = url.replace(/[?#].*$/, '');
  const parts = clean.split('/');
  return parts.slice(-2).join('/');
}
