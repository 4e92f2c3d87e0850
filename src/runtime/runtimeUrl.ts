/**
 * The runtime's link parameters: `diag=1` opens the diagnostics panel, `reloadAt=hh:mm` sets a
 * daily reload window (Shanghai time) for screens that run for weeks, `watchdogWarmup=<s>` how
 * long the watchdog watches normal running before it takes its leak baseline. Bad values are reported
 * as URL issues and ignored; the rest of the link still applies.
 */
import { parseReloadAt } from './Watchdog';
import { DEFAULT_WATCHDOG, type WatchdogConfig } from './watchdogTypes';

/** Bounds of `watchdogWarmup` (seconds). */
export const WARMUP_MIN_S = 10;
export const WARMUP_MAX_S = 86_400;

export interface RuntimeUrl {
  diag: boolean;
  /** How long the watchdog watches before its baseline, s; null = the default (10 min). */
  warmupS: number | null;
  /** Minutes after local midnight; null = no daily reload. */
  reloadAtMin: number | null;
}

export function parseRuntimeParams(search: string, bad: (param: string, reason: string) => void): RuntimeUrl {
  const p = new URLSearchParams(search);
  const out: RuntimeUrl = { diag: false, reloadAtMin: null, warmupS: null };
  const diag = p.get('diag');
  if (diag !== null) {
    if (diag === '1') out.diag = true;
    else if (diag !== '0') bad('diag', 'must be "1" or "0"');
  }
  const at = p.get('reloadAt');
  if (at !== null) {
    const r = parseReloadAt(at);
    if (typeof r === 'number') out.reloadAtMin = r;
    else bad('reloadAt', r);
  }
  const warm = p.get('watchdogWarmup');
  if (warm !== null) {
    const v = Number(warm);
    if (/^\d+$/.test(warm) && v >= WARMUP_MIN_S && v <= WARMUP_MAX_S) out.warmupS = v;
    else bad('watchdogWarmup', `must be whole seconds within [${WARMUP_MIN_S}, ${WARMUP_MAX_S}]`);
  }
  return out;
}

/** The watchdog's settings for this page: the daily window from the link, the tile budget in force. */
export function watchdogConfigFor(url: RuntimeUrl, tileBudgetMB: number, sampleMs: number): WatchdogConfig {
  const warmupSamples = url.warmupS === null ? DEFAULT_WATCHDOG.warmupSamples : Math.max(1, Math.ceil((url.warmupS * 1000) / sampleMs));
  return { ...DEFAULT_WATCHDOG, dailyReloadMinute: url.reloadAtMin, tileBudgetBytes: tileBudgetMB * 2 ** 20, warmupSamples };
}
