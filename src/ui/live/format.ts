/** Number and time formatting for the live panels (pure; locale from the UI language). */
import type { Language } from '../../state/viewSlice';

const LOCALE: Record<Language, string> = { zh: 'zh-CN', en: 'en' };
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export function formatNumber(v: number | null | undefined, lang: Language, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);
}

export function formatPercent(share: number | null | undefined, lang: Language, digits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** HH:MM:SS in Asia/Shanghai (the operation centre's clock), whatever the machine's zone. */
export function formatClock(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** MM-DD HH:MM:SS in Asia/Shanghai, for audit entries that may span days. */
export function formatDateTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${formatClock(ms)}`;
}

export function localName(name: { zh: string; en: string } | null | undefined, lang: Language, fallback: string): string {
  return (name && (name[lang] || name.zh || name.en)) || fallback;
}

