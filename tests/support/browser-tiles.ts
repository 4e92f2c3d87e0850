/**
 * Reads a built tileset (dist/) into a flat list of its content files, so fault tests can choose
 * which tiles to break: leaves with siblings, whose failure should cost exactly that tile.
 */
import { posix } from 'node:path';
import { readDistJson } from './browser-app';

interface TileJson {
  content?: { uri?: string; url?: string };
  contents?: { uri?: string }[];
  children?: TileJson[];
}

export interface TileContent {
  /** Path below dist/, e.g. "tiles/jiading/buildings/2/1-0.glb". */
  path: string;
  depth: number;
  isLeaf: boolean;
  siblings: number;
}

/** Walks the tileset and any external tilesets it references (each file once). */
export function tileContents(tilesetPath: string): TileContent[] {
  const out: TileContent[] = [];
  const seen = new Set<string>();
  const walkFile = (file: string, depth0: number) => {
    if (seen.has(file)) return;
    seen.add(file);
    const json = readDistJson<{ root: TileJson }>(file);
    const dir = posix.dirname(file);
    const walk = (t: TileJson, depth: number, siblings: number) => {
      const uris = [t.content?.uri ?? t.content?.url, ...(t.contents ?? []).map((c) => c.uri)].filter(
        (u): u is string => typeof u === 'string',
      );
      for (const uri of uris) {
        const path = posix.normalize(posix.join(dir, uri.split('?')[0] ?? uri));
        if (path.endsWith('.json')) walkFile(path, depth + 1);
        else out.push({ path, depth, isLeaf: !t.children?.length, siblings });
      }
      for (const c of t.children ?? []) walk(c, depth + 1, (t.children?.length ?? 1) - 1);
    };
    walk(json.root, depth0, 0);
  };
  walkFile(tilesetPath, 0);
  return out;
}
