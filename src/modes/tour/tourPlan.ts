/**
 * Checks a tour program and flattens it into one list of steps, so the machine walks a single
 * index whether it plays one tour or a carousel of zones.
 */
import type { Tour, TourCarousel, TourPose, TourProgram, TourStop } from './tourTypes';

export interface TourStep {
  tour: Tour;
  stop: TourStop;
  /** Index of the stop within its tour. */
  stopIndex: number;
}

export interface TourPlan {
  steps: readonly TourStep[];
  loop: boolean;
}

function isCarousel(p: TourProgram): p is TourCarousel {
  return 'tours' in p;
}

function validDuration(ms: unknown): boolean {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0;
}

function validVec3(v: unknown): boolean {
  return Array.isArray(v) && v.length === 3 && v.every((c) => typeof c === 'number' && Number.isFinite(c));
}

export function validPose(p: TourPose | undefined): boolean {
  return p !== undefined && validVec3(p.position) && validVec3(p.target);
}

function stopProblems(tour: Tour, stop: TourStop, i: number, seen: Set<string>): string[] {
  const at = `tour "${tour.id}" stop ${i}${stop.id ? ` ("${stop.id}")` : ''}`;
  const out: string[] = [];
  if (!stop.id) out.push(`${at}: id is empty`);
  else if (seen.has(stop.id)) out.push(`${at}: duplicate stop id`);
  seen.add(stop.id);
  const hasPose = stop.pose !== undefined, hasViewpoint = stop.viewpointId !== undefined;
  if (hasPose === hasViewpoint) out.push(`${at}: needs exactly one of pose or viewpointId`);
  else if (hasPose && !validPose(stop.pose)) out.push(`${at}: pose needs finite [e, n, u] position and target`);
  else if (hasViewpoint && !stop.viewpointId) out.push(`${at}: viewpointId is empty`);
  if (!validDuration(stop.flightMs)) out.push(`${at}: flightMs must be a finite number ≥ 0`);
  if (!validDuration(stop.dwellMs)) out.push(`${at}: dwellMs must be a finite number ≥ 0`);
  return out;
}

/** Every reason the program cannot be played; empty when it can. */
export function tourProblems(program: TourProgram): string[] {
  const tours = isCarousel(program) ? program.tours : [program];
  if (tours.length === 0) return ['the carousel has no tours'];
  const out: string[] = [];
  const tourIds = new Set<string>();
  for (const tour of tours) {
    if (!tour.id) out.push('a tour has an empty id');
    else if (tourIds.has(tour.id)) out.push(`duplicate tour id "${tour.id}"`);
    tourIds.add(tour.id);
    if (!tour.zone) out.push(`tour "${tour.id}": zone is empty`);
    if (tour.stops.length === 0) out.push(`tour "${tour.id}" has no stops`);
    const seen = new Set<string>();
    tour.stops.forEach((stop, i) => out.push(...stopProblems(tour, stop, i, seen)));
  }
  return out;
}

/** Throws with every problem listed: a tour is configuration, and a broken one must not start. */
export function planTour(program: TourProgram): TourPlan {
  const problems = tourProblems(program);
  if (problems.length > 0) throw new RangeError(`invalid tour: ${problems.join('; ')}`);
  const tours = isCarousel(program) ? program.tours : [program];
  const steps = tours.flatMap((tour) => tour.stops.map((stop, stopIndex) => ({ tour, stop, stopIndex })));
  const loop = isCarousel(program) ? (program.loop ?? true) : program.loop;
  return { steps, loop };
}

export interface NamedPose extends TourPose {
  id: string;
}

/** The pose a stop flies to, looking its viewpoint up in the zone's viewpoints; null if unknown. */
export function resolveStopPose(stop: TourStop, viewpoints: readonly NamedPose[]): TourPose | null {
  if (stop.pose !== undefined) return stop.pose;
  const vp = viewpoints.find((v) => v.id === stop.viewpointId);
  return vp ? { position: vp.position, target: vp.target } : null;
}
