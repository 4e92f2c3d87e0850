/**
 * Loads scenes/index.json and every scene it lists. One broken scene file becomes issues on its
 * own zone entry (file, path, reason); the other zones load normally. Only a broken index stops
 * the zone list, and even then the caller gets issues to show, never a throw. An optional zone
 * (index entry `optional: true`) is listed only when its buildings tileset answers: it is built on
 * request, and a deployment without it should not show a broken zone.
 */
import { issuesFromZod, parseSceneText, type SceneIssue } from '../scene/validate';
import { sceneIndexSchema, type SceneIndex } from '../scene/schema';
import type { ZoneEntry } from '../state/zoneSlice';

export const SCENE_INDEX_FILE = 'scenes/index.json';

export type LoadScenesResult = { ok: true; zones: ZoneEntry[]; siteMode: SceneIndex['mode'] } | { ok: false; issues: SceneIssue[] };

async function fetchText(fetchImpl: typeof fetch, url: string): Promise<{ text: string } | { error: string }> {
  try {
    const res = await fetchImpl(url);
    if (!res.ok) return { error: `HTTP ${res.status} ${res.statusText}`.trim() };
    return { text: await res.text() };
  } catch (e) {
    return { error: `network error: ${(e as Error).message}` };
  }
}

/** `baseUrl` is import.meta.env.BASE_URL ("./" in a built app), so the app works under any path. */
export async function loadScenes(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<LoadScenesResult> {
  const idx = await fetchText(fetchImpl, baseUrl + SCENE_INDEX_FILE);
  if ('error' in idx) return { ok: false, issues: [{ file: SCENE_INDEX_FILE, path: '(root)', message: idx.error }] };
  let raw: unknown;
  try {
    raw = JSON.parse(idx.text);
  } catch (e) {
    return {
      ok: false,
      issues: [{ file: SCENE_INDEX_FILE, path: '(root)', message: `invalid JSON: ${(e as Error).message}` }],
    };
  }
  const parsed = sceneIndexSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(SCENE_INDEX_FILE, parsed.error) };

  const seen = new Set<string>();
  const refs = parsed.data.zones.filter((z) => (seen.has(z.id) ? false : (seen.add(z.id), true)));
  const built = async (scene: { tilesets: { kind: string; url: string }[] }): Promise<boolean> => {
    const t = scene.tilesets.find((x) => x.kind === 'buildings') ?? scene.tilesets[0];
    if (!t) return false;
    const url = /^[a-z][a-z0-9+.-]*:/i.test(t.url) ? t.url : baseUrl + t.url.replace(/^\/+/, '');
    try {
      const res = await fetchImpl(url, { method: 'HEAD' });
      // A single-page-app fallback (vite preview, many static hosts) answers a missing file with
      // index.html and 200: that is not a tileset.
      return res.ok && !(res.headers.get('content-type') ?? '').startsWith('text/html');
    } catch {
      return false;
    }
  };
  const loaded = await Promise.all(
    refs.map(async ({ id, file, optional }): Promise<ZoneEntry | null> => {
      const shown = `scenes/${file}`;
      const got = await fetchText(fetchImpl, baseUrl + shown);
      if ('error' in got) return { id, file: shown, scene: null, issues: [{ file: shown, path: '(root)', message: got.error }] };
      const r = parseSceneText(shown, got.text);
      if (!r.ok) return { id, file: shown, scene: null, issues: r.issues };
      if (r.scene.id !== id) {
        return {
          id,
          file: shown,
          scene: null,
          issues: [{ file: shown, path: 'id', message: `scene id "${r.scene.id}" does not match "${id}" in ${SCENE_INDEX_FILE}` }],
        };
      }
      if (optional && !(await built(r.scene))) return null;
      return { id, file: shown, scene: r.scene, issues: [] };
    }),
  );
  const zones = loaded.filter((z): z is ZoneEntry => z !== null);
  return { ok: true, zones, siteMode: parsed.data.mode };
}
