/**
 * The zone's road graph on the main thread (the congestion layer draws it; vital signs need each
 * edge's length and speed limit). Fetched once per URL and validated like any outside input.
 */
import type { RoadGraph } from '../../core/roadGraph';
import { parseRoadGraph } from '../../sim/graph/roadGraphSchema';

export type RoadGraphLoad = { ok: true; graph: RoadGraph } | { ok: false; error: string };

const cache = new Map<string, Promise<RoadGraphLoad>>();

export function loadRoadGraph(url: string, fetchImpl: typeof fetch = fetch): Promise<RoadGraphLoad> {
  let p = cache.get(url);
  if (!p) {
    p = (async (): Promise<RoadGraphLoad> => {
      try {
        const res = await fetchImpl(url);
        if (!res.ok) return { ok: false, error: `HTTP ${res.status}` };
        const r = parseRoadGraph((await res.json()) as unknown);
        return r.ok ? { ok: true, graph: r.graph } : { ok: false, error: r.error };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    })();
    cache.set(url, p);
    // A failed load may be retried on the next zone entry rather than cached forever.
    void p.then((r) => {
      if (!r.ok) cache.delete(url);
    });
  }
  return p;
}

/** Absolute URL of a scene's road graph, resolved like every data file against the app's base URL. */
export function roadGraphUrlOf(roadGraphUrl: string, baseUrl: string = import.meta.env.BASE_URL, documentHref: string = document.baseURI): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(roadGraphUrl)) return roadGraphUrl;
  return new URL(roadGraphUrl.replace(/^\/+/, ''), new URL(baseUrl, documentHref)).href;
}
