/**
 * Runs the big screen's camera tour: one TourMachine per tour program (the zone's tour, or a
 * carousel of zones), its clock, its alarms and its operator keys. The machine is pure; this hook
 * owns the clock (a 250 ms interval calling tick), carries its commands out on the store
 * (applyTourCommand), feeds it the alert engine's raises and acknowledgements (watchAlarms), and
 * reports its snapshot to modeRuntime.tour for the test hook and to the HUD.
 *
 * The machine survives zone changes inside a carousel (it is keyed by the program, not by the
 * scene shown), so the tour carries on in the next zone where it left off.
 *
 * Keys (tourKeys.ts): Space pauses or resumes, arrows step, A acknowledges the focused alarm
 * through the alerts slice, so the audit log records it under the operator on duty, exactly as
 * the planner's alert list does.
 *
 * A video-wall follower runs no tour of its own: its leader moves the camera (modes/wall), and the
 * HUD shows the leader's tour position, as the wall sync reports it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { takeTourResume } from '../../runtime/resumeState';
import { trackInterval, trackListener } from '../../runtime/tracked';
import type { Scene } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import type { AppStore } from '../../state/store';
import { DEFAULT_INTERRUPT_AT, TourMachine } from '../tour/tourMachine';
import { tourKeyAction, type TourKeyAction } from '../tour/tourKeys';
import type { LocalizedText, TourCommand, TourOptions, TourSnapshot } from '../tour/tourTypes';
import { EMPTY_ALARM_MEMORY, watchAlarms } from './alarmWatch';
import { applyTourCommand } from './applyTourCommand';
import { leaderTourView, programKey, screenProgram } from './screenTour';
import { focusedAlertId, tickerAlerts } from './tickerOrder';

/** The shell's clock period: a stop's dwell ends at most this late, and the countdown stays smooth. */
export const TOUR_TICK_MS = 250;

export interface TourHud {
  snapshot: TourSnapshot | null;
  /** Stops in the current tour, for "stop n of m". */
  stops: number;
  caption: LocalizedText | null;
  /** The alert holding the camera. */
  alarmId: string | null;
  /** Whole seconds left of the alarm's hold; null when no alarm holds the camera. */
  holdLeftS: number | null;
  /** This screen runs the tour and takes its keys (false on a wall follower, which shows its leader's). */
  local: boolean;
}

export type TourControls = Record<TourKeyAction, () => void>;

const NO_TOUR: TourHud = { snapshot: null, stops: 0, caption: null, alarmId: null, holdLeftS: null, local: true };

function sameHud(a: TourHud, b: TourHud): boolean {
  return a.snapshot === b.snapshot && a.stops === b.stops && a.caption === b.caption && a.alarmId === b.alarmId && a.holdLeftS === b.holdLeftS;
}

/** Typing into a field (the feed sign-in) must not steer the tour. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function serverNow(store: AppStore, now: number): number {
  return store.getState().feedBuffers?.clock.serverNow(now) ?? now;
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

type Run = (f: (m: TourMachine, now: number) => TourCommand | null) => void;

export function useTourController(scene: Scene, now: () => number = Date.now): { hud: TourHud; controls: TourControls } {
  const store = useAppStoreApi();
  const zones = useAppStore((s) => s.zones);
  const { tourId, carousel, holdMs, alarmAt } = useAppStore((s) => s.modeSettings);
  const follower = useAppStore((s) => s.modeSettings.wall?.role === 'follower');
  const leaderTour = useAppStore((s) => (follower ? s.modeRuntime.wall?.tour ?? null : null));
  const key = programKey({ currentZone: scene.id, tourId, carousel });
  const [hud, setHud] = useState<TourHud>(NO_TOUR);
  const runRef = useRef<Run | null>(null);
  const machineRef = useRef<TourMachine | null>(null);

  useEffect(() => {
    if (follower) return;
    const s0 = store.getState();
    const built = screenProgram({ zones, currentZone: s0.currentZoneId ?? '', tourId, carousel });
    for (const p of built.problems) s0.reportError(p.category, p.source, p.message, now());
    if (!built.program) {
      setHud(NO_TOUR);
      return;
    }
    const options: TourOptions = { interruptAt: alarmAt ?? DEFAULT_INTERRUPT_AT };
    if (holdMs !== null) options.holdMs = holdMs;
    let machine: TourMachine;
    try {
      machine = new TourMachine(built.program, options);
    } catch (e) {
      // Scene tours are validated on load, so this is a program the schema let through: say why.
      s0.reportError('scene', 'tours', (e as Error).message, now());
      return;
    }
    machineRef.current = machine;
    const sceneOf = (zone: string) => store.getState().zones.find((z) => z.id === zone)?.scene ?? null;
    const apply = (cmd: TourCommand | null) => applyTourCommand(store, cmd, sceneOf);

    let lastSnap: TourSnapshot | null = null;
    let lastHud = NO_TOUR;
    const publish = () => {
      const snap = machine.snapshot();
      if (snap !== lastSnap) {
        lastSnap = snap;
        const { id, step, state, interruptedBy, zone } = snap;
        store.getState().setModeRuntime({ tour: { id, step, state, interruptedBy, zone } });
      }
      const left = machine.holdRemainingMs(now());
      const cur = machine.current;
      const next: TourHud = {
        snapshot: snap, stops: cur.tour.stops.length, caption: cur.stop.caption,
        alarmId: machine.interruptingAlert?.id ?? null, holdLeftS: left === null ? null : Math.ceil(left / 1000), local: true,
      };
      if (!sameHud(next, lastHud)) {
        lastHud = next;
        setHud(next);
      }
    };

    const interruptAt = alarmAt ?? DEFAULT_INTERRUPT_AT;
    let memory = EMPTY_ALARM_MEMORY;
    const onAlerts = () => {
      const s = store.getState();
      const changes = watchAlarms(memory, s.alertState.alerts, interruptAt);
      memory = changes.memory;
      const t = now();
      for (const id of changes.acks) apply(machine.ack(id, t));
      const zone = s.currentZoneId;
      for (const a of changes.alarms) apply(machine.alarm(zone ? { id: a.id, severity: a.severity, zone } : { id: a.id, severity: a.severity }, t));
      publish();
    };

    runRef.current = (f) => {
      apply(f(machine, now()));
      publish();
    };
    // After the watchdog reloaded the page softly, the tour carries on at the stop it was at.
    apply(machine.start(now(), takeTourResume(sessionStorageOrNull(), Date.now()) ?? undefined));
    onAlerts();
    const unsubscribe = store.subscribe((n, p) => {
      if (n.alertState !== p.alertState) onAlerts();
    });
    const stopTick = trackInterval(() => {
      apply(machine.tick(now()));
      publish();
    }, TOUR_TICK_MS);
    return () => {
      stopTick();
      unsubscribe();
      runRef.current = null;
      machineRef.current = null;
      store.getState().setModeRuntime({ tour: null });
    };
    // `key` stands for the current zone, tour and carousel: a carousel's own zone changes keep the machine.
  }, [store, key, zones, holdMs, alarmAt, now, follower]);

  const controls = useMemo<TourControls>(() => {
    const run: Run = (f) => runRef.current?.(f);
    return {
      toggle: () => run((m, t) => m.toggle(t)),
      next: () => run((m, t) => m.next(t)),
      prev: () => run((m, t) => m.prev(t)),
      ack: () => {
        const s = store.getState();
        const id = focusedAlertId(machineRef.current?.interruptingAlert?.id ?? null, tickerAlerts(s.alertState.alerts));
        // The alerts slice records who acknowledged; the machine hears of it through the alert list.
        if (id) s.acknowledgeAlert(id, serverNow(store, now()));
      },
    };
  }, [store, now]);

  useEffect(() => {
    if (follower) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const action = tourKeyAction(e.key);
      if (!action) return;
      // Space must not also scroll or press a focused button; a held key must not flip the tour back and forth.
      e.preventDefault();
      if (!e.repeat) controls[action]();
    };
    const onKeyUp = (e: KeyboardEvent) => {
      // A focused button is pressed by Space on key-up; the tour already took that key.
      if (tourKeyAction(e.key) === 'toggle' && !isTyping(e.target)) e.preventDefault();
    };
    const offDown = trackListener(window, 'keydown', onKeyDown as EventListener);
    const offUp = trackListener(window, 'keyup', onKeyUp as EventListener);
    return () => {
      offDown();
      offUp();
    };
  }, [controls, follower]);

  const followed = useMemo<TourHud | null>(() => {
    if (!follower) return null;
    const v = leaderTourView(leaderTour, scene);
    return v ? { ...v, alarmId: null, holdLeftS: null, local: false } : { ...NO_TOUR, local: false };
  }, [follower, leaderTour, scene]);

  return { hud: followed ?? hud, controls };
}
