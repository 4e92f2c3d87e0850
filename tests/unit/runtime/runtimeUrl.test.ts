import { describe, expect, it } from 'vitest';
import { parseRuntimeParams, watchdogConfigFor } from '../../../src/runtime/runtimeUrl';
import { DEFAULT_WATCHDOG } from '../../../src/runtime/watchdogTypes';

function parse(q: string) {
  const issues: string[] = [];
  const r = parseRuntimeParams(q, (p, why) => issues.push(`${p}: ${why}`));
  return { r, issues };
}

describe('runtime link parameters', () => {
  it('reads diag, reloadAt and watchdogWarmup', () => {
    expect(parse('?diag=1&reloadAt=04:30&watchdogWarmup=120')).toEqual({ r: { diag: true, reloadAtMin: 270, warmupS: 120 }, issues: [] });
    expect(parse('').r).toEqual({ diag: false, reloadAtMin: null, warmupS: null });
  });
  it('reports bad values by parameter and ignores them', () => {
    const { r, issues } = parse('?diag=yes&reloadAt=4am&watchdogWarmup=5');
    expect(r).toEqual({ diag: false, reloadAtMin: null, warmupS: null });
    expect(issues).toHaveLength(3);
    expect(issues[1]).toMatch(/^reloadAt: must be hh:mm/);
    expect(issues[2]).toMatch(/^watchdogWarmup: must be whole seconds within \[10, 86400\]/);
  });
  it('turns them into the watchdog config: warm-up in samples, the tile budget in bytes', () => {
    const c = watchdogConfigFor({ diag: false, reloadAtMin: 240, warmupS: 21 }, 64, 2000);
    expect(c).toMatchObject({ dailyReloadMinute: 240, tileBudgetBytes: 64 * 2 ** 20, warmupSamples: 11 });
    expect(watchdogConfigFor({ diag: false, reloadAtMin: null, warmupS: null }, 256, 2000).warmupSamples).toBe(DEFAULT_WATCHDOG.warmupSamples);
  });
});
