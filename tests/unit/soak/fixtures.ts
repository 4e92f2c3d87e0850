import type { SoakSample } from '../../soak/sample';

/** A sample with every counter present and plausible; override what a test is about. */
export function sample(over: Partial<SoakSample>): SoakSample {
  return {
    tS: 0, wallIso: '2026-12-01T00:00:00.000Z', heapPostGcBytes: 100e6, jsHeapBytes: 120e6, geometries: 400, textures: 20, programs: 30,
    drawCalls: 150, tileCacheBytes: 50e6, domNodes: 1500, jsListeners: 300, ourListeners: 40, ourTimers: 12, frames: 10,
    frameP50Ms: 100, frameP95Ms: 400, feedAgeMs: 200, feedStatus: 'connected', vehicles: 300, zone: 'jiading', tourState: 'playing',
    tourStep: 1, alerts: 3, wdResubscribe: 0, wdRebuildView: 0, wdSoftReload: 0, wdFrameStalls: 0, wdFeedOutages: 0,
    wdThresholdReloads: 0, wdDailyReloads: 0, reloads: 0, crashes: 0, drillsSent: 0, alarmsSeen: 0, pageErrors: 0,
    ...over,
  };
}

/** Samples every `stepS` for `totalS`, each counter given as a function of time. */
export function series(totalS: number, stepS: number, f: (tS: number) => Partial<SoakSample>): SoakSample[] {
  const out: SoakSample[] = [];
  for (let t = 0; t <= totalS + 1e-9; t += stepS) out.push(sample({ tS: t, ...f(t) }));
  return out;
}
