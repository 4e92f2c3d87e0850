/**
 * The live feed's slow loop (no UI of its own): twice a second it samples sensor history,
 * evaluates the zone's alert rules and pushes the alert state when it changed; about once a
 * second it computes the city vital signs and their trends, and the selected sensor's recent
 * values for its sparkline. Runs beside the feed host, whatever the view engine. Time comes from
 * an injected clock; server time from the feed's clock offset.
 */
import { useEffect } from 'react';
import { alertsAsOf } from '../../analysis/alerts/asOf';
import { evaluateAlerts } from '../../analysis/alerts/evaluate';
import { EMPTY_ALERT_STATE, type AlertState } from '../../analysis/alerts/types';
import type { FeedBuffers } from '../../feed/FeedRuntime';
import { observe } from '../../analysis/alerts/observe';
import { buildRoadIndex, gatherVitalsInput, type RoadIndex } from '../../analysis/live/gather';
import { liveConfigOf } from '../../analysis/live/liveConfig';
import { readSensors } from '../../analysis/live/readSensors';
import { SensorHistory } from '../../analysis/live/SensorHistory';
import { TrendRing } from '../../analysis/live/TrendRing';
import { computeVitals, TREND_KPIS, trendValue } from '../../analysis/live/vitals';
import { wallClock, type Clock } from '../../layers/live/liveClock';
import { loadRoadGraph, roadGraphUrlOf } from '../../layers/roads/roadGraphCache';
import { trackInterval } from '../../runtime/tracked';
import type { Scene } from '../../scene/schema';
import { useAppStoreApi } from '../../state/hooks';

export const ALERT_EVERY_MS = 500;

/** The replayed alerts are rebuilt each tick; the store is written only when something shown differs. */
function sameAlerts(a: AlertState, b: AlertState): boolean {
  if (a.alerts.length !== b.alerts.length || a.audit.length !== b.audit.length) return false;
  return a.alerts.every((x, i) => {
    const y = b.alerts[i]!;
    return x.id === y.id && x.status === y.status && x.active === y.active && x.severity === y.severity && x.value === y.value;
  });
}
export const VITALS_EVERY_MS = 1000;

export function LiveHost({ scene, now = wallClock }: { scene: Scene; now?: Clock }) {
  const store = useAppStoreApi();

  useEffect(() => {
    const cfg = liveConfigOf(scene);
    const samples = Math.max(2, Math.round((cfg.kpi.trendMinutes * 60) / cfg.kpi.sampleEveryS));
    const history = new SensorHistory(samples);
    const trend = new TrendRing(samples, TREND_KPIS.length);
    let roads: RoadIndex = new Map();
    let buffers: unknown = null;
    let lastSampleMs = -Infinity;
    let lastVitalsMs = -Infinity;
    let lastTrendMs = -Infinity;
    // Rebuilt only when a sample is added: the same arrays let every trend chart skip its redraw
    // on the vitals ticks in between (uPlot redraws on each new array).
    let trendSeries = trend.series();
    let cancelled = false;
    const s0 = store.getState();
    s0.resetAlerts();
    s0.resetVitals();
    s0.resetDrills();
    s0.selectLive(null);

    void loadRoadGraph(roadGraphUrlOf(scene.roadGraphUrl)).then((r) => {
      if (!cancelled && r.ok) roads = buildRoadIndex(r.graph);
    });

    // The replay's own engine: what held in the replayed feed, started afresh at every seek.
    const replayHistory = new SensorHistory(samples);
    let replayAlerts: AlertState = EMPTY_ALERT_STATE;
    let replayEpoch = -1;
    let replayLastSampleMs = -Infinity;

    const evaluate = (b: FeedBuffers, prev: AlertState, h: SensorHistory, t: number, timeScale: number) => {
      const sensors = readSensors(b.sensors, cfg.sensorThresholds);
      const obs = observe(cfg.alertRules, sensors, b.incidents.items.values(), {
        rate: (slot, windowMs) => h.rate(slot, windowMs),
        timeScale: timeScale > 0 ? timeScale : 1,
      });
      return { sensors, next: evaluateAlerts(prev, obs, cfg.alertRules, b.clock.serverNow(t)) };
    };

    const tick = () => {
      const s = store.getState();
      const b = s.feedBuffers;
      if (!b) return;
      const liveB = s.liveFeedBuffers ?? b;
      const replaying = s.timeMachine.mode === 'replay' && b !== liveB;
      if (liveB !== buffers) {
        // A new feed (zone or source change) numbers its sensors afresh.
        buffers = liveB;
        history.clear();
        trend.clear();
        trendSeries = trend.series();
      }
      const t = now();
      if (t - lastSampleMs >= cfg.kpi.sampleEveryS * 1000) {
        lastSampleMs = t;
        history.sample(t, liveB.sensors);
      }
      // The live alerts go on while the past is shown: a replay never costs a live alarm.
      const livePrev = replaying ? (s.liveAlertState ?? s.alertState) : s.alertState;
      const live = evaluate(liveB, livePrev, history, t, s.feed.timeScale);
      if (live.next !== livePrev) {
        if (replaying) s.setLiveAlertState(live.next);
        else s.setAlertState(live.next);
      }
      let sensors = live.sensors;
      let shownAlerts = live.next;
      let shownHistory = history;
      if (replaying) {
        if (s.timeMachine.epoch !== replayEpoch) {
          replayEpoch = s.timeMachine.epoch;
          replayAlerts = EMPTY_ALERT_STATE;
          replayHistory.clear();
          replayLastSampleMs = -Infinity;
        }
        if (t - replayLastSampleMs >= cfg.kpi.sampleEveryS * 1000) {
          replayLastSampleMs = t;
          replayHistory.sample(t, b.sensors);
        }
        const r = evaluate(b, replayAlerts, replayHistory, t, s.timeMachine.speed * (s.feed.timeScale > 0 ? s.feed.timeScale : 1));
        replayAlerts = r.next;
        sensors = r.sensors;
        shownAlerts = alertsAsOf(r.next, store.getState().liveAlertState, b.clock.serverNow(t));
        if (!sameAlerts(shownAlerts, s.alertState)) s.setAlertState(shownAlerts);
        shownHistory = replayHistory;
      } else {
        replayEpoch = -1;
      }
      const serverNow = b.clock.serverNow(t);

      if (t - lastVitalsMs < VITALS_EVERY_MS) return;
      lastVitalsMs = t;
      const vitals = computeVitals(gatherVitalsInput(b, roads, sensors, shownAlerts.alerts, cfg.kpi.autonomousFromLevel, serverNow));
      if (t - lastTrendMs >= cfg.kpi.sampleEveryS * 1000) {
        lastTrendMs = t;
        trend.push(t, TREND_KPIS.map((k) => trendValue(vitals, k)));
        trendSeries = trend.series();
      }
      s.setVitals(vitals, trendSeries);
      const sel = s.liveSelected;
      const slot = sel?.kind === 'sensor' ? b.sensors.slot(sel.id) : undefined;
      if (sel?.kind === 'sensor' && slot !== undefined) s.setLiveSensorHistory({ id: sel.id, ...shownHistory.series(slot) });
    };

    const stopTick = trackInterval(tick, ALERT_EVERY_MS);
    // Choosing a building ends a live selection, as a live pick ends a building selection.
    const unsubscribe = store.subscribe((next, prev) => {
      if (next.selected && next.selected !== prev.selected && next.liveSelected) next.selectLive(null);
    });
    return () => {
      cancelled = true;
      stopTick();
      unsubscribe();
      const s = store.getState();
      s.resetAlerts();
      s.resetVitals();
      s.selectLive(null);
    };
  }, [scene, store, now]);

  return null;
}
