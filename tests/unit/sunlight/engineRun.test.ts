/** The engine's run plumbing: progress, cancellation between chunks, the async variant, summaries. */
import { describe, expect, it } from 'vitest';
import { buildCasterBvh } from '../../../src/analysis/sunlight/casters';
import { chunkedRun, runSunlight, sunlightChunks } from '../../../src/analysis/sunlight/engine';
import { PROFILES, resolveProfile } from '../../../src/analysis/sunlight/profiles';
import { facadeReceivers, groundReceivers } from '../../../src/analysis/sunlight/receivers';
import { box, rect, SH_LAT, SH_LON, YEAR } from './fixtures';

const receivers = facadeReceivers([{ id: 'b', footprint: rect(0, 0, 30, 12), heightM: 9, floors: 3 }], { sillHeightM: 0.9 });
const casters = buildCasterBvh([box('b', 0, 0, 30, 12, 9)]);
const input = { receivers, casters, profile: PROFILES['gb50180-dahan'], latDeg: SH_LAT, lonDeg: SH_LON, year: YEAR, chunkSize: 10 };

describe('engine runs', () => {
  it('reports progress after every chunk and summarises pass/fail and the hour range', () => {
    const seen: number[] = [];
    const r = runSunlight({ ...input, onProgress: (done, total) => { seen.push(done); expect(total).toBe(receivers.length); } });
    expect(seen).toEqual([...Array.from({ length: Math.ceil(receivers.length / 10) - 1 }, (_, i) => (i + 1) * 10), receivers.length]);
    expect(r.cancelled).toBe(false);
    expect(r.receivers).toHaveLength(receivers.length);
    // South and east/west walls of a lone building pass; north walls (a third of 28 × 3) fail.
    expect(r.failed).toBe(receivers.filter((x) => x.facade === 2).length);
    expect(r.passed + r.failed).toBe(receivers.length);
    expect(r.minHours).toBe(0);
    expect(r.maxHours).toBe(8);
    expect(r.receivers[0]!.litMask).toBeUndefined();
  });

  it('stops between chunks when asked and says so', () => {
    let calls = 0;
    const r = runSunlight({ ...input, shouldCancel: () => ++calls >= 2 });
    expect(r.cancelled).toBe(true);
    expect(r.receivers).toHaveLength(20);
  });

  it('the generator and the async variant give the same result as the plain run', async () => {
    const plain = runSunlight(input);
    const gen = sunlightChunks(input);
    let it = gen.next();
    while (!it.done) it = gen.next();
    expect(it.value.receivers.map((r) => r.hours)).toEqual(plain.receivers.map((r) => r.hours));
    let cancel = false;
    const yields: number[] = [];
    const asyncRun = await chunkedRun({ ...input, onProgress: (d) => yields.push(d), shouldCancel: () => cancel }, async () => {
      if (yields.length === 3) cancel = true;
    });
    expect(asyncRun.cancelled).toBe(true);
    expect(asyncRun.receivers).toHaveLength(30);
    const full = await chunkedRun(input);
    expect(full.receivers.map((r) => r.hours)).toEqual(plain.receivers.map((r) => r.hours));
  });

  it('ground points: open ground gets the whole window, the ground just north of a tall block none', () => {
    const ground = groundReceivers({ minE: -10, minN: 12, maxE: 40, maxN: 16 }, 0, 2);
    const r = runSunlight({ ...input, receivers: ground, casters: buildCasterBvh([box('tall', 0, 0, 30, 12, 60)]) });
    const at = (e: number) => r.receivers.find((x) => Math.abs(x.position[0] - e) < 1e-9 && Math.abs(x.position[1] - 13) < 1e-9)!;
    expect(at(15).hours).toBe(0);
    expect(r.maxHours).toBeLessThan(8);
    const open = runSunlight({ ...input, receivers: ground.slice(0, 1), casters: buildCasterBvh([]) });
    expect(open.receivers[0]!.hours).toBe(8);
  });

  it('an empty receiver set gives an empty, finite summary', () => {
    const r = runSunlight({ ...input, receivers: [] });
    expect(r).toMatchObject({ passed: 0, failed: 0, minHours: 0, maxHours: 0, cancelled: false });
  });

  it('samples step midpoints: 0.5 min steps double the samples and give the same unobstructed total', () => {
    const fine = runSunlight({ ...input, receivers: receivers.filter((x) => x.facade === 0).slice(0, 1), profile: resolveProfile('gb50180-dahan', { stepMin: 0.5 }) });
    expect(fine.times).toHaveLength(960);
    expect(fine.receivers[0]!.hours).toBe(8);
    expect(fine.times[1]! - fine.times[0]!).toBeGreaterThan(29_000);
    expect(fine.times[1]! - fine.times[0]!).toBeLessThan(31_000);
  });
});
