/**
 * Time-of-day travel demand, 0..1 relative to the weekday evening peak. The hourly shape follows
 * the usual Shanghai weekday pattern (a sharp 8 am peak, a flatter midday, a longer 5–7 pm peak);
 * weekends lose the commuter peaks and gain a midday-to-evening leisure plateau.
 */
import { isWeekend, localHourOfDay } from './simTime';

const WEEKDAY = [0.1, 0.06, 0.05, 0.05, 0.07, 0.15, 0.38, 0.78, 1.0, 0.82, 0.62, 0.58, 0.6, 0.58, 0.58, 0.64, 0.78, 0.96, 1.0, 0.82, 0.62, 0.46, 0.3, 0.18];
const WEEKEND = [0.14, 0.09, 0.06, 0.05, 0.05, 0.08, 0.16, 0.3, 0.48, 0.62, 0.72, 0.76, 0.74, 0.74, 0.76, 0.78, 0.8, 0.8, 0.78, 0.72, 0.62, 0.5, 0.36, 0.22];

function interpolate(table: readonly number[], hour: number): number {
  // Values are hour-centred, so interpolate between h-0.5 and h+0.5 for a smooth curve.
  const h = hour - 0.5;
  const i0 = Math.floor(h);
  const t = h - i0;
  const a = table[((i0 % 24) + 24) % 24]!;
  const b = table[(((i0 + 1) % 24) + 24) % 24]!;
  return a + (b - a) * t;
}

export function trafficDemand(simMs: number): number {
  return interpolate(isWeekend(simMs) ? WEEKEND : WEEKDAY, localHourOfDay(simMs));
}

/** Night-time temperature inversion traps pollutants near the ground (peaks ~ 2–6 am). */
export function inversionFactor(simMs: number): number {
  const h = localHourOfDay(simMs);
  const d = Math.min(Math.abs(h - 4), 24 - Math.abs(h - 4));
  return Math.max(0, 1 - d / 5);
}

/** Riverside leisure parking demand: lunch and evening strolls, stronger at weekends. */
export function leisureParkingDemand(simMs: number): number {
  const h = localHourOfDay(simMs);
  const bump = (c: number, w: number) => Math.exp(-((h - c) ** 2) / (2 * w * w));
  const base = 0.15 + 0.45 * bump(12.5, 1.8) + 0.6 * bump(19.5, 2.0);
  return Math.min(1, base * (isWeekend(simMs) ? 1.25 : 0.85));
}

/** Office/industrial parking (Anting auto city): fills by 9 am, empties after 6 pm. */
export function workParkingDemand(simMs: number): number {
  if (isWeekend(simMs)) return 0.25;
  const h = localHourOfDay(simMs);
  const rise = 1 / (1 + Math.exp(-(h - 8.3) * 2.5));
  const fall = 1 / (1 + Math.exp((h - 18.3) * 2.0));
  return 0.1 + 0.8 * rise * fall;
}

/** EV charging: evening/overnight home charging plus a smaller midday fleet top-up. */
export function chargingDemand(simMs: number): number {
  const h = localHourOfDay(simMs);
  const bump = (c: number, w: number) => Math.exp(-(Math.min(Math.abs(h - c), 24 - Math.abs(h - c)) ** 2) / (2 * w * w));
  return Math.min(1, 0.15 + 0.55 * bump(22, 3) + 0.35 * bump(12.5, 1.5));
}
