/**
 * Text of close-up labels. Formatting lives here, outside the frame loop's components, so the
 * layers only decide which labels show; labels are rebuilt a few times per second, not per frame.
 */
/** China has used UTC+8 without daylight saving since 1991 (same as app/shanghaiTime.ts). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** A number with at most `digits` decimals and no trailing zeros. */
export function formatValue(v: number, digits = 1): string {
  if (!Number.isFinite(v)) return '—';
  const f = 10 ** digits;
  return String(Math.round(v * f) / f);
}

/** HH:MM:SS in Asia/Shanghai, whatever the machine's time zone. */
export function clockTime(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Whole minutes until an arrival, at least 0; "<1" reads better than 0 for an approaching bus. */
export function etaMinutes(etaS: number): string {
  if (!Number.isFinite(etaS)) return '—';
  return etaS < 60 ? '<1' : String(Math.round(etaS / 60));
}

/**
 * Units travel on the wire as the feed names them. Symbols (µg/m³, dB(A), cm, %) read the same in
 * both languages; the few word units are translated so a Chinese screen never shows "spaces".
 */
export const WORD_UNITS = ['spaces', 'connectors'] as const;

export function displayUnit(unit: string, t: (key: string) => string): string {
  return (WORD_UNITS as readonly string[]).includes(unit) ? t(`live.unit.${unit}`) : unit;
}
