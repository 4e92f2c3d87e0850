/**
 * How long each drill takes to show, and how long it runs, in simulated seconds after it is
 * triggered. Measured on the three shipped zones with the default seed and pinned by
 * tests/unit/sim/drillTimings.test.ts; the README's drill table and the scenario panel read the
 * same numbers, so the panel never promises an alarm the simulator will not deliver.
 *
 * The rainstorm follows real magnitudes (80 mm/h after a 5-minute ramp, pumps draining 0.6 cm/min),
 * so an underpass needs about a quarter of an hour of simulated rain to reach its alarm level:
 * at 1× that is a quarter of an hour of waiting, at 60× about 20 seconds.
 */
import type { ScenarioName } from '../types';

export interface DrillMilestone {
  /** i18n key under live.scenario.milestone. */
  key: string;
  /** Simulated seconds after the trigger, [earliest, latest] over the shipped zones. */
  simS: readonly [number, number];
  /**
   * Wall-clock floor, s: effects that wait on a client staleness window cannot come sooner than
   * that window's floor (SensorBuffer: 30 s), however fast the simulator runs.
   */
  wallFloorS?: number;
}

export interface DrillTiming {
  milestones: readonly DrillMilestone[];
  /** How long the drill runs, simulated seconds (the storm, the fault, the crash until cleared). */
  durationS: number;
}

/** Staleness floor of a sensor in the client, seconds (SensorBuffer's MIN_SENSOR_STALE_MS). */
const STALE_FLOOR_S = 30;

export const DRILL_TIMINGS: Record<ScenarioName, DrillTiming> = {
  rainstorm: {
    milestones: [
      { key: 'waterWarning', simS: [480, 660] },
      { key: 'waterAlarm', simS: [960, 1260] },
    ],
    // Ramp 5 min + hold 40 min + ease 15 min (sim/weather.ts); the water then drains for hours.
    durationS: 3600,
  },
  crash: {
    milestones: [
      { key: 'incident', simS: [0, 1] },
      { key: 'cleared', simS: [1500, 3000] },
    ],
    durationS: 3000,
  },
  'sensor-silent': {
    // Offline once three 60 s reports are missed, counted from the last report before the trigger.
    milestones: [{ key: 'offline', simS: [120, 180], wallFloorS: STALE_FLOOR_S }],
    durationS: 3600,
  },
  'rsu-fail': {
    milestones: [
      { key: 'incident', simS: [0, 1] },
      { key: 'rsuReading', simS: [0, 30] },
    ],
    durationS: 3600,
  },
};

/** Wall seconds until a milestone at a simulator speed, [earliest, latest]. */
export function milestoneWallS(m: DrillMilestone, timeScale: number): [number, number] {
  const x = timeScale > 0 ? timeScale : 1;
  const floor = m.wallFloorS ?? 0;
  return [Math.max(floor, m.simS[0] / x), Math.max(floor, m.simS[1] / x)];
}
