/**
 * Kiosk idle handling. A stranger walks away mid-story; after `idleMs` without input the kiosk
 * warns ("touch to continue", with a countdown), and after `warningMs` more it resets the app
 * and falls into the attract loop. Pure and clock-free: the shell passes `now` (ms) to every call
 * and calls `tick(now)` from a timer or its frame loop.
 *
 * States change only in `tick` and `input`, so what the screen shows and what the machine thinks
 * never disagree: an input arriving after a stalled tick is judged by the state on screen.
 */

export type IdleState = 'active' | 'warning' | 'attract';

export const DEFAULT_IDLE_MS = 90_000;
export const DEFAULT_WARNING_MS = 10_000;

export interface IdleOptions {
  /** Time without input before the warning. Default 90 s. */
  idleMs?: number;
  /** Length of the warning countdown before the reset; 0 resets without a warning. Default 10 s. */
  warningMs?: number;
  /**
   * Default 'attract': a kiosk that has just booted has nobody in front of it, and the first
   * touch should wake it rather than act on the scene.
   */
  startIn?: 'active' | 'attract';
}

/** The one command: put the app back to its start (zone, view, panels, story). Issued once per fall into attract. */
export interface IdleCommand {
  kind: 'reset';
}

export interface IdleInputResult {
  /** True for the touch that wakes the kiosk from attract: the UI must not pass it to the scene. */
  swallow: boolean;
}

/** Plain data for the test hook. */
export interface IdleSnapshot {
  /** Ms since the last input (or since the machine was made). */
  idleMs: number;
  state: IdleState;
}

export class IdleMachine {
  private readonly idleMs: number;
  private readonly warningMs: number;
  private current: IdleState;
  private lastInput: number;

  constructor(now: number, options: IdleOptions = {}) {
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.warningMs = options.warningMs ?? DEFAULT_WARNING_MS;
    if (!Number.isFinite(this.idleMs) || this.idleMs <= 0) throw new RangeError(`idleMs must be a finite number > 0, got ${this.idleMs}`);
    if (!Number.isFinite(this.warningMs) || this.warningMs < 0) {
      throw new RangeError(`warningMs must be a finite number ≥ 0, got ${this.warningMs}`);
    }
    this.current = options.startIn ?? 'attract';
    this.lastInput = now;
  }

  get state(): IdleState {
    return this.current;
  }

  /** Any user input: touch, pointer, key, wheel. */
  input(now: number): IdleInputResult {
    const wasAttract = this.current === 'attract';
    this.current = 'active';
    this.lastInput = now;
    return { swallow: wasAttract };
  }

  /** Returns the reset command on the tick that falls into attract, and null on every other. */
  tick(now: number): IdleCommand | null {
    const warnAt = this.lastInput + this.idleMs;
    if (this.current === 'active' && now >= warnAt) this.current = 'warning';
    if (this.current === 'warning' && now >= warnAt + this.warningMs) {
      this.current = 'attract';
      return { kind: 'reset' };
    }
    return null;
  }

  /** Whole seconds left on the warning countdown (rounded up, so it never shows 0 before the reset); null outside the warning. */
  secondsLeft(now: number): number | null {
    if (this.current !== 'warning') return null;
    const left = this.lastInput + this.idleMs + this.warningMs - now;
    return Math.max(0, Math.ceil(left / 1000));
  }

  snapshot(now: number): IdleSnapshot {
    return { idleMs: Math.max(0, now - this.lastInput), state: this.current };
  }
}
