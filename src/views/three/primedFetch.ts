/**
 * Responses started before anything that reads them exists. At boot the app knows from the URL
 * which files the zone will need (scene list, scene file, tileset.json, root tile), long before
 * React, three.js and the tiles renderer are ready to ask for them; starting those downloads early
 * overlaps the network with start-up work.
 *
 * Each primed response is handed out once, to the first matching GET, and then forgotten: a later
 * request for the same URL (a retry after a failure, a zone opened again) really goes to the
 * network. A prefetch that failed (network error) is not an answer: the consumer falls back to its
 * own fetch, so every error path behaves as it does without priming. One nobody claims is aborted
 * after `ttlMs`, so an unused download holds neither a connection nor memory.
 */

/** Cancels a scheduled callback. */
type Cancel = () => void;

export interface PrimedFetchOptions {
  /** Performs the prefetch; called lazily so a test's stubbed global fetch applies. */
  fetchImpl?: typeof fetch;
  /** Unclaimed prefetches are aborted and forgotten after this long. */
  ttlMs?: number;
  schedule?: (fn: () => void, ms: number) => Cancel;
  /** Base for relative URLs (the document's); keys are absolute URLs. */
  baseHref?: string;
}

/** Long enough for a slow machine to boot the 3D view, short enough that a stray download goes. */
export const PRIMED_TTL_MS = 60_000;

/** A primed response as handed to its one consumer. */
export interface PrimedEntry {
  response: Promise<Response>;
  /** Aborts the underlying request (also a body still being read); the reason becomes the rejection. */
  abort(reason?: unknown): void;
}

interface Entry extends PrimedEntry {
  cancelTtl: Cancel;
}

export interface PrimedStats {
  primed: number;
  taken: number;
  expired: number;
}

const defaultSchedule = (fn: () => void, ms: number): Cancel => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

export class PrimedFetches {
  private readonly entries = new Map<string, Entry>();
  private readonly o: Required<Omit<PrimedFetchOptions, 'baseHref' | 'fetchImpl'>> & Pick<PrimedFetchOptions, 'baseHref' | 'fetchImpl'>;
  readonly stats: PrimedStats = { primed: 0, taken: 0, expired: 0 };

  constructor(options: PrimedFetchOptions = {}) {
    this.o = { ttlMs: PRIMED_TTL_MS, schedule: defaultSchedule, ...options };
  }

  /** The key a URL is primed and looked up under; null for a URL that cannot be resolved. */
  keyOf(url: string | URL): string | null {
    try {
      // fetch resolves a relative URL against the document's base URL, so the key does too.
      return new URL(String(url), this.o.baseHref ?? globalThis.document?.baseURI ?? globalThis.location?.href).href;
    } catch {
      return null;
    }
  }

  /**
   * Starts a GET of `url` unless one is already primed. `peek` receives a clone of the response,
   * taken before any consumer can read the body (for following links, e.g. tileset.json → root tile).
   * Returns false when nothing was started.
   */
  prime(url: string, peek?: (clone: Response) => void): boolean {
    const key = this.keyOf(url);
    if (key === null || this.entries.has(key)) return false;
    const controller = new AbortController();
    let response: Promise<Response>;
    try {
      const f = this.o.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
      response = Promise.resolve(f(key, { signal: controller.signal }));
    } catch (e) {
      response = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    if (peek) {
      // Registered first, so it runs before any consumer's reaction and the clone is never of a used body.
      response.then((r) => peek(r.clone()), () => undefined);
    }
    // Nobody may ever claim it: a failure must not surface as an unhandled rejection.
    response.catch(() => undefined);
    const entry: Entry = {
      response,
      abort: (reason) => controller.abort(reason),
      cancelTtl: this.o.schedule(() => {
        if (this.entries.get(key) !== entry) return;
        this.entries.delete(key);
        this.stats.expired++;
        controller.abort(new DOMException('primed response not claimed in time', 'AbortError'));
      }, this.o.ttlMs),
    };
    this.entries.set(key, entry);
    this.stats.primed++;
    return true;
  }

  /** Hands out the primed response for `url` once, then forgets it; null when there is none. */
  take(url: string | URL): PrimedEntry | null {
    const key = this.keyOf(url);
    const entry = key === null ? undefined : this.entries.get(key);
    if (!entry || key === null) return null;
    this.entries.delete(key);
    entry.cancelTtl();
    this.stats.taken++;
    return { response: entry.response, abort: entry.abort };
  }

  has(url: string): boolean {
    const key = this.keyOf(url);
    return key !== null && this.entries.has(key);
  }

  /** Aborts and forgets everything still unclaimed. */
  clear(): void {
    for (const e of this.entries.values()) {
      e.cancelTtl();
      e.abort(new DOMException('primed responses cleared', 'AbortError'));
    }
    this.entries.clear();
  }
}

/** Only a plain GET may be answered by a primed response: anything else could change the answer. */
function isPlainGet(init: RequestInit | undefined): boolean {
  if (!init) return true;
  for (const k of Object.keys(init) as (keyof RequestInit)[]) {
    if (init[k] === undefined) continue;
    if (k === 'signal') continue;
    if (k === 'method' && String(init.method).toUpperCase() === 'GET') continue;
    return false;
  }
  return true;
}

/**
 * A fetch that answers a plain GET from `primes` when it holds that URL, else calls `fallback`.
 * The caller's signal still works: aborting it aborts the primed request (and its body). A primed
 * request that failed without the caller aborting is retried once through `fallback`, so a failed
 * prefetch costs nothing but the attempt. HTTP errors are answers and are passed on as they are.
 */
export function primedFetch(primes: PrimedFetches, fallback: typeof fetch): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const primable = (typeof input === 'string' || input instanceof URL) && isPlainGet(init);
    const entry = primable ? primes.take(input) : null;
    if (!entry) return fallback(input, init);
    const signal = init?.signal ?? null;
    if (signal?.aborted) {
      entry.abort(signal.reason);
      throw signal.reason;
    }
    // Not removed on return: an abort while the consumer still reads the body must reach it too.
    signal?.addEventListener('abort', () => entry.abort(signal.reason), { once: true });
    try {
      return await entry.response;
    } catch (e) {
      if (signal?.aborted) throw signal.reason ?? e;
      return fallback(input, init);
    }
  };
}
