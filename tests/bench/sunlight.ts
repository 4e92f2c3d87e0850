/**
 * Sunlight-hours engine (日照分析) on the West Bund site of the schemes issue, profile
 * gb50180-dahan (大寒日 08–16 TST, ≥ 2 h cumulative, 1-min steps), receivers every 3 m on every
 * facade and storey (sunlight-scene.ts). Three measurements:
 *
 *   throughput — window-points × time steps per second through the app's worker runner
 *                (SunlightRunner → Node worker_threads → the app's worker host; every worker
 *                rebuilds the BVH from its copy of the caster arrays), 1 worker against
 *                os.availableParallelism() workers on the same receivers, interleaved A B A B.
 *   site       — the whole site, today and each shipped scheme, all workers, one run each.
 *   peer       — the exact ray casts against shadow-map sampling (sunlight-shadowmap.ts) at the
 *                same receivers and the same times, at two map resolutions: verdict agreement,
 *                mean |Δhours|, and time, interleaved exact, map A, map B. The map costs the same
 *                per step whatever the receivers, so the peer runs on all receivers of today's
 *                state but at a coarser step (--sm-step, default 10 min), counted by both with
 *                the same rule; the exact engine runs on one thread here, as the map does.
 *
 *   npx tsx tests/bench/sunlight.ts [--runs 5] [--subset 0 (= all)] [--sm-step 10] [--sm-res 1024,4096]
 * Writes bench/results/sunlight.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bvhFromArrays } from '../../src/analysis/sunlight/casters';
import { countLit } from '../../src/analysis/sunlight/counting';
import { runSunlight } from '../../src/analysis/sunlight/engine';
import { sunSteps } from '../../src/analysis/sunlight/sunSteps';
import type { ResultRow } from '../../src/analysis/sunlight/worker/protocol';
import type { SunlightJob } from '../../src/analysis/sunlight/worker/SunlightRunner';
import { loadScene, strided, YEAR, type BenchState } from './sunlight-scene';
import { compareVerdicts, createPool, timedRun } from './sunlight-pool';
import { DEFAULT_SHADOW_MAP, shadowMapLit } from './sunlight-shadowmap';
import { median, round } from './stats';

const { values } = parseArgs({ options: { runs: { type: 'string' }, subset: { type: 'string' }, 'sm-step': { type: 'string' }, 'sm-res': { type: 'string' } } });
// Five or more for a reported figure; fewer only to smoke-test the script.
const RUNS = Math.max(1, Number(values.runs ?? 5));
// 0 = all of today's receivers; a subset only shortens a smoke test.
const SUBSET = Number(values.subset ?? 0);
const SM_STEP_MIN = Number(values['sm-step'] ?? 10);
const SM_RES = (values['sm-res'] ?? '1024,4096').split(',').map(Number);
const WORKERS = availableParallelism();

function stepError(coarse: readonly ResultRow[], fine: readonly ResultRow[]): { verdictAgreement: number; meanAbsDiffH: number } {
  let agree = 0, d = 0;
  coarse.forEach((c, i) => {
    const f = fine[i]!;
    if (c.id !== f.id) throw new Error(`receiver order differs at ${i}`);
    if (c.pass === f.pass) agree++;
    d += Math.abs(c.hours - f.hours);
  });
  return { verdictAgreement: round(agree / coarse.length, 4), meanAbsDiffH: round(d / coarse.length, 3) };
}

const stepsOf = (rows: number, stepMin: number, spanH: number): number => rows * Math.round((spanH * 60) / stepMin);

async function main(): Promise<void> {
  const t0 = performance.now();
  const loadStart = loadavg();
  const scene = loadScene();
  const { profile, latDeg, lonDeg } = scene;
  const today = scene.states[0]!;
  const spanH = profile.windowEndTst - profile.windowStartTst;
  const steps = Math.round((spanH * 60) / profile.stepMin);
  const jobOf = (st: BenchState, receivers = st.receivers): SunlightJob => ({ receivers, casters: st.casters, profile, latDeg, lonDeg, year: YEAR });
  const counts = (st: BenchState) => ({
    receivers: st.receivers.length, receiverBuildings: st.receiverBuildings, casterBuildings: st.casterBuildings,
    triangles: st.casters.index.length / 3, steps,
  });

  // Throughput: 1 worker against all, same receivers, interleaved after one warm-up each.
  const one = createPool(1), all = createPool(WORKERS);
  const sub = jobOf(today, SUBSET > 0 ? strided(today.receivers, SUBSET) : today.receivers);
  await timedRun(one, sub);
  await timedRun(all, sub);
  const tOne: number[] = [], tAll: number[] = [], parOne: number[] = [], parAll: number[] = [], cpuOne: number[] = [], cpuAll: number[] = [];
  let sameRows = true;
  for (let r = 0; r < RUNS; r++) {
    const a = await timedRun(one, sub);
    const b = await timedRun(all, sub);
    tOne.push(a.ms);
    tAll.push(b.ms);
    parOne.push(a.cpuMs / a.ms);
    parAll.push(b.cpuMs / b.ms);
    cpuOne.push(a.cpuMs);
    cpuAll.push(b.cpuMs);
    sameRows &&= compareVerdicts(a.rows, b.rows).identical;
  }
  const work = sub.receivers.length * steps;
  const thr = { one: work / (median(tOne) / 1000), all: work / (median(tAll) / 1000) };

  // The whole site, each state once, all workers.
  const site = [];
  let todayRows: ResultRow[] = [];
  for (const st of scene.states) {
    const r = await timedRun(all, jobOf(st));
    if (st === today) todayRows = r.rows;
    const hours = r.rows.map((x) => x.hours);
    const passed = r.rows.filter((x) => x.pass).length;
    site.push({
      state: st.id, ...counts(st), seconds: round(r.ms / 1000, 2), cpuPerWall: round(r.cpuMs / r.ms, 2), pointStepsPerS: Math.round((st.receivers.length * steps) / (r.ms / 1000)),
      passed, failed: r.rows.length - passed, minHours: round(Math.min(...hours), 2), maxHours: round(Math.max(...hours), 2),
    });
  }
  one.dispose();
  all.dispose();

  // Peer: exact (one thread) against shadow maps, same receivers and sample times.
  const smProfile = { ...profile, stepMin: SM_STEP_MIN };
  const smSteps = sunSteps(smProfile, YEAR, latDeg, lonDeg);
  const exactRun = () => {
    const s = performance.now();
    const casters = bvhFromArrays(today.casters);
    const bvhMs = performance.now() - s;
    const res = runSunlight({ receivers: today.receivers, casters, profile: smProfile, latDeg, lonDeg, year: YEAR, keepLitMask: true });
    casters.geometry.dispose();
    return { ms: performance.now() - s, bvhMs, res };
  };
  const mapRun = (resolution: number) => {
    const s = performance.now();
    const out = shadowMapLit(today.receivers, today.casters, smSteps.dirs, smSteps.altitudes, { resolution, ...DEFAULT_SHADOW_MAP });
    return { ms: performance.now() - s, out };
  };
  const tExact: number[] = [], tBvh: number[] = [];
  const tMap = SM_RES.map(() => [] as number[]);
  let exact = exactRun();
  let maps = SM_RES.map(mapRun);
  for (let r = 0; r < RUNS; r++) {
    exact = exactRun();
    tExact.push(exact.ms);
    tBvh.push(exact.bvhMs);
    maps = SM_RES.map((res, i) => {
      const m = mapRun(res);
      tMap[i]!.push(m.ms);
      return m;
    });
  }
  const peer = SM_RES.map((res, i) => {
    const m = maps[i]!.out;
    let agree = 0, falsePass = 0, falseFail = 0, absDh = 0, maxDh = 0, sAgree = 0, samples = 0;
    m.masks.forEach((mask, ri) => {
      const e = exact.res.receivers[ri]!;
      const c = countLit(mask, mask.length, smProfile);
      if (c.pass === e.pass) agree++;
      else if (c.pass) falsePass++;
      else falseFail++;
      const d = Math.abs(c.hours - e.hours);
      absDh += d;
      maxDh = Math.max(maxDh, d);
      const [nx, ny, nz] = today.receivers[ri]!.normal;
      for (let k = 0; k < mask.length; k++) {
        // Only samples with the sun in front of the window: behind it both methods say dark by rule.
        if (nx * smSteps.dirs[3 * k]! + ny * smSteps.dirs[3 * k + 1]! + nz * smSteps.dirs[3 * k + 2]! <= 0) continue;
        samples++;
        if (mask[k] === e.litMask![k]) sAgree++;
      }
    });
    const n = m.masks.length;
    return {
      resolution: res, texelM: round(m.maxTexelM, 2), ms: round(median(tMap[i]!), 0), overExact: round(median(tMap[i]!) / median(tExact), 2),
      verdictAgreement: round(agree / n, 4), falsePass, falseFail, meanAbsDiffH: round(absDh / n, 3), maxAbsDiffH: round(maxDh, 2),
      frontSampleAgreement: round(sAgree / samples, 4),
    };
  });

  const summary = {
    bench: 'sunlight', zone: 'westbund', siteId: scene.siteId, profile: profile.id, year: YEAR, spacingM: 3,
    runsEach: RUNS, order: 'interleaved; medians', workers: WORKERS,
    machine: { cpus: cpus().length, availableParallelism: WORKERS, model: cpus()[0]?.model, loadavg: loadStart, loadavgEnd: loadavg(), node: process.version },
    throughput: {
      receivers: sub.receivers.length, steps, casterBuildings: today.casterBuildings, triangles: today.casters.index.length / 3,
      medianMs: { oneWorker: round(median(tOne), 0), allWorkers: round(median(tAll), 0) },
      cpuPerWall: { oneWorker: round(median(parOne), 2), allWorkers: round(median(parAll), 2) },
      // Work per CPU second: what the parallel run costs in copies and duplicate BVH builds, whatever the contention.
      pointStepsPerCpuS: { oneWorker: Math.round(work / (median(cpuOne) / 1000)), allWorkers: Math.round(work / (median(cpuAll) / 1000)) },
      pointStepsPerS: { oneWorker: Math.round(thr.one), allWorkers: Math.round(thr.all) }, speedup: round(thr.all / thr.one, 2),
      sameResultsAcrossWorkerCounts: sameRows, runsMs: { oneWorker: tOne.map((v) => round(v, 0)), allWorkers: tAll.map((v) => round(v, 0)) },
    },
    site,
    peer: {
      state: today.id, receivers: today.receivers.length, stepMin: SM_STEP_MIN, steps: smSteps.altitudes.length,
      pointSteps: stepsOf(today.receivers.length, SM_STEP_MIN, spanH), triangles: today.casters.index.length / 3,
      exactMs: round(median(tExact), 0), exactBvhBuildMs: round(median(tBvh), 1), shadowMap: { ...DEFAULT_SHADOW_MAP }, results: peer,
      exactPassed: exact.res.passed, exactFailed: exact.res.failed,
      // The step's own error, for scale: the same exact engine at this step against 1-min steps.
      exactVsOneMinute: stepError(exact.res.receivers, todayRows),
    },
    totalSeconds: 0,
  };
  summary.totalSeconds = round((performance.now() - t0) / 1000, 1);
  print(summary);
  const dir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'sunlight.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

type Summary = {
  runsEach: number; workers: number; machine: { model: string | undefined; loadavg: number[]; loadavgEnd: number[] };
  throughput: { receivers: number; steps: number; casterBuildings: number; triangles: number; medianMs: { oneWorker: number; allWorkers: number };
    pointStepsPerS: { oneWorker: number; allWorkers: number }; cpuPerWall: { oneWorker: number; allWorkers: number }; pointStepsPerCpuS: { oneWorker: number; allWorkers: number }; speedup: number; sameResultsAcrossWorkerCounts: boolean };
  site: Record<string, unknown>[];
  peer: { receivers: number; stepMin: number; steps: number; triangles: number; exactMs: number; exactBvhBuildMs: number; exactPassed: number; exactFailed: number;
    shadowMap: { depthBiasM: number; normalOffsetTexels: number }; results: Record<string, unknown>[]; exactVsOneMinute: { verdictAgreement: number; meanAbsDiffH: number } };
  totalSeconds: number;
};

function print(s: Summary): void {
  const t = s.throughput;
  console.log(`sunlight: West Bund site, gb50180-dahan (大寒日 08–16 TST, 1-min steps), ${s.runsEach} interleaved runs each (median); ${s.workers} workers = os.availableParallelism(); ${s.machine.model}, load ${s.machine.loadavg.map((v) => v.toFixed(2)).join(' ')}`);
  console.log(`\nthroughput: ${t.receivers} of today's receivers × ${t.steps} steps, ${t.casterBuildings} caster buildings, ${t.triangles} triangles; time includes copying the job to the workers and each worker's BVH build`);
  console.table({
    '1 worker': { 'median ms': t.medianMs.oneWorker, 'point-steps / s': t.pointStepsPerS.oneWorker, 'CPU / wall': t.cpuPerWall.oneWorker, 'point-steps / CPU s': t.pointStepsPerCpuS.oneWorker },
    [`${s.workers} workers`]: { 'median ms': t.medianMs.allWorkers, 'point-steps / s': t.pointStepsPerS.allWorkers, 'CPU / wall': t.cpuPerWall.allWorkers, 'point-steps / CPU s': t.pointStepsPerCpuS.allWorkers },
  });
  console.log(`speed-up ${s.workers} workers / 1 worker: ${t.speedup}× (identical results: ${t.sameResultsAcrossWorkerCounts}); CPU / wall is the parallelism the runs actually got on this shared machine`);
  console.log(`\nwhole site, all ${s.workers} workers, one run per state (receivers: R-class neighbours within 300 m + the state's site buildings):`);
  console.table(Object.fromEntries(s.site.map(({ state, ...rest }) => [String(state), rest])));
  const p = s.peer;
  console.log(`\nexact vs shadow map: today's ${p.receivers} receivers × ${p.steps} steps (${p.stepMin}-min step for both; the map costs the same per step whatever the receivers), ${p.triangles} triangles, one thread each`);
  console.log(`exact: ${p.exactMs} ms (BVH build ${p.exactBvhBuildMs} ms), ${p.exactPassed} pass / ${p.exactFailed} fail; map bias: normal offset ${p.shadowMap.normalOffsetTexels} texel + ${p.shadowMap.depthBiasM} m depth (best of 0.25/0.5/1 texel tried on this state)`);
  console.table(Object.fromEntries(p.results.map(({ resolution, ...rest }) => [`shadow map ${String(resolution)}²`, rest])));
  console.log(`for scale, the step itself: exact at ${p.stepMin} min vs exact at 1 min agree on ${p.exactVsOneMinute.verdictAgreement} of verdicts, mean |Δh| ${p.exactVsOneMinute.meanAbsDiffH} h`);
  console.log(`(CPU rasteriser: on a GPU the raster is far cheaper, so read the time ratio as CPU for CPU; the agreement does not depend on the hardware)`);
  console.log(`total ${s.totalSeconds} s; load average at the end ${s.machine.loadavgEnd.map((v) => v.toFixed(2)).join(' ')}`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
