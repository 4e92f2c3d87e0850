/**
 * The big screen's tour program from scene data. Scene files write tours for people (seconds,
 * `viewpoint`, stops without ids); the tour machine takes milliseconds, `viewpointId` and stop ids,
 * so this converts, and picks which tours to play: the link's or site's `tour` (else each zone's
 * first) in the current zone, or one per zone of the carousel, in its order. A zone that cannot
 * contribute is skipped with a reason the shell reports, so one bad zone does not blank the wall.
 */
import type { Scene } from '../../scene/schema';
import type { Tour as SceneTour } from '../../scene/storySchema';
import type { LocalizedText, Tour, TourPlayState, TourProgram, TourSnapshot, TourStop } from '../tour/tourTypes';

/** `id` overrides the tour's own, for a carousel where every zone may call its tour "ops-tour". */
export function toMachineTour(zone: string, tour: SceneTour, id: string = tour.id): Tour {
  const stops = tour.stops.map((s, i): TourStop => {
    // Stops have no ids in the scene; the index is unique within the tour and stable across reloads.
    const base = { id: `${i + 1}`, flightMs: s.flightS * 1000, dwellMs: s.dwellS * 1000, caption: s.caption };
    return s.pose ? { ...base, pose: { position: s.pose.position, target: s.pose.target } } : { ...base, viewpointId: s.viewpoint! };
  });
  return { id, zone, stops, loop: tour.loop };
}

export interface ProgramProblem {
  /** `url` for the link's or site's choices (tour, carousel), `scene` for a scene without tours. */
  category: 'url' | 'scene';
  source: string;
  message: string;
}

export interface ScreenProgram {
  program: TourProgram | null;
  /** Why a zone or tour was left out, for the error list. */
  problems: ProgramProblem[];
}

export interface ProgramInput {
  /** The zones the app knows, with their scenes (null when a scene failed to load). */
  zones: readonly { id: string; scene: Scene | null }[];
  currentZone: string;
  tourId: string | null;
  carousel: readonly string[];
}

export function screenProgram({ zones, currentZone, tourId, carousel }: ProgramInput): ScreenProgram {
  const problems: ProgramProblem[] = [];
  const ids = carousel.length > 0 ? carousel : [currentZone];
  const tours: Tour[] = [];
  for (const id of ids) {
    const scene = zones.find((z) => z.id === id)?.scene;
    if (!scene) {
      problems.push({ category: 'url', source: 'carousel', message: `zone "${id}" is unknown or its scene failed to load; left out of the tour` });
      continue;
    }
    const list = scene.tours ?? [];
    const chosen = tourId ? list.find((t) => t.id === tourId) : undefined;
    if (tourId && !chosen && list.length > 0) problems.push({ category: 'url', source: 'tour', message: `zone "${id}" has no tour "${tourId}"; playing "${list[0]!.id}"` });
    const tour = chosen ?? list[0];
    if (!tour) {
      problems.push({ category: 'scene', source: `scenes/${id}.json`, message: 'no tours: the big screen shows this zone without a camera tour' });
      continue;
    }
    tours.push(carousel.length > 0 ? toMachineTour(id, tour, carouselTourId(id, tour.id)) : toMachineTour(id, tour));
  }
  if (tours.length === 0) return { program: null, problems };
  // One tour loops as its file says (the default is to loop); a carousel of zones always loops.
  const program: TourProgram = tours.length === 1 ? tours[0]! : { tours, loop: true };
  return { program, problems };
}

/** A tour's id within a carousel: zone-qualified, since tour ids are only unique within a scene. */
export function carouselTourId(zone: string, tourId: string): string {
  return `${zone}:${tourId}`;
}

/** A stable key of what the program depends on, so the shell rebuilds the machine only when it changes. */
export function programKey(input: Omit<ProgramInput, 'zones'>): string {
  return input.carousel.length > 0 ? `carousel:${input.carousel.join(',')}|${input.tourId ?? ''}` : `zone:${input.currentZone}|${input.tourId ?? ''}`;
}

/** What a video-wall follower shows of its leader's tour: the same stop, read from its own scene. */
export interface LeaderTourView {
  snapshot: TourSnapshot;
  stops: number;
  caption: LocalizedText | null;
}

export function leaderTourView(tour: { id: string; step: number; state: TourPlayState } | null, scene: Scene): LeaderTourView | null {
  if (!tour) return null;
  const t = scene.tours?.find((x) => x.id === tour.id || carouselTourId(scene.id, x.id) === tour.id);
  const stop = t?.stops[tour.step];
  return {
    snapshot: { id: tour.id, step: tour.step, stopId: String(tour.step + 1), state: tour.state, interruptedBy: null, zone: scene.id },
    stops: t?.stops.length ?? 0,
    caption: stop?.caption ?? null,
  };
}
