/**
 * Starts, before React renders, the downloads the URL's zone will need first: the scene list, the
 * zone's scene file, each of its tileset.json files and each tileset's root tile. The bytes are
 * then in flight while React, three.js and the tiles renderer start up; the scene loader and the
 * tileset guard plugin claim them through `bootFetch` (views/three/bootPrimes.ts).
 *
 * Nothing here validates or reports: the files are read only to find the next URL, and anything
 * unexpected simply stops the chain. The real consumers validate what they receive exactly as
 * without a prefetch, and a prefetch that fails is refetched by them (primedFetch.ts).
 *
 * URLs are built the same way the consumers build theirs (loadScenes, TilesetLayer and the tiles
 * renderer's child URLs); a mismatch would only cost the prefetch, never correctness.
 */
import type { PrimedFetches } from '../views/three/primedFetch';
import { resolveTilesetUrl } from '../views/three/tilesetUrl';
import { SCENE_INDEX_FILE } from './loadScenes';
import type { UrlState } from './urlState';

export interface BootPrefetchEnv {
  primes: PrimedFetches;
  /** import.meta.env.BASE_URL. */
  baseUrl: string;
  /** document.baseURI. */
  documentHref: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function jsonOf(res: Response): Promise<unknown> {
  if (!res.ok) return null;
  try {
    return JSON.parse(await res.text()) as unknown;
  } catch {
    return null;
  }
}

/** The root tile's content URL as the tiles renderer forms it (basePath of the tileset file + uri). */
export function rootContentUrl(tilesetUrl: string, tileset: unknown, documentHref: string): string | null {
  if (!isRecord(tileset) || !isRecord(tileset.root) || !isRecord(tileset.root.content)) return null;
  const c = tileset.root.content;
  const uri = typeof c.uri === 'string' ? c.uri : typeof c.url === 'string' ? c.url : null;
  if (!uri) return null;
  try {
    const basePath = new URL(tilesetUrl.replace(/\/[^/]*$/, ''), documentHref).toString();
    return new URL(uri, basePath + '/').toString();
  } catch {
    return null;
  }
}

function primeTileset(env: BootPrefetchEnv, url: string): void {
  env.primes.prime(url, (res) => {
    void jsonOf(res).then((json) => {
      const content = rootContentUrl(url, json, env.documentHref);
      if (content) env.primes.prime(content);
    });
  });
}

function primeScene(env: BootPrefetchEnv, sceneUrl: string, withTiles: boolean): void {
  env.primes.prime(sceneUrl, withTiles ? (res) => {
    void jsonOf(res).then((scene) => {
      if (!isRecord(scene) || !Array.isArray(scene.tilesets)) return;
      for (const t of scene.tilesets) {
        if (!isRecord(t) || typeof t.url !== 'string' || t.url === '') continue;
        let url: string;
        try {
          url = resolveTilesetUrl(t.url, env.baseUrl, env.documentHref);
        } catch {
          continue;
        }
        if (/^https?:/i.test(url)) primeTileset(env, url);
      }
    });
  } : undefined);
}

/**
 * Primes the scene list always, and with a `zone` in the URL that zone's scene file; its tilesets
 * only for the three.js view (the globe fetches through Cesium, which cannot claim them).
 */
export function startBootPrefetch(url: Pick<UrlState, 'zone' | 'engine'>, env: BootPrefetchEnv): void {
  const zone = url.zone;
  env.primes.prime(env.baseUrl + SCENE_INDEX_FILE, zone ? (res) => {
    void jsonOf(res).then((index) => {
      if (!isRecord(index) || !Array.isArray(index.zones)) return;
      const entry = index.zones.find((z): z is Record<string, unknown> => isRecord(z) && z.id === zone);
      if (!entry || typeof entry.file !== 'string' || entry.file === '') return;
      primeScene(env, `${env.baseUrl}scenes/${entry.file}`, url.engine !== 'globe');
    });
  } : undefined);
}
