/**
 * The sample instants of a run and the sun at each. The window is cut into steps of `stepMin` and
 * each step is sampled at its midpoint, so a receiver lit for the whole window scores exactly the
 * window's length and each light/shade transition costs at most half a step either way.
 */
import type { Profile } from './profiles';
import { sunPosition } from './solarPosition';
import { standardDay } from './solarTerms';
import { trueSolarToUtc, type YmdDate } from './solarTime';

export interface SunSteps {
  /** The standard day (Beijing date) of the profile's term in the analysed year. */
  day: YmdDate;
  /** UTC ms of each sample. */
  times: number[];
  /** True solar time of each sample, hours. */
  tstHours: number[];
  /** Unit vectors towards the apparent sun, ENU, three per sample. */
  dirs: Float64Array;
  /** Apparent altitude of each sample, radians. */
  altitudes: Float64Array;
  stepMin: number;
}

export function sunSteps(profile: Pick<Profile, 'term' | 'windowStartTst' | 'windowEndTst' | 'stepMin'>, year: number, latDeg: number, lonDeg: number): SunSteps {
  const day = standardDay(year, profile.term);
  const spanMin = (profile.windowEndTst - profile.windowStartTst) * 60;
  const n = Math.max(0, Math.round(spanMin / profile.stepMin));
  // A window that the step does not divide is counted in whole steps from its start.
  const times: number[] = [];
  const tstHours: number[] = [];
  const dirs = new Float64Array(3 * n);
  const altitudes = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const tst = profile.windowStartTst + ((k + 0.5) * profile.stepMin) / 60;
    const utc = trueSolarToUtc(day, tst, lonDeg);
    const s = sunPosition(utc, latDeg, lonDeg);
    times.push(utc);
    tstHours.push(tst);
    dirs[3 * k] = s.directionEnu[0];
    dirs[3 * k + 1] = s.directionEnu[1];
    dirs[3 * k + 2] = s.directionEnu[2];
    altitudes[k] = s.altitudeRad;
  }
  return { day, times, tstHours, dirs, altitudes, stepMin: profile.stepMin };
}
