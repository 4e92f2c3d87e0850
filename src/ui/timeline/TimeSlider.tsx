/**
 * The time slider, in every mode: spans the recorded range with live at the right end; drag (mouse
 * or touch) or arrow keys to scrub, play/pause, speed, previous/next alert, back to live. Alarms,
 * incidents and drills are ticks; a tick jumps there and flies to its asset. While the past is
 * shown a 回放 banner with the replayed time says so across the picture (ReplayBanner).
 *
 * Scrubbing asks for the state at the pointer at most every SCRUB_EVERY_MS while dragging and once
 * more on release, so a long drag does not queue dozens of seeks.
 */
import { useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EnuFrame } from '../../core/geodesy';
import { adjacentTick, TICK_JUMP_AFTER_MS, type TimelineTick } from '../../feed/replay/timelineTicks';
import { REPLAY_SPEEDS } from '../../feed/replay/TimeMachine';
import type { Scene } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { formatClock, formatDateTime } from '../live/format';
import { fractionOf, keyStep, LIVE_SNAP_FRACTION, timeAtPointer } from './sliderModel';
import './timeline.css';

const SCRUB_EVERY_MS = 200;

export function TimeSlider({ scene, variant }: { scene: Scene; variant: 'planner' | 'screen' | 'kiosk' }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const tm = useAppStore((s) => s.timeMachine);
  const control = useAppStore((s) => s.timeMachineControl);
  const trackRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<number | null>(null);
  const lastScrub = useRef(0);
  const frame = useMemo(() => new EnuFrame(scene.origin), [scene]);

  if (!control || !tm.available || !tm.range) return null;
  const range = tm.range;
  const replay = tm.mode === 'replay';
  const at = drag ?? tm.atMs ?? range.toTs;
  const thumb = fractionOf(at, range);

  const whatOf = (k: TimelineTick) => (k.assetKind === 'sensor'
    ? t(`live.sensorType.${k.type}`, { defaultValue: k.type })
    : k.assetKind === 'incident' ? t(`live.incidentType.${k.type}`, { defaultValue: k.type }) : t(`live.scenario.names.${k.type}`, { defaultValue: k.type }));

  const jumpTo = (k: TimelineTick) => {
    control.seek(k.ts + TICK_JUMP_AFTER_MS, false);
    if (k.lonDeg === null || k.latDeg === null || !k.assetKind) return;
    const [x, y] = frame.lonLatToEnu(k.lonDeg, k.latDeg);
    store.getState().flyToTarget([x, y, 0], 180);
    store.getState().selectLive({ kind: k.assetKind, id: k.id });
  };

  const seekAtPointer = (clientX: number, final: boolean) => {
    const el = trackRef.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    const ts = timeAtPointer(clientX, box.left, box.width, range);
    setDrag(final ? null : ts);
    if (final && fractionOf(ts, range) >= 1 - LIVE_SNAP_FRACTION) {
      control.live();
      return;
    }
    const now = performance.now();
    if (final || now - lastScrub.current >= SCRUB_EVERY_MS) {
      lastScrub.current = now;
      control.seek(ts, final ? tm.playing : false);
    }
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    seekAtPointer(e.clientX, false);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (drag !== null) seekAtPointer(e.clientX, false);
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (drag !== null) seekAtPointer(e.clientX, true);
  };

  const prev = adjacentTick(tm.ticks, at, -1);
  const next = adjacentTick(tm.ticks, at, 1);
  // What the in-memory recording reaches depends on the zone's data rate: say what it holds.
  const sourceNote = tm.source === 'memory' ? t('timeline.sourceMemory', { minutes: Math.max(1, Math.round((range.toTs - range.fromTs) / 60_000)) }) : t('timeline.sourceServer');

  return (
    <div className={`st-timeline st-timeline--${variant}${replay ? ' st-timeline--replay' : ''}`} data-testid="time-slider" data-mode={tm.mode}
      data-at={tm.atMs ?? ''} data-from={range.fromTs} data-to={range.toTs} data-ticks={tm.ticks.length} aria-label={t('timeline.label')} role="group">
      <button type="button" className="st-timeline__btn" data-testid="timeline-prev" disabled={!prev} title={t('timeline.prevAlert')} aria-label={t('timeline.prevAlert')}
        onClick={() => prev && jumpTo(prev)}>«</button>
      <button type="button" className="st-timeline__btn" data-testid="timeline-play" aria-label={tm.playing ? t('timeline.pause') : t('timeline.play')}
        title={tm.playing ? t('timeline.pause') : t('timeline.play')}
        onClick={() => (tm.playing ? control.pause() : replay ? control.play() : control.seek(Math.max(range.fromTs, range.toTs - 60_000), true))}>
        {tm.playing ? '⏸' : '▶'}
      </button>
      <button type="button" className="st-timeline__btn" data-testid="timeline-next" disabled={!next} title={t('timeline.nextAlert')} aria-label={t('timeline.nextAlert')}
        onClick={() => next && jumpTo(next)}>»</button>
      <label className="st-timeline__speed">
        <span className="st-visually-hidden">{t('timeline.speed')}</span>
        <select value={tm.speed} data-testid="timeline-speed" aria-label={t('timeline.speed')} onChange={(e) => control.setSpeed(Number(e.target.value))}>
          {REPLAY_SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
      </label>
      <div className="st-timeline__track" ref={trackRef} data-testid="timeline-track" role="slider" tabIndex={0}
        aria-label={t('timeline.label')} aria-valuemin={range.fromTs} aria-valuemax={range.toTs} aria-valuenow={at}
        aria-valuetext={replay ? t('timeline.replayAt', { time: formatDateTime(at) }) : t('timeline.live')} title={`${t('timeline.from', { time: formatDateTime(range.fromTs) })} · ${sourceNote}`}
        onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={() => setDrag(null)}
        onKeyDown={(e) => {
          const to = keyStep(e.key, e.shiftKey, at, range);
          if (to === null) return;
          e.preventDefault();
          if (to >= range.toTs && e.key === 'End') control.live();
          else control.seek(to, tm.playing);
        }}>
        <div className="st-timeline__rail" />
        <div className="st-timeline__fill" style={{ width: `${thumb * 100}%` }} />
        {tm.ticks.map((k) => (
          <button key={`${k.ts}-${k.kind}-${k.id}`} type="button" className={`st-timeline__tick st-timeline__tick--${k.kind}`}
            style={{ left: `${fractionOf(k.ts, range) * 100}%` }} data-testid="timeline-tick" data-kind={k.kind} data-ts={k.ts} data-id={k.id}
            title={`${formatClock(k.ts)} ${t(`timeline.tick.${k.kind}`, { what: whatOf(k) })}`} aria-label={`${formatClock(k.ts)} ${t(`timeline.tick.${k.kind}`, { what: whatOf(k) })}`}
            onPointerDown={(e) => e.stopPropagation()} onClick={() => jumpTo(k)} />
        ))}
        <div className="st-timeline__thumb" style={{ left: `${thumb * 100}%` }} />
      </div>
      <span className="st-timeline__time" data-testid="timeline-time">{replay ? formatClock(at) : t('timeline.live')}</span>
      <button type="button" className={`st-timeline__live${replay ? '' : ' st-timeline__live--on'}`} data-testid="timeline-live" disabled={!replay}
        onClick={() => control.live()}>{replay ? t('timeline.goLive') : `● ${t('timeline.live')}`}</button>
    </div>
  );
}

/** 回放 hh:mm:ss across the picture while the past is shown, in every mode. */
export function ReplayBanner() {
  const { t } = useTranslation();
  const tm = useAppStore((s) => s.timeMachine);
  const control = useAppStore((s) => s.timeMachineControl);
  if (tm.mode !== 'replay') return null;
  return (
    <div className="st-replay-banner" role="status" data-testid="replay-banner" data-at={tm.atMs ?? ''}>
      <strong>{t('timeline.replay')}</strong>
      <span className="st-replay-banner__time">{tm.atMs !== null ? formatDateTime(tm.atMs) : '…'}</span>
      <span className="st-replay-banner__speed">{tm.playing ? `${tm.speed}×` : t('timeline.pause')}</span>
      {tm.loading && <span>{t('timeline.loading')}</span>}
      {control && <button type="button" data-testid="replay-banner-live" onClick={() => control.live()}>{t('timeline.goLive')}</button>}
    </div>
  );
}
