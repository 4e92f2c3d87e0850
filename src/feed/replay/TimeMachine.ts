/**
 * The viewer's time machine for one zone's feed: the recorded range and its ticks (alarms,
 * incidents), and the replay controls (seek, play, pause, speed, back to live). Pure of the DOM;
 * FeedRuntime owns one and flushes it from the frame loop.
 *
 * A replay has an ingest of its own (FeedIngest in replay mode), so the live ingest, and with it the
 * live alerts, keeps running while the past is shown; the app points the layers at whichever is
 * shown. Each seek is a new request id: the replay ingest ignores data until that request's
 * replay-start, so frames of a replaced request never mix into the new state.
 */
import type { EnuFrame } from '../../core/geodesy';
import { FeedIngest } from '../ingest/FeedIngest';
import type { HistoryResultMessage, RecordedEvent, ReplayEndMessage, ReplayStartMessage } from '../protocol/messages';
import type { Timers } from '../sources/FeedSource';
import type { ReplayBackend, ReplayBackendKind } from './ReplayBackend';
import { timelineTicks, type TimelineTick } from './timelineTicks';

export const REPLAY_SPEEDS = [1, 2, 5, 10, 30, 60] as const;
/** How often the recorded range and new ticks are asked for. */
export const TIMELINE_POLL_MS = 3000;
/** Recorded events a viewer keeps for its ticks (bounded: a screen runs for weeks). */
export const MAX_TIMELINE_EVENTS = 5000;
/** Ids of readings requests start here, apart from the timeline polls' ids. */
const READINGS_ID_BASE = 500_000_000;
/** How far back the first history request reaches (the server keeps at most its retention). */
const FIRST_HISTORY_SPAN_MS = 24 * 3_600_000 - 1;

export type TimeMachineMode = 'live' | 'replay';

export interface TimeMachineSummary {
  available: boolean;
  source: ReplayBackendKind | null;
  range: { fromTs: number; toTs: number } | null;
  ticks: TimelineTick[];
  mode: TimeMachineMode;
  playing: boolean;
  speed: number;
  /** Recorded time shown (replay), null while live. */
  atMs: number | null;
  /** Waiting for the state of a seek. */
  loading: boolean;
  /** Increases with every seek, so alert engines know to start over. */
  epoch: number;
  error: string | null;
}

export const EMPTY_TIME_MACHINE: TimeMachineSummary = Object.freeze({
  available: false, source: null, range: null, ticks: [], mode: 'live', playing: false, speed: 1, atMs: null, loading: false, epoch: 0, error: null,
}) as TimeMachineSummary;

export interface TimeMachineOptions {
  zone: string;
  frame: EnuFrame;
  createBackend(replayIngest: FeedIngest, onHistory: (m: HistoryResultMessage) => void): ReplayBackend;
  /** Server time now (the live feed's clock), for the live end of the slider. */
  liveNow(clientNowMs: number): number;
  now: () => number;
  timers: Timers;
  onChange?(s: TimeMachineSummary): void;
  /** A scene catalogue the live ingest got from the scene file: the replay ingest needs it too. */
  sceneCatalogue?: unknown;
}

export class TimeMachine {
  readonly replayIngest: FeedIngest;
  private readonly backend: ReplayBackend;
  private mode: TimeMachineMode = 'live';
  private playing = false;
  private speed = 1;
  private requestId = 0;
  private historyId = 0;
  private awaitingHistory = false;
  private historyTimer: unknown = null;
  /** Readings requests (a sensor's recorded hour) in flight, by id; their own id range. */
  private readonly readingsWanted = new Map<number, { sensor: string; done: (series: [number, number][]) => void }>();
  private readingsId = READINGS_ID_BASE;
  private lastPollMs = -Infinity;
  private eventsTo: number | null = null;
  private readonly events = new Map<string, RecordedEvent>();
  private ticks: TimelineTick[] = [];
  private range: { fromTs: number; toTs: number } | null = null;
  private pausedAt: number | null = null;
  private loading = false;
  private error: string | null = null;
  private epoch = 0;
  private last: TimeMachineSummary = EMPTY_TIME_MACHINE;

  constructor(private readonly o: TimeMachineOptions) {
    this.replayIngest = new FeedIngest({ zone: o.zone, frame: o.frame, replay: true });
    if (o.sceneCatalogue !== undefined) this.replayIngest.applySceneCatalogue(o.sceneCatalogue);
    this.replayIngest.listeners.onReplay = (m) => this.onReplay(m);
    this.replayIngest.listeners.onHistory = (m) => this.acceptHistory(m);
    this.replayIngest.listeners.onResyncNeeded = () => {
      if (this.mode === 'replay' && this.playing) this.request(this.atMs() ?? this.pausedAt ?? 0, true);
    };
    this.backend = o.createBackend(this.replayIngest, (m) => this.acceptHistory(m));
  }

  get source(): ReplayBackendKind {
    return this.backend.kind;
  }

  /** Shows the recorded state at `ts`; plays on from there when `play`. */
  seek(ts: number, play = this.mode === 'replay' ? this.playing : false): void {
    if (!Number.isFinite(ts)) return;
    this.request(ts, play);
  }

  play(): void {
    const at = this.atMs() ?? this.range?.toTs;
    if (at === undefined) return;
    this.request(at, true);
  }

  pause(): void {
    if (this.mode !== 'replay' || !this.playing) return;
    this.playing = false;
    this.pausedAt = this.atMs();
    this.backend.stop();
    this.changed();
  }

  setSpeed(speed: number): void {
    const s = Math.min(60, Math.max(1, Math.round(speed)));
    if (s === this.speed) return;
    this.speed = s;
    if (this.mode === 'replay' && this.playing) this.request(this.atMs() ?? 0, true);
    else this.changed();
  }

  /** Back to now: the layers return to the live ingest. */
  live(): void {
    if (this.mode === 'live') return;
    this.mode = 'live';
    this.playing = false;
    this.loading = false;
    this.pausedAt = null;
    this.backend.leave();
    this.changed();
  }

  /** Recorded events held for the ticks (bounded by MAX_TIMELINE_EVENTS). */
  get eventCount(): number {
    return this.events.size;
  }

  get isReplaying(): boolean {
    return this.mode === 'replay';
  }

  /** Call from the frame loop: applies replayed frames, polls the timeline. */
  flush(nowMs: number): void {
    if (this.mode === 'replay' || this.replayIngest.queued > 0) this.replayIngest.flush(nowMs);
    if (this.mode === 'replay' && this.playing) {
      const at = this.atMs(nowMs);
      if (at !== null) this.backend.noteProgress?.(at);
    }
    if (!this.awaitingHistory && nowMs - this.lastPollMs >= TIMELINE_POLL_MS) this.poll(nowMs);
    this.changed();
  }

  /** Recorded time shown now, from the replay ingest's clock (frozen while paused). */
  atMs(nowMs = this.o.now()): number | null {
    if (this.mode !== 'replay') return null;
    if (this.loading || this.replayIngest.lastDataTs === null) return this.pausedAt;
    const t = this.replayIngest.clock.serverNow(nowMs);
    const hi = this.range?.toTs ?? t;
    return Math.min(t, Math.max(hi, this.replayIngest.lastDataTs));
  }

  summary(nowMs = this.o.now()): TimeMachineSummary {
    const live = this.o.liveNow(nowMs);
    const range = this.range ? { fromTs: this.range.fromTs, toTs: Math.max(this.range.toTs, this.mode === 'live' ? live : this.range.toTs) } : null;
    return {
      available: this.range !== null, source: this.backend.kind, range, ticks: this.ticks, mode: this.mode, playing: this.playing,
      speed: this.speed, atMs: this.atMs(nowMs), loading: this.loading, epoch: this.epoch, error: this.error,
    };
  }

  dispose(): void {
    this.clearHistoryTimer();
    this.backend.dispose();
  }

  private clearHistoryTimer(): void {
    if (this.historyTimer !== null) this.o.timers.clearTimeout(this.historyTimer);
    this.historyTimer = null;
  }

  private request(ts: number, play: boolean): void {
    const from = this.range ? Math.min(Math.max(ts, this.range.fromTs), this.range.toTs) : ts;
    this.requestId++;
    this.epoch++;
    this.mode = 'replay';
    this.playing = play;
    this.loading = true;
    this.error = null;
    this.pausedAt = from;
    this.replayIngest.expectReplay(this.requestId);
    this.backend.replay({ id: this.requestId, from, speed: this.speed, ...(play ? {} : { to: from }) });
    this.changed();
  }

  private onReplay(m: ReplayStartMessage | ReplayEndMessage): void {
    if (m.id !== this.requestId) return;
    if (m.type === 'replay-start') {
      this.loading = false;
      this.range = m.range;
      return;
    }
    if (m.reason === 'reached-live') {
      this.live();
      return;
    }
    if (m.reason === 'no-recording' || m.reason === 'error') {
      this.error = m.message ?? m.reason;
      this.live();
      return;
    }
    // reached-to or stopped: paused where the data stopped.
    this.loading = false;
    this.playing = false;
    this.pausedAt = this.replayIngest.lastDataTs ?? this.pausedAt;
  }

  private poll(nowMs: number): void {
    this.lastPollMs = nowMs;
    const to = Math.floor(this.o.liveNow(nowMs));
    if (!Number.isFinite(to) || to <= 0) return;
    const from = this.eventsTo ?? to - FIRST_HISTORY_SPAN_MS;
    this.awaitingHistory = true;
    this.historyId++;
    this.backend.history({ id: this.historyId, from: Math.max(0, Math.min(from, to)), to, kinds: ['events'] });
    // A lost answer must not stop the polling for good.
    this.clearHistoryTimer();
    this.historyTimer = this.o.timers.setTimeout(() => {
      this.historyTimer = null;
      this.awaitingHistory = false;
    }, TIMELINE_POLL_MS * 3);
  }

  /**
   * A sensor's recorded readings over [fromTs, toTs] (the sensor panel's last hour), where the
   * recording keeps readings (the feed server); `done` gets [ts, value] pairs, [] where it has none.
   */
  requestReadings(sensor: string, fromTs: number, toTs: number, done: (series: [number, number][]) => void): void {
    if (!(toTs >= fromTs)) return done([]);
    this.readingsId = this.readingsId >= 1e9 ? READINGS_ID_BASE : this.readingsId + 1;
    this.readingsWanted.set(this.readingsId, { sensor, done });
    // An answer that never comes must not hold the callback forever.
    if (this.readingsWanted.size > 8) this.readingsWanted.delete(this.readingsWanted.keys().next().value!);
    this.backend.history({ id: this.readingsId, from: Math.floor(fromTs), to: Math.ceil(toTs), kinds: ['readings'], sensors: [sensor] });
  }

  /** A history answer (from the live connection, or the backend). */
  acceptHistory(m: HistoryResultMessage): void {
    if (m.zone !== this.o.zone) return;
    const wanted = this.readingsWanted.get(m.id);
    if (wanted) {
      this.readingsWanted.delete(m.id);
      wanted.done(m.readings?.[wanted.sensor] ?? []);
      return;
    }
    if (m.id === this.historyId) {
      this.awaitingHistory = false;
      this.clearHistoryTimer();
    }
    if (m.range) this.range = m.range;
    for (const e of m.events) this.events.set(`${e.ts}|${e.kind}|${String(e.detail.id ?? '')}|${String(e.detail.status ?? e.detail.level ?? '')}`, e);
    // The next poll starts where this one ended; a truncated answer is asked again from its last event.
    const lastEvent = m.events[m.events.length - 1];
    this.eventsTo = m.truncated && lastEvent ? lastEvent.ts : m.to;
    if (this.range) {
      for (const [k, e] of this.events) if (e.ts < this.range.fromTs) this.events.delete(k);
    }
    // A week's recording of a busy zone holds tens of thousands of events: keep the newest (the
    // map is in arrival order, and polls arrive in time order); the slider shows MAX_TICKS anyway.
    for (const k of this.events.keys()) {
      if (this.events.size <= MAX_TIMELINE_EVENTS) break;
      this.events.delete(k);
    }
    this.ticks = timelineTicks([...this.events.values()]);
    this.changed();
  }

  private changed(): void {
    const s = this.summary();
    const l = this.last;
    if (s.available === l.available && s.mode === l.mode && s.playing === l.playing && s.speed === l.speed && s.loading === l.loading
      && s.epoch === l.epoch && s.error === l.error && s.ticks === l.ticks && s.range?.fromTs === l.range?.fromTs
      && Math.abs((s.range?.toTs ?? 0) - (l.range?.toTs ?? 0)) < 1000 && Math.abs((s.atMs ?? 0) - (l.atMs ?? 0)) < 250 && (s.atMs === null) === (l.atMs === null)) return;
    this.last = s;
    this.o.onChange?.(s);
  }
}
