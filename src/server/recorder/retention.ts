/**
 * How long and how much the recorder keeps: `--retain 7d` (age) and `--retain-bytes 2GB` (size).
 * Both are limits; the oldest data goes first, one keyframe interval at a time, so what is left
 * always starts at a keyframe and stays seekable.
 */
import type { RecordingStore } from './RecordingStore';

export interface Retention {
  maxAgeMs: number;
  maxBytes: number;
}

export const DEFAULT_RETENTION: Retention = { maxAgeMs: 7 * 86_400_000, maxBytes: 2 * 1024 ** 3 };

const AGE_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };

/** "7d", "36h", "90m", "1w" → ms; an error message for anything else. */
export function parseAge(text: string): number | string {
  const m = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(text.trim());
  if (!m) return `"${text}" is not an age like 7d, 36h or 90m`;
  const ms = Number(m[1]) * AGE_UNITS[m[2]!.toLowerCase()]!;
  if (!(ms >= 60_000)) return `"${text}": keep at least one minute`;
  return ms;
}

/** "2GB", "500MB", "1.5gb" → bytes (powers of 1024); an error message for anything else. */
export function parseBytes(text: string): number | string {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)$/i.exec(text.trim());
  if (!m) return `"${text}" is not a size like 2GB or 500MB`;
  const n = Math.floor(Number(m[1]) * BYTE_UNITS[m[2]!.toLowerCase()]!);
  if (!(n >= 1024 ** 2)) return `"${text}": keep at least 1 MB`;
  return n;
}

export interface PruneReport {
  byAge: number;
  bySize: number;
}

/**
 * Applies both limits once. Age: every zone is cut at now − maxAge. Size: while the store holds
 * more than maxBytes, the zone whose second keyframe is oldest loses its first interval. The
 * loop ends when nothing more can go (a zone keeps its last keyframe interval).
 */
export async function prune(store: RecordingStore, r: Retention, nowMs: number): Promise<PruneReport> {
  const report: PruneReport = { byAge: 0, bySize: 0 };
  for (const zone of await store.zones()) report.byAge += await store.pruneBefore(zone, nowMs - r.maxAgeMs);
  for (let guard = 0; guard < 100_000 && (await store.bytes()) > r.maxBytes; guard++) {
    const cut = await store.nextCut();
    if (!cut) break;
    const n = await store.pruneBefore(cut.zone, cut.ts);
    if (n === 0) break;
    report.bySize += n;
  }
  return report;
}
