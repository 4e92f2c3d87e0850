/**
 * Connects the store to the address bar: applies a parsed URL once at start-up, then writes the
 * shareable state back, debounced (so a camera settling or a burst of clicks becomes one write).
 * A change of place (zone, zone picker; see urlHistory.ts) is written with pushState as a new
 * history entry and re-applied on popstate; everything else updates the entry with replaceState.
 *
 * Values requested by the URL but not yet confirmed by the view (the camera pose before the
 * first rest, a selection while the building index loads) are kept as pending, so a reload in
 * that window, or a view that never starts, does not lose the shared view.
 */
import { matchViewpoint, parseUrlState, serializeUrlState, type UrlIssue, type UrlState } from './urlState';
import { applyHistoryEntry, startsHistoryEntry } from './urlHistory';
import { applyPlanLayers, applyPlanView, planUrlFromState } from './planUrlSync';
import { enterZone, selectBuildingById } from './zoneActions';
import { parseStoryParams } from '../modes/stories/storyModel';
import { trackListener, trackTimeout } from '../runtime/tracked';
import type { AppState, AppStore } from '../state/store';

export const URL_WRITE_DEBOUNCE_MS = 400;
/**
 * A stream of changes (a shadow time-lapse ticks every few hundred ms, a long camera glide) would
 * otherwise reset the debounce forever and the link would never catch up: at most this long
 * after the first pending change, the write happens anyway.
 */
export const URL_WRITE_MAX_WAIT_MS = 1500;

/**
 * Parameters the address bar keeps although the store does not own them: where the live feed
 * comes from and the runtime's settings. They say how this screen is deployed, so a reload (the
 * watchdog's, a lost WebGL context's, an operator's F5) must come back to the same feed and not
 * to the built-in simulator. A shared link leaves them out (shareUrl): they describe this screen.
 */
export const DEPLOYMENT_URL_KEYS = ['feed', 'feedUrl', 'feedEncoding', 'topicPrefix', 'replayUrl', 'simSeed', 'simSpeed', 'simRate', 'scenario', 'diag', 'reloadAt', 'watchdogWarmup'] as const;

/** `query` plus the deployment parameters of `currentSearch`, in their original order. */
export function withDeploymentParams(query: string, currentSearch: string): string {
  const cur = new URLSearchParams(currentSearch);
  const kept: string[] = [];
  for (const k of DEPLOYMENT_URL_KEYS) {
    const v = cur.get(k);
    if (v !== null) kept.push(`${k}=${encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%40/gi, '@')}`);
  }
  if (kept.length === 0) return query;
  return query ? `${query}&${kept.join('&')}` : `?${kept.join('&')}`;
}

/** The replayed moment a link carries: whole seconds while the past is shown, none while live. */
function urlMoment(s: AppState): number | undefined {
  const at = s.timeMachine.mode === 'replay' ? s.timeMachine.atMs : null;
  return at === null ? undefined : Math.round(at / 1000) * 1000;
}

export function reportUrlIssues(store: AppStore, issues: readonly UrlIssue[]): void {
  for (const i of issues) store.getState().reportError('url', i.param, i.reason);
}

/** Settings that do not depend on the zone list: applied before scenes load, so the loading screen is already in the right language. */
export function applyUrlBasics(store: AppStore, url: UrlState): void {
  const s = store.getState();
  if (url.lang) s.setLanguage(url.lang);
  if (url.engine) s.setEngine(url.engine);
  if (url.tileBudgetMB !== undefined) s.setTileBudgetMB(url.tileBudgetMB);
  if (url.sun !== undefined) s.setSunTime(url.sun);
  if (url.t !== undefined) s.requestReplayAt(url.t);
  if (url.modes?.mode) s.setMode(url.modes.mode, 'url');
  if (url.modes?.settings) s.setModeSettings(url.modes.settings);
}

export interface Pending {
  zone?: string;
  cam?: UrlState['cam'];
  vp?: string;
  sel?: string;
  /** The planner's part, applied once the zone's plan has loaded. */
  plan?: UrlState['plan'];
}

/** Enters the URL's zone (if valid) after the scenes have loaded. Returns what is still pending. */
export function applyUrlZone(store: AppStore, url: UrlState): Pending {
  const s = store.getState();
  const report = (param: string, reason: string) => s.reportError('url', param, reason);
  if (!url.zone) {
    for (const p of ['vp', 'cam', 'sel'] as const) if (url[p] !== undefined) report(p, 'ignored: no zone given');
    return {};
  }
  const entry = s.zones.find((z) => z.id === url.zone);
  if (!entry) {
    report('zone', `unknown zone "${url.zone}"`);
    return {};
  }
  if (!entry.scene) {
    report('zone', `zone "${url.zone}" cannot be opened: its scene file ${entry.file} is invalid`);
    return {};
  }
  const scene = entry.scene;
  let vp = url.vp;
  if (vp && !scene.viewpoints.some((v) => v.id === vp)) {
    report('vp', `no viewpoint "${vp}" in zone "${scene.id}"`);
    vp = undefined;
  }
  enterZone(store, scene, { pose: url.cam, viewpointId: vp });
  if (url.plan) applyPlanLayers(store, url.plan);
  if (url.modes?.story) {
    const r = parseStoryParams(url.modes.story, url.modes.step, scene);
    if (!r.ok) report(r.error.startsWith('step') ? 'step' : 'story', r.error);
    else if (r.value) s.setStory({ id: r.value.storyId, step: r.value.step });
  }
  return { zone: scene.id, cam: url.cam, vp, sel: url.sel, plan: url.plan };
}

export class UrlSync {
  /** When the oldest change not yet in the URL came (Date.now()). */
  private firstPendingAtMs = 0;
  private cancelWrite: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private removePopstate: (() => void) | null = null;
  /** The next write starts a history entry: a change of place happened since the last write. */
  private pushNext = false;
  /** Re-applying a history entry: the changes it causes are not new places. */
  private restoring = false;

  constructor(
    private readonly store: AppStore,
    private readonly test: boolean,
    private pending: Pending,
  ) {}

  /** Starts writing back; call after the initial state is applied. Resolves a pending `sel`. */
  start(win: Window = window): void {
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.currentZoneId !== prev.currentZoneId) this.pending = {};
      if (!this.restoring && startsHistoryEntry(s, prev)) this.pushNext = true;
      if (s.cameraPose && s.cameraPose !== prev.cameraPose) {
        delete this.pending.cam;
        delete this.pending.vp;
      }
      if (s.selected !== prev.selected) delete this.pending.sel;
      if (this.pending.plan && s.planStatus !== prev.planStatus && (s.planStatus === 'ready' || s.planStatus === 'failed')) {
        const p = this.pending.plan;
        delete this.pending.plan;
        applyPlanView(this.store, p);
      }
      if (
        s.currentZoneId !== prev.currentZoneId ||
        s.cameraPose !== prev.cameraPose ||
        s.selected !== prev.selected ||
        s.language !== prev.language ||
        s.engine !== prev.engine ||
        s.sunTimeMs !== prev.sunTimeMs ||
        s.planView !== prev.planView ||
        s.activeSiteId !== prev.activeSiteId ||
        s.selectedPlotId !== prev.selectedPlotId ||
        s.layerVisible !== prev.layerVisible ||
        s.layerOpacity !== prev.layerOpacity ||
        s.sunlightSettings !== prev.sunlightSettings ||
        s.sunlightRun.status !== prev.sunlightRun.status ||
        s.tool !== prev.tool ||
        s.toolResults !== prev.toolResults ||
        s.mode !== prev.mode ||
        s.story !== prev.story ||
        urlMoment(s) !== urlMoment(prev)
      ) {
        this.schedule(win);
      }
    });
    const onPop = () => this.restore(win);
    this.removePopstate = trackListener(win, 'popstate', onPop);
    this.resolvePendingSelection(win);
  }

  /** Back or Forward: re-applies the entry, then rewrites it in place (never a new entry). */
  private restore(win: Window): void {
    this.cancelWrite?.();
    this.cancelWrite = null;
    this.restoring = true;
    try {
      this.pending = applyHistoryEntry(this.store, parseUrlState(win.location.search).state, applyUrlZone).pending;
    } finally {
      this.restoring = false;
    }
    this.pushNext = false;
    this.resolvePendingSelection(win);
  }

  /** Selects the building a URL names, once the zone's index has it. */
  private resolvePendingSelection(win: Window): void {
    const sel = this.pending.sel;
    const zone = this.store.getState().zones.find((z) => z.id === this.pending.zone)?.scene;
    if (sel && zone) {
      // Fly to the building only if the link did not also fix the camera.
      const fly = !this.pending.cam && !this.pending.vp;
      void selectBuildingById(this.store, zone, sel, fly).then((r) => {
        if (!r.ok) {
          if (this.pending.sel === sel) delete this.pending.sel;
          this.store.getState().reportError('url', 'sel', r.reason);
          this.schedule(win);
        }
      });
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.removePopstate?.();
    this.removePopstate = null;
    this.cancelWrite?.();
    this.cancelWrite = null;
  }

  /** The state a link should carry right now, including anything still pending. */
  current(s: AppState = this.store.getState()): UrlState {
    const scene = s.zones.find((z) => z.id === s.currentZoneId)?.scene ?? null;
    const cam = s.cameraPose ?? this.pending.cam;
    const vp = s.cameraPose && scene ? matchViewpoint(s.cameraPose, scene.viewpoints) : this.pending.vp;
    return {
      zone: s.currentZoneId ?? undefined,
      vp: s.currentZoneId ? vp : undefined,
      cam: s.currentZoneId ? cam : undefined,
      sel: s.currentZoneId ? (s.selected?.id ?? this.pending.sel) : undefined,
      sun: s.sunTimeMs ?? undefined,
      t: urlMoment(s) ?? s.pendingReplayAtMs ?? undefined,
      engine: s.engine,
      lang: s.language,
      test: this.test || undefined,
      tileBudgetMB: s.tileBudgetMB ?? undefined,
      plan: s.currentZoneId ? (this.pending.plan ?? planUrlFromState(s, scene)) : undefined,
      modes: {
        mode: s.mode,
        story: s.story?.id,
        step: s.story ? String(s.story.step + 1) : undefined,
        settings: s.modeSettings,
      },
    };
  }

  /** A link to share: same view, without the test switch. */
  shareUrl(loc: Location = window.location): string {
    return `${loc.origin}${loc.pathname}${serializeUrlState({ ...this.current(), test: undefined })}`;
  }

  private schedule(win: Window): void {
    const now = Date.now();
    if (this.cancelWrite) {
      // Let the pending write through rather than postpone it again (see URL_WRITE_MAX_WAIT_MS).
      if (now - this.firstPendingAtMs >= URL_WRITE_MAX_WAIT_MS) return;
      this.cancelWrite();
    } else {
      this.firstPendingAtMs = now;
    }
    this.cancelWrite = trackTimeout(() => {
      this.cancelWrite = null;
      this.write(win);
    }, URL_WRITE_DEBOUNCE_MS);
  }

  write(win: Window = window): void {
    const { pathname, search, hash } = win.location;
    const q = withDeploymentParams(serializeUrlState(this.current()), search);
    const push = this.pushNext;
    this.pushNext = false;
    if (q === search) return;
    if (push) win.history.pushState(null, '', `${pathname}${q}${hash}`);
    else win.history.replaceState(win.history.state, '', `${pathname}${q}${hash}`);
  }
}
