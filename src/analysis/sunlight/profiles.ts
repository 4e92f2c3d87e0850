/**
 * Sunlight rule profiles (日照标准). A profile is data: every parameter is shown in the UI and may
 * be overridden, because local rules differ in standard day, time window, window method and
 * counting. Every result computed with any of them is 方案参考，非报建结论 — a reference for scheme
 * design, not a statutory finding; the binding check is the one filed with the approval authority.
 *
 * Sources:
 * - GB 50180-2018 城市居住区规划设计标准 §4.0.9 and Table 4.0.9. Shanghai is building climate zone
 *   III with an urban resident population ≥ 500,000: standard day 大寒日, ≥ 2 h, counted within
 *   08:00–16:00 local true solar time; reference point 底层窗台面, the ground-floor window sill,
 *   0.9 m above the indoor floor. §4.0.9 also sets 冬至日 ≥ 2 h for housing for the elderly and
 *   大寒日 ≥ 1 h for new housing in old-district renewal; the table's 冬至日 window is 09:00–15:00.
 * - Shanghai practice (上海市城市规划管理技术规定（土地使用 建筑管理）and its 日照分析 rules): 冬至日
 *   continuous full-window (满窗) sunlight of at least 1 h, 09:00–15:00 true solar time. The
 *   parameters below are the commonly used ones, not a reading of the current text; keep them
 *   editable and check them against the rule in force.
 */
import { z } from 'zod';
import type { SolarTerm } from './solarTerms';

export const SUNLIGHT_LABEL = { zh: '方案参考，非报建结论', en: 'Scheme reference, not a statutory finding' } as const;

export const PROFILE_IDS = ['gb50180-dahan', 'gb50180-elderly-dongzhi', 'gb50180-renewal-dahan', 'shanghai-dongzhi-continuous'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const TERMS = ['dahan', 'dongzhi', 'xiazhi', 'chunfen', 'qiufen'] as const satisfies readonly SolarTerm[];

export const profileSchema = z
  .object({
    /** Built-in id, or any id for a user-defined profile. */
    id: z.string().min(1),
    name: z.object({ zh: z.string(), en: z.string() }),
    /** Where the parameters come from (shown beside the result). */
    source: z.object({ zh: z.string(), en: z.string() }),
    /** 日照标准日, computed as the solar term of the analysed year. */
    term: z.enum(TERMS),
    /** 有效日照时间带, local true solar time, hours. */
    windowStartTst: finite.min(0).max(24),
    windowEndTst: finite.min(0).max(24),
    /** cumulative: 累计 (sum of segments ≥ minSegmentMin); continuous: 连续 (the longest segment). */
    mode: z.enum(['cumulative', 'continuous']),
    minHours: finite.min(0).max(24),
    /** Shortest lit segment that counts towards a cumulative total, minutes. */
    minSegmentMin: finite.min(0).max(240),
    /** Time step, minutes: at most 1 so the result is exact to within a minute. */
    stepMin: finite.gt(0).max(1),
    /** Height of the reference point (窗台面) above the storey's floor, metres. */
    sillHeightM: finite.min(0).max(10),
    /** 满窗: both window edges (and the centre) must be lit; 0 = the centre point only. */
    windowWidthM: finite.min(0).max(20),
    /** Storey height when a building's floors are unknown, metres. */
    floorHeightM: finite.gt(0).max(20),
  })
  .refine((p) => p.windowEndTst > p.windowStartTst, { message: 'windowEndTst must be after windowStartTst', path: ['windowEndTst'] })
  .refine((p) => p.minHours <= p.windowEndTst - p.windowStartTst, { message: 'minHours exceeds the time window', path: ['minHours'] });

export type Profile = z.infer<typeof profileSchema>;

const GB = { zh: 'GB 50180-2018 §4.0.9、表 4.0.9（Ⅲ 气候区，城区常住人口 ≥ 50 万）', en: 'GB 50180-2018 §4.0.9, Table 4.0.9 (climate zone III, urban population ≥ 500,000)' };
const COMMON = { sillHeightM: 0.9, floorHeightM: 3, stepMin: 1 } as const;

export const PROFILES: Record<ProfileId, Profile> = {
  'gb50180-dahan': {
    id: 'gb50180-dahan',
    name: { zh: '国标 大寒日 ≥ 2 h（累计）', en: 'GB 50180: Dahan ≥ 2 h cumulative' },
    source: GB,
    term: 'dahan', windowStartTst: 8, windowEndTst: 16, mode: 'cumulative', minHours: 2, minSegmentMin: 5, windowWidthM: 0, ...COMMON,
  },
  'gb50180-elderly-dongzhi': {
    id: 'gb50180-elderly-dongzhi',
    name: { zh: '国标 老年人居住建筑 冬至日 ≥ 2 h', en: 'GB 50180: housing for the elderly, Dongzhi ≥ 2 h' },
    source: { zh: `${GB.zh}；老年人居住建筑`, en: `${GB.en}; housing for the elderly` },
    term: 'dongzhi', windowStartTst: 9, windowEndTst: 15, mode: 'cumulative', minHours: 2, minSegmentMin: 5, windowWidthM: 0, ...COMMON,
  },
  'gb50180-renewal-dahan': {
    id: 'gb50180-renewal-dahan',
    name: { zh: '国标 旧区改建新建住宅 大寒日 ≥ 1 h', en: 'GB 50180: old-district renewal, Dahan ≥ 1 h' },
    source: { zh: `${GB.zh}；旧区改建项目内新建住宅`, en: `${GB.en}; new housing in old-district renewal` },
    term: 'dahan', windowStartTst: 8, windowEndTst: 16, mode: 'cumulative', minHours: 1, minSegmentMin: 5, windowWidthM: 0, ...COMMON,
  },
  // Commonly used Shanghai parameters (上海市城市规划管理技术规定 practice), 方案参考: editable.
  'shanghai-dongzhi-continuous': {
    id: 'shanghai-dongzhi-continuous',
    name: { zh: '上海 冬至日 满窗连续 ≥ 1 h', en: 'Shanghai: Dongzhi, continuous full-window ≥ 1 h' },
    source: { zh: '上海市城市规划管理技术规定（常用参数，方案参考）', en: 'Shanghai planning technical regulations (commonly used parameters, scheme reference)' },
    term: 'dongzhi', windowStartTst: 9, windowEndTst: 15, mode: 'continuous', minHours: 1, minSegmentMin: 0, windowWidthM: 1.5, ...COMMON,
  },
};

export const DEFAULT_PROFILE_ID: ProfileId = 'gb50180-dahan';

export function isProfileId(v: unknown): v is ProfileId {
  return typeof v === 'string' && (PROFILE_IDS as readonly string[]).includes(v);
}

export type ProfileOverrides = Partial<Omit<Profile, 'id'>>;

/**
 * A built-in profile with the user's overrides, validated: a bad override (a step of 5 min, a
 * window that ends before it starts) throws a ZodError naming the field, never a silent default.
 */
export function resolveProfile(id: string, overrides: ProfileOverrides = {}): Profile {
  if (!isProfileId(id)) throw new RangeError(`unknown sunlight profile "${id}" (known: ${PROFILE_IDS.join(', ')})`);
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return profileSchema.parse({ ...PROFILES[id], ...defined });
}
