/**
 * One sunlight job from the panel's settings to the results: load the zone's full-detail
 * buildings, pick the receivers, gather the casters within shadow reach of them in each state,
 * run each state in the workers, and publish summaries to the store and the full rows to the
 * result holder. Not React: the panel creates one in an effect and disposes it there. Every await
 * is followed by a check that this run is still the current one, so a cancel or a newer run
 * always wins and a late completion never overwrites it.
 */
import { casterArrays, castersWithinReach, minSunAltitudeRad } from '../../../analysis/sunlight/casters';
import { sunlightImpact } from '../../../analysis/sunlight/impact';
import { facadeReceivers, groundReceivers } from '../../../analysis/sunlight/receivers';
import type { Receiver } from '../../../analysis/sunlight/types';
import type { SunlightRunnerLike } from '../../../analysis/sunlight/worker/SunlightRunner';
import type { ResultRow } from '../../../analysis/sunlight/worker/protocol';
import { groundGridAround, groundHours } from '../../../layers/sunlight/model';
import type { SunlightSettings } from '../../../state/sunlightSlice';
import { setSunlightResults, type GroundHours } from '../../../state/sunlightResults';
import type { AppStore } from '../../../state/store';
import {
  cityOfState, neighbourReceivers, receiverBuildings, siteOfState, statesOfRun, tallestOfScheme,
  type CityBuilding, type ReceiverContext,
} from './analysisInputs';
import { checkProfile } from './profileForm';
import { impactRowsOf, summarize } from './resultTables';

/** A run beyond this many sample points is refused: it would take minutes and hundreds of MB. */
export const MAX_RECEIVERS = 60_000;
/** Neighbours' reach never exceeds this multiple of the tallest new building (a sun ~5.7° high). */
const MAX_REACH_FACTOR = 10;

export interface ControllerDeps {
  store: AppStore;
  runner: SunlightRunnerLike;
  loadZone(): Promise<CityBuilding[]>;
  latDeg: number;
  lonDeg: number;
  /** The year whose standard day is analysed. */
  year(): number;
}

export class SunlightController {
  private seq = 0;

  constructor(private readonly deps: ControllerDeps) {}

  /** Starts a run with the store's current settings; resolves when it has finished, failed or been cancelled. */
  async run(): Promise<void> {
    const { store, runner } = this.deps;
    const seq = store.getState().beginSunlightRun();
    this.seq = seq;
    // The map and the panel show the same run: the old colours go when a new run starts.
    setSunlightResults(null);
    const update = store.getState().updateSunlightRun;
    const live = () => this.seq === seq && store.getState().sunlightRun.runSeq === seq;
    const settings = store.getState().sunlightSettings;
    const check = checkProfile(settings.profileId, settings.overrides);
    if (!check.profile) return update(seq, { status: 'failed', error: 'profile' });
    const profile = check.profile;

    let zone: CityBuilding[];
    try {
      zone = await this.deps.loadZone();
    } catch (e) {
      if (live()) update(seq, { status: 'failed', error: `footprints: ${(e as Error).message}` });
      return;
    }
    if (!live()) return;

    const inputs = this.inputs(zone, settings, profile.sillHeightM, profile.floorHeightM, minSunAltitudeRad(profile, this.deps.latDeg, this.deps.year()));
    if (typeof inputs === 'string') return update(seq, { status: 'failed', error: inputs });
    const { states, cities, facade, ground, buildingNames } = inputs;
    const receivers = ground ? [...facade, ...ground.receivers] : facade;
    update(seq, { status: 'running', progress: 0 });

    const outcomes: ResultRow[][] = [];
    for (let i = 0; i < states.length; i++) {
      const city = cities[i]!;
      const casters = casterArrays(castersWithinReach(city, receivers, profile, this.deps.latDeg, { year: this.deps.year() }));
      let out;
      try {
        out = await runner.run(
          { receivers, casters, profile, latDeg: this.deps.latDeg, lonDeg: this.deps.lonDeg, year: this.deps.year() },
          (share) => live() && update(seq, { progress: (i + share) / states.length }),
        );
      } catch (e) {
        if (live()) update(seq, { status: 'failed', error: `engine: ${(e as Error).message}` });
        return;
      }
      if (!live()) return;
      if (out.cancelled) return update(seq, { status: 'cancelled' });
      outcomes.push(out.rows);
    }

    const split = (rows: ResultRow[]) => ({ windows: rows.filter((r) => r.floor > 0), ground: rows.filter((r) => r.floor === 0) });
    const primary = split(outcomes[0]!);
    const other = outcomes[1] ? split(outcomes[1]).windows : [];
    const mode = settings.mode;
    // Impact: today → scheme. Compare: scheme A → scheme B (what B does relative to A).
    const before = mode === 'impact' ? other : primary.windows;
    const after = mode === 'impact' ? primary.windows : other;
    const asResult = (rows: ResultRow[]) => ({ profileId: profile.id, stepMin: profile.stepMin, times: [], receivers: rows, passed: 0, failed: 0, minHours: 0, maxHours: 0, cancelled: false });
    const impact = mode === 'state' ? null : sunlightImpact(asResult(before), asResult(after));
    const groundSet: GroundHours | null = ground ? { grid: ground.grid, hours: groundHours(ground.grid, primary.ground) } : null;
    setSunlightResults({
      seq,
      primary: primary.windows,
      other,
      impact: impact ? impactRowsOf(impact) : [],
      ground: groundSet,
      minHours: profile.minHours,
      windowHours: profile.windowEndTst - profile.windowStartTst,
      spacingM: settings.spacingM,
      buildingNames,
    });
    update(seq, {
      status: 'done',
      progress: 1,
      summary: summarize(primary.windows),
      otherSummary: mode === 'state' ? null : summarize(other),
      impact: impact ? { worsened: impact.worsened.length, newlyFailing: impact.newlyFailing.length } : null,
    });
  }

  /** Stops the current run; its status becomes 'cancelled' at once. */
  cancel(): void {
    const { store, runner } = this.deps;
    const s = store.getState();
    const seq = s.sunlightRun.runSeq;
    if (this.seq !== seq || (s.sunlightRun.status !== 'loading' && s.sunlightRun.status !== 'running')) return;
    this.seq = 0;
    runner.cancel();
    s.updateSunlightRun(seq, { status: 'cancelled' });
  }

  dispose(): void {
    this.cancel();
    this.deps.runner.dispose();
  }

  private inputs(zone: CityBuilding[], settings: SunlightSettings, sillHeightM: number, floorHeightM: number, minAltRad: number) {
    const s = this.deps.store.getState();
    const ctx: ReceiverContext = {
      plan: s.plan, imported: s.importedSchemes, siteId: s.activeSiteId,
      selectedBuildingId: s.selected?.id ?? null, selectedPlotId: s.selectedPlotId,
    };
    const states = statesOfRun(settings.mode, settings.stateId, settings.otherStateId);
    const cities = states.map((id) => cityOfState(zone, ctx, id));
    if (cities.some((c) => c === null)) return 'state';
    let buildings: CityBuilding[] | string;
    if (settings.mode === 'state') {
      buildings = receiverBuildings(settings.receivers, cities[0]!, ctx);
    } else {
      const siteId = states.map((id) => siteOfState(ctx, id)).find((x) => x !== null) ?? ctx.siteId;
      if (!siteId) return 'receivers: no-site';
      const tallest = Math.max(...states.map((id) => tallestOfScheme(ctx, id)));
      const factor = Math.min(MAX_REACH_FACTOR, 1 / Math.tan(Math.max(minAltRad, 1e-3)));
      buildings = neighbourReceivers(settings.receivers, zone, ctx, siteId, tallest * factor);
    }
    if (typeof buildings === 'string') return `receivers: ${buildings}`;
    const facade: Receiver[] = facadeReceivers(buildings, { spacingM: settings.spacingM, sillHeightM, floorHeightM });
    let ground: { grid: NonNullable<ReturnType<typeof groundGridAround>>['grid']; receivers: Receiver[] } | null = null;
    if (settings.ground && settings.mode === 'state') {
      const area = groundGridAround(facade.map((r) => r.position), settings.groundHeightM);
      if (area) {
        const { minE, minN, maxE, maxN } = area.bounds;
        // Only footprints near the grid are worth testing each point against.
        const under = cities[0]!.filter((b) => b.footprint.some(([e, n]) => e >= minE - 200 && e <= maxE + 200 && n >= minN - 200 && n <= maxN + 200));
        ground = { grid: area.grid, receivers: groundReceivers(area.bounds, area.grid.heightM, area.grid.stepM, under.map((b) => b.footprint)) };
      }
    }
    const count = facade.length + (ground?.receivers.length ?? 0);
    if (facade.length === 0) return 'receivers: no-residential';
    if (count > MAX_RECEIVERS) return `too-many: ${count}`;
    const buildingNames = Object.fromEntries(buildings.map((b) => [b.id, b.name]));
    return { states, cities: cities as CityBuilding[][], facade, ground, buildingNames };
  }
}
