/**
 * The page's one set of boot-time prefetches (src/app/bootPrefetch.ts fills it) and the fetch
 * that reads from it. Used by the scene loader and the tileset guard plugin, the two consumers of
 * what boot prefetches; anything else keeps calling fetch directly.
 */
import { PrimedFetches, primedFetch } from './primedFetch';

export const bootPrimes = new PrimedFetches();

/** Resolved lazily, so a test's stubbed global fetch is the one called. */
export const bootFetch: typeof fetch = primedFetch(bootPrimes, (...args) => fetch(...args));
