/**
 * What the sunlight panel, its report and its CSV list, pure: failing windows worst first, the
 * failing buildings with their lowest failing floor, the impact rows, summaries, and every window
 * as CSV.
 * Hours are shown to the minute (h:mm), because rules are stated in hours and minutes.
 */
import type { Bilingual } from '../../../analysis/planning/types';
import type { ResultRow } from '../../../analysis/sunlight/worker/protocol';
import type { SunlightImpact } from '../../../analysis/sunlight/impact';
import type { SunlightSummary } from '../../../state/sunlightSlice';
import type { ImpactRow } from '../../../state/sunlightResults';

type Lang = 'zh' | 'en';

/** "2:05" for 2.083 h; non-finite hours read "—". */
export function formatHours(h: number): string {
  if (!Number.isFinite(h)) return '—';
  const total = Math.round(Math.max(0, h) * 60);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Failing windows, fewest hours first; ties by building, floor, facade and id, so the order is stable. */
export function failingWindows(rows: readonly ResultRow[]): ResultRow[] {
  return rows
    .filter((r) => !r.pass)
    .sort((a, b) =>
      a.hours - b.hours ||
      a.buildingId.localeCompare(b.buildingId) ||
      a.floor - b.floor ||
      a.facade - b.facade ||
      a.id.localeCompare(b.id));
}

export interface FailingBuilding {
  buildingId: string;
  failing: number;
  windows: number;
  /** Floors with a failing window, lowest first. */
  floors: number[];
  minHours: number;
}

/** Buildings with at least one failing window, the worst (lowest hours) first. */
export function failingBuildings(rows: readonly ResultRow[]): FailingBuilding[] {
  const by = new Map<string, FailingBuilding>();
  for (const r of rows) {
    let b = by.get(r.buildingId);
    if (!b) by.set(r.buildingId, (b = { buildingId: r.buildingId, failing: 0, windows: 0, floors: [], minHours: Infinity }));
    b.windows++;
    if (r.pass) continue;
    b.failing++;
    if (!b.floors.includes(r.floor)) b.floors.push(r.floor);
    b.minHours = Math.min(b.minHours, r.hours);
  }
  return [...by.values()]
    .filter((b) => b.failing > 0)
    .map((b) => ({ ...b, floors: b.floors.sort((x, y) => x - y) }))
    .sort((a, b) => a.minHours - b.minHours || a.buildingId.localeCompare(b.buildingId));
}

/** The list of an impact: newly failing first, then by the hours lost, then by id (stable). */
export function impactRowsOf(impact: Pick<SunlightImpact, 'worsened' | 'newlyFailing'>): ImpactRow[] {
  const failing = new Set(impact.newlyFailing.map((e) => e.id));
  const rows: ImpactRow[] = impact.worsened.map((e) => ({ receiverId: e.id, beforeHours: e.before, afterHours: e.after, newlyFailing: failing.has(e.id) }));
  // A window can newly fail without losing time only through rounding; list it all the same.
  for (const e of impact.newlyFailing) {
    if (!rows.some((r) => r.receiverId === e.id)) rows.push({ receiverId: e.id, beforeHours: e.before, afterHours: e.after, newlyFailing: true });
  }
  return rows.sort((x, y) => Number(y.newlyFailing) - Number(x.newlyFailing) || (x.afterHours - x.beforeHours) - (y.afterHours - y.beforeHours) || x.receiverId.localeCompare(y.receiverId));
}

/** The store's summary of a set of rows (0 h bounds when there are none). */
export function summarize(rows: readonly ResultRow[]): SunlightSummary {
  let passed = 0, minHours = Infinity, maxHours = -Infinity;
  for (const r of rows) {
    if (r.pass) passed++;
    minHours = Math.min(minHours, r.hours);
    maxHours = Math.max(maxHours, r.hours);
  }
  const none = rows.length === 0;
  return { receivers: rows.length, passed, failed: rows.length - passed, minHours: none ? 0 : minHours, maxHours: none ? 0 : maxHours };
}

const HEADER: Record<Lang, string[]> = {
  zh: ['测点编号', '建筑', '建筑名称', '立面', '楼层', 'E (m)', 'N (m)', 'U (m)', '日照时数 (h)', '最长连续 (h)', '是否满足'],
  en: ['Receiver id', 'Building', 'Building name', 'Facade', 'Floor', 'E (m)', 'N (m)', 'U (m)', 'Hours (h)', 'Longest continuous (h)', 'Pass'],
};

const PASS: Record<Lang, [string, string]> = { zh: ['满足', '不满足'], en: ['pass', 'fail'] };

export const SUNLIGHT_CSV_NOTE: Bilingual = {
  zh: '注：方案参考，非报建结论；日照按所列规则参数计算。',
  en: 'Note: scheme reference, not a statutory finding; hours computed with the profile parameters listed.',
};

/** RFC 4180 quoting; text starting like a formula gets an apostrophe so a spreadsheet does not run it. */
function field(v: string, text: boolean): string {
  const safe = text && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const n2 = (v: number): string => (Number.isFinite(v) ? (Math.round(v * 100) / 100).toFixed(2) : '');
const h3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '');

/**
 * Every window's result as CSV: UTF-8 BOM (Excel reads the Chinese), CRLF, a header, one row per
 * receiver, then the profile's parameters and the labelling note.
 */
export function sunlightCsv(rows: readonly ResultRow[], names: Record<string, Bilingual>, lang: Lang, params: readonly [string, string][]): string {
  const lines: string[][] = [HEADER[lang]];
  for (const r of rows) {
    lines.push([
      r.id, r.buildingId, names[r.buildingId]?.[lang] ?? '', String(r.facade), String(r.floor),
      n2(r.position[0]), n2(r.position[1]), n2(r.position[2]),
      h3(r.hours), h3(r.longestContinuousH), PASS[lang][r.pass ? 0 : 1],
    ]);
  }
  const pad = (cells: string[]) => [...cells, ...new Array<string>(Math.max(0, HEADER[lang].length - cells.length)).fill('')];
  for (const [k, v] of params) lines.push(pad([k, v]));
  lines.push(pad([SUNLIGHT_CSV_NOTE[lang]]));
  const textCols = new Set([0, 1, 2, 3]);
  return `\uFEFF${lines.map((l) => l.map((v, i) => field(v, textCols.has(i) || i === 0)).join(',')).join('\r\n')}\r\n`;
}
