/**
 * Memory budget of a zone's tile cache (both tilesets share one LRU cache). The URL can override
 * it (`?tileBudgetMB=`, parsed and range-checked by the app shell into the view slice).
 */
export const DEFAULT_TILE_BUDGET_MB = 256;
/** Unused tiles are evicted down to this share of the budget, so the cache does not thrash at the limit. */
export const TILE_BUDGET_MIN_SHARE = 0.75;
const MB = 1024 * 1024;

export interface CacheByteLimits {
  minBytesSize: number;
  maxBytesSize: number;
}

export function cacheLimitsForBudget(budgetMB: number | null | undefined): CacheByteLimits {
  const mb = typeof budgetMB === 'number' && Number.isFinite(budgetMB) && budgetMB > 0 ? budgetMB : DEFAULT_TILE_BUDGET_MB;
  const maxBytesSize = Math.round(mb * MB);
  return { maxBytesSize, minBytesSize: Math.round(maxBytesSize * TILE_BUDGET_MIN_SHARE) };
}
