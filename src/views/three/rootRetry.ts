/**
 * Retry schedule for a tileset.json that failed to load (404, 500, timeout, invalid). Capped
 * exponential backoff: a broken server is asked again, but never in a tight loop.
 */
export const ROOT_RETRY_BASE_MS = 1000;
export const ROOT_RETRY_MAX_MS = 30_000;

/** Delay before retry number `attempt` (1-based): 1 s, 2 s, 4 s … capped at 30 s. */
export function rootRetryDelayMs(attempt: number): number {
  if (!Number.isFinite(attempt) || attempt < 1) return ROOT_RETRY_BASE_MS;
  const exp = Math.min(Math.floor(attempt) - 1, 30);
  return Math.min(ROOT_RETRY_BASE_MS * 2 ** exp, ROOT_RETRY_MAX_MS);
}

/** The message shown for a failed tileset, naming when the next attempt happens. */
export function describeRootFailure(reason: string, attempt: number, delayMs: number): string {
  const s = Math.round(delayMs / 100) / 10;
  return `${reason} — retry ${attempt} in ${s} s`;
}
