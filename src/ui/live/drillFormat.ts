/**
 * Text for drill timings: elapsed time and expected spans, in the UI language. Pure, so the
 * rounding is tested without a DOM; short spans read in seconds, longer ones in minutes.
 */
import type { Language } from '../../state/viewSlice';

/** "2:05" style for elapsed time; hours when a drill has run that long. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const p = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${p(m)}:${p(r)}` : `${m}:${p(r)}`;
}

/** An expected span such as "8–11 分钟" / "8–11 min" or "17–21 秒" / "17–21 s"; "立即" / "at once" below a second. */
export function formatSpan(lo: number, hi: number, lang: Language): string {
  if (hi < 1) return lang === 'zh' ? '立即' : 'at once';
  const useMin = hi >= 120;
  const k = useMin ? 60 : 1;
  const a = Math.max(useMin ? 1 : 0, Math.round(lo / k)), b = Math.max(1, Math.round(hi / k));
  const n = a === b ? String(b) : `${a}–${b}`;
  if (lang === 'zh') return `${n} ${useMin ? '分钟' : '秒'}`;
  return `${n} ${useMin ? 'min' : 's'}`;
}
