/**
 * The guided-story player, pure: plain state in, plain state out, so a zustand store can hold it
 * and tests can drive it without React, a DOM or a real clock. The shell calls tickStory from its
 * clock (the story times its steps, not the frame loop) and applies resolveStep's camera, layers,
 * highlight and caption. Every transition returns the same object when nothing changed, so a
 * caller can skip setState by comparing references.
 *
 * Steps are 0-based here and 1-based in the URL (`story=<id>&step=<n>`): people share and type
 * links, and "step=1" for the first step is what they expect.
 */
import { placementPose } from '../../scene/cameraPlacement';
import { parsedError, parsedOk, parseInteger, type Parsed } from '../parsed';
import type { Story, StoryHighlight } from '../../scene/storySchema';

/** After the last step: start again (attract loop, wall) or stay on the last step. */
export type StoryEnd = 'loop' | 'stop';

export interface StoryPlayerConfig {
  atEnd: StoryEnd;
}

export interface StoryPlayerState {
  readonly storyId: string;
  /** 0-based index of the current step. */
  readonly step: number;
  /**
   * Clock time (ms) the current step's timer started from; null until the first tick sees the
   * step. Stamping on tick keeps next/prev/goto free of a clock.
   */
  readonly stepSinceMs: number | null;
  /** Went past the last step with atEnd 'stop': the last step stays shown and no timer runs. */
  readonly ended: boolean;
}

type Vec3 = [number, number, number];

export interface ResolvedStoryStep {
  pose: { position: Vec3; target: Vec3 };
  /** The scene viewpoint the step names, or null where it gives its own pose. */
  viewpointId: string | null;
  /** Layer switches in effect at this step: this step's and every earlier one's, the latest winning. */
  layersOn: string[];
  layersOff: string[];
  highlight: StoryHighlight | null;
  caption: { zh: string; en: string };
  /** Seconds until the step moves on by itself; null when it waits for a tap. */
  advanceAfterS: number | null;
}

interface StoryScene {
  viewpoints: readonly { id: string; position: readonly [number, number, number]; target: readonly [number, number, number] }[];
  stories?: readonly Story[] | undefined;
}

const lastIndex = (story: Story): number => story.steps.length - 1;
const clampStep = (story: Story, step: number): number => Math.min(Math.max(0, Math.trunc(step)), lastIndex(story));

/** The player on a step with its timer not yet started; re-selecting the current step restarts its timer. */
function atStep(state: StoryPlayerState, story: Story, step: number): StoryPlayerState {
  const s = clampStep(story, step);
  if (s === state.step && !state.ended && state.stepSinceMs === null && state.storyId === story.id) return state;
  return { storyId: story.id, step: s, stepSinceMs: null, ended: false };
}

export function findStory(scene: Pick<StoryScene, 'stories'>, storyId: string): Story | undefined {
  return scene.stories?.find((s) => s.id === storyId);
}

/** A fresh player on `step` (clamped into the story). */
export function startStory(story: Story, step = 0): StoryPlayerState {
  return { storyId: story.id, step: Number.isFinite(step) ? clampStep(story, step) : 0, stepSinceMs: null, ended: false };
}

export function nextStep(state: StoryPlayerState, story: Story, config: StoryPlayerConfig): StoryPlayerState {
  if (state.ended) return state;
  if (state.step < lastIndex(story)) return atStep(state, story, state.step + 1);
  if (config.atEnd === 'loop') return atStep(state, story, 0);
  return { ...state, step: lastIndex(story), stepSinceMs: null, ended: true };
}

/** Back one step; the first step has nothing before it (no wrap: "back" should never jump to the end). */
export function prevStep(state: StoryPlayerState, story: Story): StoryPlayerState {
  if (!state.ended && state.step <= 0) return state;
  return atStep(state, story, state.ended ? lastIndex(story) - 1 : state.step - 1);
}

/** Jumps to a step (clamped); a NaN step changes nothing. Its timer starts afresh, as a visitor tapping its dot expects. */
export function gotoStep(state: StoryPlayerState, story: Story, step: number): StoryPlayerState {
  return Number.isFinite(step) ? atStep(state, story, step) : state;
}

/**
 * A tap on the story: advances any step, timed or not (an impatient visitor need not wait), and
 * on a story that has ended starts it again from the first step.
 */
export function tapStep(state: StoryPlayerState, story: Story, config: StoryPlayerConfig): StoryPlayerState {
  return state.ended ? atStep(state, story, 0) : nextStep(state, story, config);
}

/** Moves a timed step on once its time is up. Call it from the shell's clock as often as it likes. */
export function tickStory(state: StoryPlayerState, story: Story, nowMs: number, config: StoryPlayerConfig): StoryPlayerState {
  if (state.ended || !Number.isFinite(nowMs)) return state;
  const afterS = story.steps[clampStep(story, state.step)]?.advance?.afterS;
  if (afterS === undefined) return state;
  // A clock that went backwards (host suspended, clock reset) restarts the step rather than stalling it.
  if (state.stepSinceMs === null || nowMs < state.stepSinceMs) return { ...state, stepSinceMs: nowMs };
  if (nowMs - state.stepSinceMs < afterS * 1000) return state;
  const next = nextStep(state, story, config);
  // The next step's timer runs from now: after a long stall the story moves one step, not many.
  return next.ended || story.steps[next.step]?.advance === undefined ? next : { ...next, stepSinceMs: nowMs };
}

/** Seconds left on the current step's timer (for a countdown ring); null when no timer is running. */
export function stepSecondsLeft(state: StoryPlayerState, story: Story, nowMs: number): number | null {
  const afterS = story.steps[clampStep(story, state.step)]?.advance?.afterS;
  if (state.ended || afterS === undefined || !Number.isFinite(nowMs)) return null;
  if (state.stepSinceMs === null) return afterS;
  return Math.max(0, afterS - Math.max(0, nowMs - state.stepSinceMs) / 1000);
}

/**
 * What a step shows. Layer switches accumulate over the steps up to this one, so a deep link, a
 * jump or "back" lands on the same view as playing through. Null for a step outside the story, or
 * a viewpoint the scene lacks (only possible for a scene that skipped validation).
 */
export function resolveStep(scene: Pick<StoryScene, 'viewpoints'>, story: Story, step: number): ResolvedStoryStep | null {
  if (!Number.isInteger(step) || step < 0 || step > lastIndex(story)) return null;
  const s = story.steps[step]!;
  const placed = placementPose(scene.viewpoints, s);
  if (!placed) return null;
  const layers = new Map<string, boolean>();
  for (const earlier of story.steps.slice(0, step + 1)) {
    // Delete first so that the map's order is the order of the latest switch.
    for (const id of earlier.layers?.on ?? []) { layers.delete(id); layers.set(id, true); }
    for (const id of earlier.layers?.off ?? []) { layers.delete(id); layers.set(id, false); }
  }
  const ids = [...layers];
  return {
    pose: placed.pose,
    viewpointId: placed.viewpointId,
    layersOn: ids.filter(([, on]) => on).map(([id]) => id),
    layersOff: ids.filter(([, on]) => !on).map(([id]) => id),
    highlight: s.highlight ? structuredClone(s.highlight) : null,
    caption: { zh: s.caption.zh, en: s.caption.en },
    advanceAfterS: s.advance?.afterS ?? null,
  };
}

export interface StoryParams {
  storyId: string;
  /** 0-based. */
  step: number;
}

/** Echoes of URL values stay short: a pasted link can hold anything. */
const quote = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

/**
 * Reads `story=` and `step=` (1-based; absent means the first step) from the URL, which is
 * untrusted. No `story=` gives null: nothing to play. On an error the shell shows the reason,
 * counts it and plays nothing, as with any bad URL value; each reason names its parameter.
 */
export function parseStoryParams(story: string | null | undefined, step: string | null | undefined, scene: Pick<StoryScene, 'stories'>): Parsed<StoryParams | null> {
  const storyText = story?.trim() ?? '';
  const stepText = step?.trim() ?? '';
  if (storyText === '') return stepText === '' ? parsedOk(null) : parsedError('step=: given without story=');
  const found = findStory(scene, storyText);
  if (!found) {
    const known = (scene.stories ?? []).map((s) => s.id);
    return parsedError(`story=: unknown story ${quote(storyText)} (${known.length > 0 ? `this zone has: ${known.join(', ')}` : 'this zone has no stories'})`);
  }
  if (stepText === '') return parsedOk({ storyId: found.id, step: 0 });
  const n = found.steps.length;
  const k = parseInteger(stepText);
  if (k === null) return parsedError(`step=: must be a whole number from 1 to ${n}, not ${quote(stepText)}`);
  if (k < 1 || k > n) return parsedError(`step=: ${k} is out of range, story "${found.id}" has steps 1 to ${n}`);
  return parsedOk({ storyId: found.id, step: k - 1 });
}

/** The URL form of a player position, the inverse of parseStoryParams. */
export function storyUrlParams(p: { storyId: string; step: number }): { story: string; step: string } {
  return { story: p.storyId, step: String(p.step + 1) };
}
