/**
 * Plays a zone's stories against the store: the pure player (modes/stories/storyModel) holds the
 * step and its timer, the store's `story` holds what a link and the test hook see, and each step
 * is applied as camera flight, layer switches, highlight and caption. No React and no timers of
 * its own: the host calls tick() from its clock, so tests drive it with a fake one.
 *
 * The store's `story` is the one source of truth: a link, the picker, the kiosk's attract loop and
 * this driver's own timer all go through setStory, and the driver follows it synchronously (a
 * store subscription), so whoever stops a story and then resets the layers gets the layers it set.
 */
import type { Story } from '../../scene/storySchema';
import type { AppStore } from '../../state/store';
import {
  findStory,
  gotoStep,
  nextStep,
  prevStep,
  resolveStep,
  startStory,
  stepSecondsLeft,
  tapStep,
  tickStory,
  type StoryEnd,
  type StoryPlayerState,
} from '../../modes/stories/storyModel';
import { highlightTarget, sameHighlight, stillSelected, type HighlightTarget } from './storyHighlight';
import { applyStepLayers, restoreUserLayers, type SavedLayers } from './storyLayers';

export interface StoryDriverOptions {
  now: () => number;
  /** Read at every step change: the kiosk loops its attract story, elsewhere a story stops at its end. */
  atEnd: () => StoryEnd;
  /** Selects a building by feature id (the app loads the zone's index); injected for tests. */
  selectBuilding: (id: string) => void;
}

/** The parts of a zone scene the driver reads. */
export interface StoryDriverScene {
  id: string;
  viewpoints: readonly { id: string; position: readonly [number, number, number]; target: readonly [number, number, number] }[];
  stories?: readonly Story[] | undefined;
}

/** What the player card shows. */
export interface StoryView {
  story: Story;
  /** 0-based. */
  step: number;
  count: number;
  ended: boolean;
  /** Whole seconds left on a timed step; null when it waits for a tap. */
  secondsLeft: number | null;
}

export class StoryDriver {
  private player: StoryPlayerState | null = null;
  private saved: SavedLayers = {};
  private highlighted: HighlightTarget | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();
  private cachedView: StoryView | null = null;

  constructor(
    private readonly store: AppStore,
    private readonly scene: StoryDriverScene,
    private readonly opts: StoryDriverOptions,
  ) {}

  /** Follows the store from now on, and plays the story it already names (a shared link). */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.story !== prev.story) this.follow();
    });
    this.follow();
  }

  /**
   * Stops following. The layers are left as they are: the host goes away with its zone, and
   * entering a zone has already reset them for the new one.
   */
  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** For useSyncExternalStore. */
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** The same object until something shown changes, as useSyncExternalStore needs. */
  view = (): StoryView | null => this.cachedView;

  play(storyId: string, step = 0): void {
    if (findStory(this.scene, storyId)) this.store.getState().setStory({ id: storyId, step });
  }

  close(): void {
    this.store.getState().setStory(null);
  }

  next(): void {
    this.move((p, story) => nextStep(p, story, { atEnd: this.opts.atEnd() }));
  }

  prev(): void {
    this.move((p, story) => prevStep(p, story));
  }

  /** A tap on the card: the next step, or the first again once the story has ended. */
  tap(): void {
    this.move((p, story) => tapStep(p, story, { atEnd: this.opts.atEnd() }));
  }

  tick(): void {
    const now = this.opts.now();
    this.move((p, story) => tickStory(p, story, now, { atEnd: this.opts.atEnd() }));
    this.refreshView();
  }

  private current(): { player: StoryPlayerState; story: Story } | null {
    const story = this.player ? findStory(this.scene, this.player.storyId) : undefined;
    return this.player && story ? { player: this.player, story } : null;
  }

  private move(fn: (p: StoryPlayerState, story: Story) => StoryPlayerState): void {
    const cur = this.current();
    if (!cur) return;
    const next = fn(cur.player, cur.story);
    if (next === cur.player) return;
    this.enter(next, cur.story);
  }

  /** Moves the player, applies the step if it is a new one, and tells the store. */
  private enter(next: StoryPlayerState, story: Story): void {
    const prev = this.player;
    this.player = next;
    if (!prev || prev.storyId !== next.storyId || prev.step !== next.step) this.applyStep(story, next.step);
    this.store.getState().setStory({ id: next.storyId, step: next.step });
    this.refreshView();
  }

  /** The store's story changed (a link, the picker, a reset, or this driver's own echo). */
  private follow(): void {
    const want = this.store.getState().story;
    if (!want) {
      if (this.player) this.stop();
      return;
    }
    const story = findStory(this.scene, want.id);
    if (!story) {
      // Another zone's story (the zone changed under it): nothing of it can play here.
      if (this.player) this.stop();
      this.store.getState().setStory(null);
      return;
    }
    const p = this.player;
    if (p && p.storyId === want.id && p.step === want.step) return;
    this.enter(p && p.storyId === want.id ? gotoStep(p, story, want.step) : startStory(story, want.step), story);
  }

  private applyStep(story: Story, step: number): void {
    const r = resolveStep(this.scene, story, step);
    if (!r) return;
    const s = this.store.getState();
    if (r.viewpointId) s.flyToViewpoint(r.viewpointId);
    else s.flyToPose(r.pose);
    const plan = applyStepLayers(s.layerVisible, this.saved, r);
    this.saved = plan.saved;
    if (plan.changed) s.resetLayers(plan.layers);
    this.highlight(highlightTarget(r.highlight));
  }

  private highlight(target: HighlightTarget | null): void {
    if (sameHighlight(target, this.highlighted)) return;
    this.clearHighlight();
    this.highlighted = target;
    if (!target) return;
    if (target.kind === 'building') this.opts.selectBuilding(target.id);
    else this.store.getState().selectLive(target.selection, { follow: false });
  }

  /** Clears what the story selected, unless the user has selected something else since. */
  private clearHighlight(): void {
    const h = this.highlighted;
    this.highlighted = null;
    if (!h) return;
    const s = this.store.getState();
    if (!stillSelected(h, s)) return;
    if (h.kind === 'building') s.select(null);
    else s.selectLive(null);
  }

  private stop(): void {
    this.player = null;
    const s = this.store.getState();
    const plan = restoreUserLayers(s.layerVisible, this.saved);
    this.saved = {};
    if (plan.changed) s.resetLayers(plan.layers);
    this.clearHighlight();
    this.refreshView();
  }

  private refreshView(): void {
    const cur = this.current();
    let view: StoryView | null = null;
    if (cur) {
      const left = stepSecondsLeft(cur.player, cur.story, this.opts.now());
      view = {
        story: cur.story,
        step: cur.player.step,
        count: cur.story.steps.length,
        ended: cur.player.ended,
        secondsLeft: left === null ? null : Math.ceil(left),
      };
    }
    const old = this.cachedView;
    const same =
      old === view ||
      (old !== null && view !== null && old.story === view.story && old.step === view.step && old.ended === view.ended && old.secondsLeft === view.secondsLeft);
    if (same) return;
    this.cachedView = view;
    for (const fn of this.listeners) fn();
  }
}
