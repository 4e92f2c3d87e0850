/**
 * Individual AQI for PM2.5 by China's HJ 633-2012 breakpoints (24-hour concentration, µg/m³),
 * linear between breakpoints; above the table the index is capped at 500.
 */
const PM25_BP = [0, 35, 75, 115, 150, 250, 350, 500];
const IAQI_BP = [0, 50, 100, 150, 200, 300, 400, 500];

export function pm25ToAqi(pm25: number): number {
  if (!(pm25 > 0)) return 0;
  for (let i = 1; i < PM25_BP.length; i++) {
    if (pm25 <= PM25_BP[i]!) {
      const c0 = PM25_BP[i - 1]!, c1 = PM25_BP[i]!, a0 = IAQI_BP[i - 1]!, a1 = IAQI_BP[i]!;
      return Math.round(a0 + ((a1 - a0) * (pm25 - c0)) / (c1 - c0));
    }
  }
  return 500;
}
