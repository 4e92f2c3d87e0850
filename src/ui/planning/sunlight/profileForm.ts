/**
 * The rule profile's form, pure: which parameters it shows (all of them: local rules differ, so a
 * planner must see and may change every one), their input ranges, and the validation of a
 * profile with overrides by the engine's own schema (profiles.ts), mapped to per-field problems
 * the panel can translate.
 */
import { PROFILES, isProfileId, profileSchema, type Profile, type ProfileId } from '../../../analysis/sunlight/profiles';
import type { ProfileOverrides } from '../../../state/sunlightSlice';

export type ParamKey = Exclude<keyof Profile, 'id' | 'name' | 'source'>;

export type ProfileField =
  | { key: 'term'; kind: 'term' }
  | { key: 'mode'; kind: 'mode' }
  | { key: 'windowStartTst' | 'windowEndTst'; kind: 'tst' }
  | { key: Exclude<ParamKey, 'term' | 'mode' | 'windowStartTst' | 'windowEndTst'>; kind: 'number'; unit: 'h' | 'min' | 'm'; min: number; max: number; step: number };

/** In the order a rule states them: day, window, counting, threshold, then geometry. */
export const PROFILE_FIELDS: readonly ProfileField[] = [
  { key: 'term', kind: 'term' },
  { key: 'windowStartTst', kind: 'tst' },
  { key: 'windowEndTst', kind: 'tst' },
  { key: 'mode', kind: 'mode' },
  { key: 'minHours', kind: 'number', unit: 'h', min: 0, max: 24, step: 0.25 },
  { key: 'minSegmentMin', kind: 'number', unit: 'min', min: 0, max: 240, step: 1 },
  { key: 'stepMin', kind: 'number', unit: 'min', min: 0.1, max: 1, step: 0.1 },
  { key: 'sillHeightM', kind: 'number', unit: 'm', min: 0, max: 10, step: 0.1 },
  { key: 'windowWidthM', kind: 'number', unit: 'm', min: 0, max: 20, step: 0.1 },
  { key: 'floorHeightM', kind: 'number', unit: 'm', min: 0.5, max: 20, step: 0.1 },
];

export const PARAM_KEYS: readonly ParamKey[] = PROFILE_FIELDS.map((f) => f.key);
export const TERM_OPTIONS = ['dahan', 'dongzhi', 'xiazhi', 'chunfen', 'qiufen'] as const;
export const MODE_OPTIONS = ['cumulative', 'continuous'] as const;

/** 'range': outside its limits or not a number; 'order': the window ends before it starts; 'exceeds': more hours than the window holds. */
export type FieldProblem = 'range' | 'order' | 'exceeds' | 'choice';

export interface ProfileCheck {
  /** The resolved profile, or null while any field is invalid. */
  profile: Profile | null;
  problems: Partial<Record<ParamKey, FieldProblem>>;
  /** Override keys that are no parameter of a profile (from an old or hand-made link). */
  unknown: string[];
}

export function isParamKey(k: string): k is ParamKey {
  return (PARAM_KEYS as readonly string[]).includes(k);
}

export function checkProfile(id: string, overrides: ProfileOverrides): ProfileCheck {
  const base: Profile | undefined = isProfileId(id) ? PROFILES[id] : undefined;
  const unknown = Object.keys(overrides).filter((k) => !isParamKey(k));
  if (!base) return { profile: null, problems: {}, unknown };
  const known = Object.fromEntries(Object.entries(overrides).filter(([k]) => isParamKey(k)));
  const r = profileSchema.safeParse({ ...base, ...known });
  if (r.success) return { profile: r.data, problems: {}, unknown };
  const problems: Partial<Record<ParamKey, FieldProblem>> = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!isParamKey(key) || problems[key]) continue;
    problems[key] =
      issue.code === 'custom' ? (key === 'windowEndTst' ? 'order' : 'exceeds')
      : issue.code === 'invalid_value' ? 'choice'
      : 'range';
  }
  return { profile: null, problems, unknown };
}

/** The profile's value of a parameter with its override applied (what the form shows). */
export function paramValue(id: ProfileId, overrides: ProfileOverrides, key: ParamKey): number | string {
  return overrides[key] ?? PROFILES[id][key];
}

/** "08:00" for 8 h; hours outside 0..24 are clamped (a form shows what it can). */
export function tstText(hours: number): string {
  const m = Math.round(Math.min(24, Math.max(0, Number.isFinite(hours) ? hours : 0)) * 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "08:30" → 8.5; null for anything else. */
export function parseTst(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]), min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return h + min / 60;
}

/** The parameters as label/value pairs, in form order (CSV and report). */
export function paramPairs(p: Profile): [ParamKey, string][] {
  return PROFILE_FIELDS.map((f) => [f.key, f.kind === 'tst' ? tstText(p[f.key]) : String(p[f.key])]);
}
