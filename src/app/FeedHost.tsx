/**
 * Owns the zone's live feed: resolves which source to use (URL parameters, then the scene's
 * `feed` block, else the built-in simulator), creates one FeedRuntime per zone and disposes it on
 * zone change. Ingest is flushed once per animation frame, independent of the view engine, so
 * the 3D view and the globe read the same buffers. A hidden tab gets no animation frames, so a
 * slow timer keeps flushing there: the backlog stays bounded and the feed survives (TESTING.md 12).
 * A WebSocket feed's token is the scene's, else one this tab kept from the sign-in prompt
 * (feedToken.ts); the prompt reaches the runtime through the feed control context.
 * The runtime's video-wall link goes to the wall port of the enclosing WallSync, if any.
 * The built-in simulator starts only once the zone's tiles first settle, or after at most 10 s
 * (feedStartGate.ts): on a small machine it would otherwise slow the first picture. Controls sent
 * to it meanwhile are kept and applied when it starts. External feeds connect at once.
 */
import { useContext, useEffect, useState, type ReactNode } from 'react';
import type { Scene } from '../scene/schema';
import { resolveFeedConfig } from '../feed/config';
import { createFeedRuntime, type FeedRuntime } from '../feed/FeedRuntime';
import type { SimControl } from '../feed/sources/FeedSource';
import { FeedControlContext, NO_FEED_CONTROL, type FeedControl } from '../state/feedControl';
import { bindFeedToStore } from '../state/feedSlice';
import { pendingReplayVerdict } from '../state/timeMachineSlice';
import { useAppStore, useAppStoreApi } from '../state/hooks';
import { trackFrameLoop, trackInterval, trackTimeout } from '../runtime/tracked';
import type { AppState } from '../state/store';
import { WallPortContext } from '../state/wallPort';
import { assetUrl } from './assetUrl';
import { FeedStartGate, type FeedGateObservation } from './feedStartGate';
import { FeedTokenKeeper, sessionTokenStorage } from './feedToken';

/** Hidden-tab flush period: well inside the heartbeat window, cheap enough to run for days. */
export const HIDDEN_FLUSH_MS = 1000;

const wallClock = () => Date.now();

/** What the start gate needs from the store: this zone's tilesets, and whether its view failed. */
function gateObservation(s: AppState, scene: Scene, webglErrorsBefore: number): FeedGateObservation {
  return {
    tilesets: scene.tilesets.map((t) => s.tilesets[t.id]),
    viewFailed: s.errorCounts.webgl > webglErrorsBefore || s.errors.some((e) => e.category === 'webgl'),
  };
}

export function FeedHost({ scene, children }: { scene: Scene; children?: ReactNode }) {
  const store = useAppStoreApi();
  const [control, setControl] = useState<FeedControl>(NO_FEED_CONTROL);
  const wallPort = useContext(WallPortContext);
  // The watchdog's re-subscribe step bumps this: the runtime is disposed and a fresh one connects.
  const feedEpoch = useAppStore((s) => s.feedEpoch);

  useEffect(() => {
    const report = store.getState().reportError;
    const { config, issues } = resolveFeedConfig({ search: window.location.search, sceneFeed: scene.feed });
    for (const i of issues) report(i.category === 'url' ? 'url' : 'scene', i.category === 'scene' ? `scenes/${scene.id}.json · ${i.source}` : i.source, i.message, wallClock());
    const keeper = config.kind === 'ws' ? new FeedTokenKeeper(sessionTokenStorage(), config.url) : null;
    const token = config.kind === 'ws' ? keeper?.initial(config.token) : undefined;
    const runtime: FeedRuntime = createFeedRuntime({
      config: config.kind === 'ws' && token !== undefined ? { ...config, token } : config,
      zone: scene.id,
      origin: scene.origin,
      roadGraphUrl: new URL(assetUrl(scene.roadGraphUrl), document.baseURI).href,
      binding: bindFeedToStore(store, wallClock),
      now: wallClock,
      ...(scene.catalogue !== undefined ? { sceneCatalogue: scene.catalogue } : {}),
    });
    // Subscribed before start(), so the keeper sees the first summary of every attempt.
    const unwatch = keeper
      ? store.subscribe((s, prev) => {
        if (s.feed !== prev.feed) keeper.observe(s.feed);
      })
      : () => undefined;
    // The simulator waits for the first settled tiles; controls meanwhile are applied once it runs.
    let started = false;
    const heldControls: SimControl[] = [];
    const start = () => {
      started = true;
      runtime.start();
      for (const c of heldControls.splice(0)) runtime.control(c);
    };
    let gate: FeedStartGate | null = null;
    let unwatchGate: () => void = () => undefined;
    if (config.kind === 'sim') {
      const webglBefore = store.getState().errorCounts.webgl;
      const g = new FeedStartGate({ schedule: trackTimeout, onOpen: () => { unwatchGate(); start(); } });
      gate = g;
      unwatchGate = store.subscribe((s) => g.observe(gateObservation(s, scene, webglBefore)));
      g.observe(gateObservation(store.getState(), scene, webglBefore));
    } else {
      start();
    }
    const control = (c: SimControl) => {
      if (started) runtime.control(c);
      else heldControls.push(c);
    };
    const detachWall = wallPort?.attach(runtime.wall, config.kind) ?? (() => undefined);
    const signIn = (t: string) => {
      keeper?.offer(t);
      runtime.setToken(t);
    };
    setControl({ canControl: config.kind === 'sim', control, ...(runtime.acceptsToken ? { signIn } : {}) });
    const tm = runtime.timeMachine;
    if (tm) {
      store.getState().setTimeMachineControl({
        seek: (ts, play) => tm.seek(ts, play), play: () => tm.play(), pause: () => tm.pause(),
        setSpeed: (x) => tm.setSpeed(x), live: () => tm.live(),
        sensorReadings: (id, from, to, done) => tm.requestReadings(id, from, to, done),
      });
    }
    // A link's `t=`: opened in the past once the recording covers it (timeMachineSlice).
    const pendingSince = wallClock();
    const applyPending = () => {
      const s = store.getState();
      const at = s.pendingReplayAtMs;
      if (at === null) return;
      const verdict = tm ? pendingReplayVerdict(at, s.timeMachine, wallClock() - pendingSince) : 'out-of-range';
      if (verdict === 'wait') return;
      s.requestReplayAt(null);
      if (verdict === 'seek') tm!.seek(at, false);
      else s.reportError('url', 't', `${new Date(at).toISOString()} is outside the recorded range${s.timeMachine.range ? ` (${new Date(s.timeMachine.range.fromTs).toISOString()} – ${new Date(s.timeMachine.range.toTs).toISOString()})` : ': this feed has no recording'}`, wallClock(), 'url-t-range');
    };
    const unwatchPending = store.subscribe((s, prev) => {
      if (s.timeMachine !== prev.timeMachine || s.pendingReplayAtMs !== prev.pendingReplayAtMs) applyPending();
    });
    const stopPendingTimer = trackInterval(applyPending, 1000);

    const stopFrames = trackFrameLoop(() => runtime.flush(wallClock()));
    const stopHidden = trackInterval(() => {
      if (document.hidden) runtime.flush(wallClock());
    }, HIDDEN_FLUSH_MS);

    return () => {
      gate?.dispose();
      unwatchGate();
      stopFrames();
      stopHidden();
      unwatchPending();
      stopPendingTimer();
      unwatch();
      detachWall();
      runtime.dispose();
      setControl(NO_FEED_CONTROL);
      store.getState().resetTimeMachine();
      store.getState().resetFeed();
    };
  }, [scene, store, wallPort, feedEpoch]);

  return <FeedControlContext.Provider value={control}>{children}</FeedControlContext.Provider>;
}
