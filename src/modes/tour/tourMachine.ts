/**
 * The guided camera tour with alarm interrupts. Pure and clock-free: every call that depends on
 * time takes `now` (ms, any monotonic origin), and the shell calls `tick(now)` from its frame loop.
 * Each call returns at most one command for the view (tourTypes.TourCommand), once.
 *
 * Timing of a stop: a `fly` command starts the flight at the `now` it is issued (the view starts
 * animating when it receives it), the dwell starts when the flight should have ended, and the next
 * stop's flight is issued by the first tick at or after the dwell's end. A late tick lengthens the
 * stop by its lateness but never skips one: after a stall the tour continues, it does not race.
 *
 * Resuming re-flies to the current stop (the operator may have moved the camera, or an alarm took
 * it away). After a manual pause the stop then dwells for what was left of its dwell; after an
 * alarm hold it dwells for its full dwell, because the hold took the screen away for at least
 * `holdMs` and a cut-short stop right after the return flight would leave its caption unread.
 *
 * Alarms: an unacknowledged alarm at or above `interruptAt` takes the camera for `holdMs`. During a
 * hold a more severe alarm, or an equally severe newer one, takes over and restarts the hold; a less
 * severe one is ignored (it stays in the alert list). Re-sending the alarm being shown changes
 * nothing, so the shell may forward updates; re-sending it after its hold interrupts again, until
 * it is acknowledged. A manual pause during a hold keeps the tour paused, and the camera on the
 * asset, when the hold ends.
 */
import { SEVERITY_RANK } from '../../analysis/alerts/types';
import { planTour, type TourStep } from './tourPlan';
import type {
  AlertSeverity, TourAlert, TourCommand, TourFlyReason, TourOptions, TourPlayState, TourProgram, TourSnapshot,
} from './tourTypes';

export { tourKeyAction, type TourKeyAction } from './tourKeys';

export const DEFAULT_INTERRUPT_AT: AlertSeverity = 'major';
export const DEFAULT_HOLD_MS = 30_000;
export const DEFAULT_ALARM_FLIGHT_MS = 2_000;
/** Acknowledged ids remembered; a screen runs for days, so the oldest are forgotten past this. */
export const MAX_ACKED_IDS = 5_000;

type Phase =
  /** Not moving by itself: paused, interrupted, or not started. */
  | { kind: 'idle' }
  | { kind: 'flying'; endsAt: number; dwellMs: number }
  | { kind: 'dwelling'; endsAt: number };

interface Interrupt {
  alert: TourAlert;
  until: number;
}

export class TourMachine {
  private readonly steps: readonly TourStep[];
  private readonly loop: boolean;
  private readonly interruptRank: number;
  private readonly holdMs: number;
  private readonly alarmFlightMs: number;

  private index = 0;
  private phase: Phase = { kind: 'idle' };
  /** Dwell to run after the next flight to the current stop. */
  private dwellLeftMs: number;
  /** Manual pause; also set before start and after a non-looping tour's end. */
  private paused = true;
  private ended = false;
  private interrupt: Interrupt | null = null;
  private readonly acked = new Set<string>();
  /** The time of the latest call, for the calls that may omit `now`. */
  private lastNow = 0;
  private cached: TourSnapshot | null = null;

  constructor(program: TourProgram, options: TourOptions = {}) {
    const plan = planTour(program);
    this.steps = plan.steps;
    this.loop = plan.loop;
    const interruptAt = options.interruptAt ?? DEFAULT_INTERRUPT_AT;
    if (!Object.hasOwn(SEVERITY_RANK, interruptAt)) throw new RangeError(`unknown interruptAt severity "${interruptAt}"`);
    this.interruptRank = SEVERITY_RANK[interruptAt];
    this.holdMs = nonNegative(options.holdMs ?? DEFAULT_HOLD_MS, 'holdMs');
    this.alarmFlightMs = nonNegative(options.alarmFlightMs ?? DEFAULT_ALARM_FLIGHT_MS, 'alarmFlightMs');
    this.dwellLeftMs = this.step.stop.dwellMs;
  }

  /**
   * Plays from the first stop, or from the stop `from` names (a tour resumed after the page
   * reloaded itself; an unknown stop starts at the first). During an alarm hold the flight waits
   * for the hold's end.
   */
  start(now: number, from?: { id: string; zone: string; step: number }): TourCommand | null {
    this.lastNow = now;
    const at = from ? this.steps.findIndex((s) => s.tour.id === from.id && s.tour.zone === from.zone && s.stopIndex === from.step) : -1;
    this.goTo(Math.max(0, at));
    this.paused = false;
    return this.interrupt ? null : this.play(now, 'start');
  }

  tick(now: number): TourCommand | null {
    this.lastNow = now;
    if (this.interrupt) return now >= this.interrupt.until ? this.endHold(now) : null;
    if (this.phase.kind === 'flying' && now >= this.phase.endsAt) {
      this.phase = { kind: 'dwelling', endsAt: this.phase.endsAt + this.phase.dwellMs };
    }
    if (this.phase.kind === 'dwelling' && now >= this.phase.endsAt) return this.advance(now);
    return null;
  }

  pause(now: number = this.lastNow): TourCommand | null {
    this.lastNow = now;
    if (this.paused) return null;
    this.paused = true;
    // The alarm flight must finish; the pause only means "do not resume the tour afterwards".
    if (this.interrupt) return null;
    if (this.phase.kind === 'flying') this.dwellLeftMs = this.phase.dwellMs;
    else if (this.phase.kind === 'dwelling') this.dwellLeftMs = Math.max(0, this.phase.endsAt - now);
    this.phase = { kind: 'idle' };
    return { kind: 'hold' };
  }

  resume(now: number): TourCommand | null {
    this.lastNow = now;
    if (!this.paused) return null;
    this.paused = false;
    if (this.ended) this.goTo(0);
    if (this.interrupt) return null;
    return this.play(now, 'resume');
  }

  toggle(now: number): TourCommand | null {
    return this.paused ? this.resume(now) : this.pause(now);
  }

  /** Manual steps wrap around, loop or not, and dismiss an alarm hold (without acknowledging it). */
  next(now: number): TourCommand | null {
    return this.skipTo((this.index + 1) % this.steps.length, now);
  }

  prev(now: number): TourCommand | null {
    return this.skipTo((this.index - 1 + this.steps.length) % this.steps.length, now);
  }

  alarm(alert: TourAlert, now: number): TourCommand | null {
    this.lastNow = now;
    // Alerts come from the feed: an unknown severity must not slip through as a prototype key.
    if (!Object.hasOwn(SEVERITY_RANK, alert.severity)) return null;
    const rank = SEVERITY_RANK[alert.severity];
    if (rank > this.interruptRank || this.acked.has(alert.id)) return null;
    const shown = this.interrupt?.alert;
    if (this.interrupt && shown?.id === alert.id) {
      this.interrupt = { alert, until: this.interrupt.until };
      return null;
    }
    if (shown && rank > SEVERITY_RANK[shown.severity]) return null;
    if (!shown) {
      this.phase = { kind: 'idle' };
      this.dwellLeftMs = this.step.stop.dwellMs;
    }
    this.interrupt = { alert, until: now + this.holdMs };
    return {
      kind: 'flyToAlert', alert, pose: alert.assetPose ?? null, zone: alert.zone ?? this.step.tour.zone,
      durationMs: this.alarmFlightMs,
    };
  }

  /** Acknowledged alarms never interrupt again; acknowledging the one shown ends its hold now. */
  ack(alertId: string, now: number = this.lastNow): TourCommand | null {
    this.lastNow = now;
    this.acked.delete(alertId);
    this.acked.add(alertId);
    if (this.acked.size > MAX_ACKED_IDS) this.acked.delete(this.acked.values().next().value!);
    return this.interrupt?.alert.id === alertId ? this.endHold(now) : null;
  }

  /** The alarm holding the camera, if any. */
  get interruptingAlert(): TourAlert | null {
    return this.interrupt?.alert ?? null;
  }

  /** Ms left of the alarm hold, for a countdown; null when no alarm holds the camera. */
  holdRemainingMs(now: number): number | null {
    return this.interrupt ? Math.max(0, this.interrupt.until - now) : null;
  }

  /** The current stop, for the caption. */
  get current(): TourStep {
    return this.step;
  }

  get state(): TourPlayState {
    return this.interrupt ? 'interrupted' : this.paused ? 'paused' : 'playing';
  }

  /** The same object while nothing in it changes, so a shell can compare by reference. */
  snapshot(): TourSnapshot {
    const { tour, stop, stopIndex } = this.step;
    const state = this.state, interruptedBy = this.interrupt?.alert.id ?? null;
    const c = this.cached;
    if (c && c.id === tour.id && c.step === stopIndex && c.stopId === stop.id && c.state === state && c.interruptedBy === interruptedBy) {
      return c;
    }
    this.cached = { id: tour.id, step: stopIndex, stopId: stop.id, state, interruptedBy, zone: tour.zone };
    return this.cached;
  }

  private get step(): TourStep {
    return this.steps[this.index]!;
  }

  private goTo(index: number): void {
    this.index = index;
    this.ended = false;
    this.phase = { kind: 'idle' };
    this.dwellLeftMs = this.step.stop.dwellMs;
  }

  private skipTo(index: number, now: number): TourCommand | null {
    this.lastNow = now;
    this.interrupt = null;
    this.goTo(index);
    // Paused: show the stop but let no dwell run, so stepping through stops by hand stays put.
    if (this.paused) return this.flyCommand('skip');
    return this.play(now, 'skip');
  }

  private advance(now: number): TourCommand | null {
    const last = this.index === this.steps.length - 1;
    if (last && !this.loop) {
      this.phase = { kind: 'idle' };
      this.paused = true;
      this.ended = true;
      return { kind: 'end' };
    }
    this.goTo(last ? 0 : this.index + 1);
    return this.play(now, 'advance');
  }

  private endHold(now: number): TourCommand | null {
    this.interrupt = null;
    if (this.paused) return null;
    return this.play(now, 'resume');
  }

  private play(now: number, reason: TourFlyReason): TourCommand {
    const { flightMs } = this.step.stop;
    this.phase = { kind: 'flying', endsAt: now + flightMs, dwellMs: this.dwellLeftMs };
    return this.flyCommand(reason);
  }

  private flyCommand(reason: TourFlyReason): TourCommand {
    const { tour, stop, stopIndex } = this.step;
    return { kind: 'fly', reason, tourId: tour.id, zone: tour.zone, step: stopIndex, stop, durationMs: stop.flightMs };
  }
}

function nonNegative(v: number, name: string): number {
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${v}`);
  return v;
}
