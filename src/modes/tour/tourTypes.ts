/**
 * Types of the guided camera tour (大屏 and kiosk). Plain data only, so tours can come from scene
 * or config JSON and the machine can be driven in Node tests.
 */
import type { AlertSeverity } from '../../analysis/alerts/types';

export type { AlertSeverity };

/**
 * A camera pose in the zone's local ENU frame, metres [east, north, up]. Same shape as the view
 * store's CameraPose, so a pose can be handed to flyToPose without conversion.
 */
export interface TourPose {
  position: [number, number, number];
  target: [number, number, number];
}

export interface LocalizedText {
  zh: string;
  en: string;
}

interface TourStopBase {
  /** Unique within its tour. */
  id: string;
  /** How long the camera takes to fly here from wherever it is. */
  flightMs: number;
  /** How long the camera stays once it has arrived. */
  dwellMs: number;
  caption: LocalizedText;
}

/**
 * A stop names either an explicit pose or one of its zone's scene viewpoints; the view resolves a
 * viewpoint id against the zone it switches to (resolveStopPose), since the machine knows no scene.
 */
export type TourStop =
  | (TourStopBase & { pose: TourPose; viewpointId?: undefined })
  | (TourStopBase & { viewpointId: string; pose?: undefined });

export interface Tour {
  id: string;
  /** The zone whose ENU frame the stops' poses are in. */
  zone: string;
  stops: readonly TourStop[];
  /** After the last stop, start again at the first; otherwise the tour ends and pauses there. */
  loop: boolean;
}

/**
 * Several zones' tours played one after another: after the last stop of one tour comes the first
 * stop of the next. Each tour's own `loop` is ignored here; the carousel's `loop` (default true)
 * decides what follows the last tour.
 */
export interface TourCarousel {
  tours: readonly Tour[];
  loop?: boolean;
}

export type TourProgram = Tour | TourCarousel;

export interface TourAlert {
  id: string;
  severity: AlertSeverity;
  /** Where to look at the asset; without it the view keeps the camera and only shows the alert. */
  assetPose?: TourPose;
  /** The asset's zone; absent means the zone the tour is in now. */
  zone?: string;
}

export interface TourOptions {
  /** The least severe alarm that interrupts the tour. Default 'major'. */
  interruptAt?: AlertSeverity;
  /** How long an interrupting alarm holds the camera, from the alarm. Default 30 s. */
  holdMs?: number;
  /** Flight time to an alarmed asset. Default 2 s. */
  alarmFlightMs?: number;
}

/** Why a fly command was issued: the view may, for instance, cut instead of fly on 'start'. */
export type TourFlyReason = 'start' | 'advance' | 'resume' | 'skip';

/**
 * What the view should do, returned once by the call that caused it; the view applies it and
 * forgets it. The machine never repeats a command, so a dropped one is not re-sent.
 */
export type TourCommand =
  | {
      kind: 'fly';
      reason: TourFlyReason;
      tourId: string;
      zone: string;
      /** The stop's index in its tour. */
      step: number;
      stop: TourStop;
      durationMs: number;
    }
  | {
      kind: 'flyToAlert';
      alert: TourAlert;
      /** Null: no asset pose, keep the camera where it is and show the alert. */
      pose: TourPose | null;
      zone: string;
      durationMs: number;
    }
  /** Stop any camera animation where it is (manual pause). */
  | { kind: 'hold' }
  /** A tour without loop has finished its last stop; the camera stays there. */
  | { kind: 'end' };

export type TourPlayState = 'playing' | 'paused' | 'interrupted';

/** Plain data for the test hook and the HUD. */
export interface TourSnapshot {
  /** The current tour's id. */
  id: string;
  /** The current stop's index in that tour. */
  step: number;
  stopId: string;
  state: TourPlayState;
  interruptedBy: string | null;
  zone: string;
}
