/**
 * 3d-tiles-renderer plugin that stands between the network and the renderer, which otherwise
 * trusts what it downloads:
 * - `fetchData`: every request gets a timeout (a hung server must not leave a tile "downloading"
 *   forever), HTTP errors become readable messages, and tileset JSON is parsed and validated here,
 *   so the renderer only ever receives a checked object.
 * - `parseTile`: glb content is checked structurally before GLTFLoader reads it.
 * - `preprocessNode`: an external tileset that points back at one of its ancestors is rejected.
 * Every rejection is a thrown Error, which the renderer turns into a `load-error` event for that
 * tile (or for the root), so failures are counted and nothing is left pending.
 */
import type { Tile } from '3d-tiles-renderer/core';
import { trackTimeout } from '../../runtime/tracked';
import { checkGlb, hasGlbMagic } from './glbSanity';
import { urlExtension } from './tilesetUrl';
import { describeTilesetIssues, externalTilesetProblem, parseTilesetText, validateTileset } from './tilesetValidation';

export const TILESET_FETCH_TIMEOUT_MS = 15_000;
export const TILE_FETCH_TIMEOUT_MS = 30_000;

interface RequestOptions extends RequestInit {
  signal?: AbortSignal | null;
}

/** The caller's signal plus a timeout; `clear` must run when the request settles so no timer outlives it. */
function withTimeout(signal: AbortSignal | null | undefined, ms: number): { signal: AbortSignal; clear: () => void } {
  const timeout = new AbortController();
  const clear = trackTimeout(() => timeout.abort(new DOMException(`no response within ${ms / 1000} s`, 'TimeoutError')), ms);
  return { signal: signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal, clear };
}

function isTimeout(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'TimeoutError';
}

export class TilesetGuardPlugin {
  readonly name = 'SHENTWIN_TILESET_GUARD';
  /** Runs before the renderer's own fetch and parse. */
  readonly priority = -100;
  /** Which tileset file each tileset root tile came from, to find external-tileset cycles. */
  private readonly rootUrls = new WeakMap<object, string>();
  private readonly fetchImpl: typeof fetch;

  constructor(fetchImpl: typeof fetch = (...args) => fetch(...args)) {
    this.fetchImpl = fetchImpl;
  }

  async fetchData(url: string, options: RequestOptions = {}): Promise<unknown> {
    const isJson = urlExtension(url) === 'json';
    const ms = isJson ? TILESET_FETCH_TIMEOUT_MS : TILE_FETCH_TIMEOUT_MS;
    const limit = withTimeout(options.signal, ms);
    let res: Response;
    try {
      res = await this.fetchImpl(url, { ...options, signal: limit.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      if (!isJson) return await res.arrayBuffer();
      const text = await res.text();
      const parsed = parseTilesetText(text);
      if (!parsed.ok) throw new Error(parsed.message);
      const check = validateTileset(parsed.json);
      if (!check.ok) throw new Error(describeTilesetIssues(check.issues));
      const json = parsed.json as { root: object };
      this.rootUrls.set(json.root, absolute(url));
      return json;
    } catch (e) {
      if (isTimeout(e)) throw new Error(`no response within ${ms / 1000} s`);
      // A cancelled request (the tile left the view) must stay an AbortError: the renderer treats it as "not needed", not as a failure.
      throw e;
    } finally {
      limit.clear();
    }
  }

  parseTile(buffer: ArrayBuffer, _tile: Tile, extension: string): Promise<never> | null {
    const bytes = new Uint8Array(buffer);
    if (extension !== 'glb' && !hasGlbMagic(bytes)) return null;
    const check = checkGlb(bytes);
    // Returning nothing hands the buffer on to the renderer's own GLTF parse.
    return check.ok ? null : Promise.reject(new Error(check.reason));
  }

  preprocessNode(tile: Tile, _tilesetDir: string, parentTile: Tile | null): void {
    const url = this.rootUrls.get(tile);
    if (url === undefined || parentTile === null) return;
    const ancestors: string[] = [];
    for (let t: Tile | null = parentTile; t; t = t.parent) {
      const u = this.rootUrls.get(t);
      if (u !== undefined) ancestors.push(u);
    }
    const problem = externalTilesetProblem(ancestors, url);
    if (problem) throw new Error(problem);
  }
}

function absolute(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return url;
  }
}
