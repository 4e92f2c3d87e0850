/**
 * Loads scenes/index.json and every scene it lists. One broken scene file becomes issues on its
 * own zone entry (file, path, reason); the other zones load normally. Only a broken index stops
 * the zone list, and even then the caller gets issues to show, never a throw.
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
  const zones = await Promise.all(
    refs.map(async ({ id, file }): Promise<ZoneEntry> => {
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
      return { id, file: shown, scene: r.scene, issues: [] };
    }),
  );
  return { ok: true, zones, siteMode: parsed.data.mode };
}
