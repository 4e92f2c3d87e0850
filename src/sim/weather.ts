/**
 * Rain intensity over time. A rainstorm ramps up over 5 minutes to its peak (80 mm/h is a Shanghai
 * 暴雨 short-duration intensity), holds, then eases off; the rest of the time it is dry.
 */
export interface Storm {
  startS: number;
  peakMmH: number;
  rampS: number;
  holdS: number;
  easeS: number;
}

export const DEFAULT_STORM = { peakMmH: 80, rampS: 300, holdS: 2400, easeS: 900 } as const;

export class Weather {
  private storms: Storm[] = [];

  startStorm(tS: number, peakMmH: number = DEFAULT_STORM.peakMmH): void {
    this.storms.push({ startS: tS, peakMmH, rampS: DEFAULT_STORM.rampS, holdS: DEFAULT_STORM.holdS, easeS: DEFAULT_STORM.easeS });
  }

  rainMmH(tS: number): number {
    let rain = 0;
    for (const st of this.storms) {
      const t = tS - st.startS;
      if (t < 0) continue;
      let r = 0;
      if (t < st.rampS) r = st.peakMmH * (t / st.rampS);
      else if (t < st.rampS + st.holdS) r = st.peakMmH;
      else if (t < st.rampS + st.holdS + st.easeS) r = st.peakMmH * (1 - (t - st.rampS - st.holdS) / st.easeS);
      rain = Math.max(rain, r);
    }
    this.storms = this.storms.filter((st) => tS - st.startS < st.rampS + st.holdS + st.easeS);
    return rain;
  }

  /** Drivers slow down in heavy rain (about −20 % at 50 mm/h and above). */
  static speedFactor(rainMmH: number): number {
    return 1 - 0.2 * Math.min(1, rainMmH / 50);
  }
}
