/**
 * The standard days of sunlight rules are solar terms (节气), not fixed calendar dates: the day on
 * which the sun's apparent geocentric ecliptic longitude (true equinox of date, with aberration)
 * reaches the term's angle. The Chinese calendar dates a term by the Beijing-time (UTC+8) day
 * that holds that instant, so 冬至 falls on Dec 21 in some years and Dec 22 in others.
 */
import { AstroTime, SearchSunLongitude } from 'astronomy-engine';
import { beijingDate, BEIJING_OFFSET_MS, type YmdDate } from './solarTime';

export type SolarTerm = 'dahan' | 'dongzhi' | 'xiazhi' | 'chunfen' | 'qiufen';

/** Apparent ecliptic longitude of each term, degrees. */
export const SOLAR_TERM_LONGITUDE_DEG: Record<SolarTerm, number> = {
  chunfen: 0, // 春分, ~Mar 20
  xiazhi: 90, // 夏至, ~Jun 21
  qiufen: 180, // 秋分, ~Sep 23
  dongzhi: 270, // 冬至, ~Dec 22
  dahan: 300, // 大寒, ~Jan 20
};

export const SOLAR_TERM_NAMES: Record<SolarTerm, { zh: string; en: string }> = {
  chunfen: { zh: '春分', en: 'Spring equinox' },
  xiazhi: { zh: '夏至', en: 'Summer solstice' },
  qiufen: { zh: '秋分', en: 'Autumn equinox' },
  dongzhi: { zh: '冬至', en: 'Winter solstice' },
  dahan: { zh: '大寒', en: 'Major Cold (Dahan)' },
};

export function isSolarTerm(v: unknown): v is SolarTerm {
  return typeof v === 'string' && Object.hasOwn(SOLAR_TERM_LONGITUDE_DEG, v);
}

/**
 * The instant (UTC ms) of the term in the given Beijing calendar year. Each of these five terms
 * occurs once per calendar year, and none within weeks of New Year, so the first crossing after
 * Jan 1 00:00 Beijing time is the one.
 */
export function solarTermUtc(year: number, term: SolarTerm): number {
  if (!Number.isInteger(year) || year < 1700 || year > 2200) throw new RangeError(`solarTermUtc: year ${year} is outside 1700–2200`);
  if (!isSolarTerm(term)) throw new RangeError(`solarTermUtc: unknown term ${String(term)}`);
  const start = new AstroTime(new Date(Date.UTC(year, 0, 1) - BEIJING_OFFSET_MS));
  const t = SearchSunLongitude(SOLAR_TERM_LONGITUDE_DEG[term], start, 366);
  if (!t) throw new Error(`solarTermUtc: no ${term} found in ${year}`);
  return t.date.getTime();
}

/** The Beijing calendar date of the term: the standard day (日照标准日) of a rule. */
export function standardDay(year: number, term: SolarTerm): YmdDate {
  return beijingDate(solarTermUtc(year, term));
}
